import type { InstrumentEntry } from '../../../contracts/measurement';
import type { SendChannel } from './self-report-model';

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
      <div className="field">
        <label htmlFor="mbc-link-channel">Send by</label>
        <select
          id="mbc-link-channel"
          value={channel}
          onChange={(e) => setChannel(e.target.value as SendChannel)}
        >
          <option value="email" disabled={!patient.email}>
            Email{patient.email ? '' : ' (no address on file)'}
          </option>
          <option value="sms" disabled={!patient.phone}>
            SMS{patient.phone ? '' : ' (no phone on file)'}
          </option>
          <option value="copy">Show the link once, to hand over</option>
        </select>
      </div>
    </div>
  );
}
