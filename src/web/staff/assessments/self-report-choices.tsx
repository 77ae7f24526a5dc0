import type { InstrumentEntry } from '../../../contracts/measurement';
import type { SendChannel } from './self-report-model';
import { SendChannelSelect } from './send-channel-select';

/** Which self-rated questionnaire to send, and how; a channel without contact details is disabled. */
export function SelfReportChoices({
  patient,
  selfRated,
  instrumentId,
  setInstrumentId,
  channel,
  setChannel,
}: {
  patient: { email: string | null; phone: string | null };
  selfRated: InstrumentEntry[];
  instrumentId: string;
  setInstrumentId: (id: string) => void;
  channel: SendChannel;
  setChannel: (channel: SendChannel) => void;
}) {
  return (
    <div className="grid grid--compact">
      <div className="field">
        <label htmlFor="mbc-link-instrument">Questionnaire for the patient</label>
        <select
          id="mbc-link-instrument"
          value={instrumentId}
          onChange={(e) => setInstrumentId(e.target.value)}
        >
          {selfRated.map((i) => (
            <option key={i.id} value={i.id}>
              {i.shortTitle}
            </option>
          ))}
        </select>
      </div>
      <SendChannelSelect id="mbc-link-channel" patient={patient} channel={channel} setChannel={setChannel} />
    </div>
  );
}
