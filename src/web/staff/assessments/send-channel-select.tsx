import type { SendChannel } from './self-report-model';

/** How a patient link is sent; a channel without contact details on file is disabled. */
export function SendChannelSelect({
  id,
  patient,
  channel,
  setChannel,
}: {
  id: string;
  patient: { email: string | null; phone: string | null };
  channel: SendChannel;
  setChannel: (channel: SendChannel) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Send by</label>
      <select id={id} value={channel} onChange={(e) => setChannel(e.target.value as SendChannel)}>
        <option value="email" disabled={!patient.email}>
          Email{patient.email ? '' : ' (no address on file)'}
        </option>
        <option value="sms" disabled={!patient.phone}>
          SMS{patient.phone ? '' : ' (no phone on file)'}
        </option>
        <option value="copy">Show the link once, to hand over</option>
      </select>
    </div>
  );
}
