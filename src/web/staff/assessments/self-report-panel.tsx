import { useState } from 'react';
import type { InstrumentEntry } from '../../../contracts/measurement';
import { errorMessage } from '../api-client';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { useLoad } from '../ui/use-load';
import { formatDateTime, measurementApi } from './measurement-api';

/**
 * Send a single-use link (email or SMS through the outbox, or shown once to hand over), or start
 * kiosk mode on this device. Only self-rated questionnaires are offered.
 */
export function SelfReportPanel({
  patient,
  instruments,
}: {
  /** The chart's patient: the panel needs only where a link can be sent. */
  patient: { id: string; email: string | null; phone: string | null };
  instruments: InstrumentEntry[];
}) {
  const selfRated = instruments.filter((i) => i.rater === 'self');
  const [instrumentId, setInstrumentId] = useState('phq9');
  const [channel, setChannel] = useState<'email' | 'sms' | 'copy'>(patient.email ? 'email' : 'copy');
  const [notice, setNotice] = useState<string>();
  const [copyUrl, setCopyUrl] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [confirmKiosk, setConfirmKiosk] = useState(false);
  const links = useLoad((signal) => measurementApi.links(patient.id, signal), patient.id);

  const send = async () => {
    setProblem(undefined);
    setNotice(undefined);
    setCopyUrl(undefined);
    try {
      const link = await measurementApi.sendLink(patient.id, { instrumentId, channel });
      if (link.url) setCopyUrl(link.url);
      else
        setNotice(
          `Link queued by ${channel === 'email' ? 'email' : 'SMS'} to ${link.recipientHint}; it expires ${formatDateTime(link.expiresAt)}.`,
        );
      links.reload();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const startKiosk = async () => {
    try {
      const { url } = await measurementApi.startKiosk(patient.id, instrumentId);
      // The staff session has ended on the server; a full page load leaves nothing of the app in memory.
      window.location.assign(url);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <section aria-labelledby="mbc-selfreport-title" className="mbc-section">
      <h3 id="mbc-selfreport-title">Self-report</h3>
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
            onChange={(e) => setChannel(e.target.value as typeof channel)}
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
      <div className="button-row">
        <button type="button" className="button" onClick={() => void send()}>
          Send link
        </button>
        <button type="button" className="button button--secondary" onClick={() => setConfirmKiosk(true)}>
          Start kiosk mode on this device
        </button>
      </div>
      {confirmKiosk ? (
        <div
          className="banner banner--notice"
          role="alertdialog"
          aria-labelledby="kiosk-confirm-title"
          aria-describedby="kiosk-confirm-body"
        >
          <p id="kiosk-confirm-title">
            <strong>Hand this device to the patient?</strong>
          </p>
          <p id="kiosk-confirm-body">
            You will be signed out here. The patient sees only this questionnaire, then a “hand back to staff”
            screen. Sign in again afterwards.
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void startKiosk()}>
              Sign out and start
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirmKiosk(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <NoticeBanner>{notice}</NoticeBanner>
      {copyUrl ? (
        <div className="banner banner--notice" role="status">
          <p>Single-use link (shown only now):</p>
          <p>
            <a
              className="mono mbc-link-url"
              href={copyUrl}
              target="_blank"
              rel="noreferrer noopener"
              data-testid="self-report-url"
            >
              {copyUrl}
            </a>
          </p>
        </div>
      ) : null}
      {problem ? <ErrorBanner>{problem}</ErrorBanner> : null}
      {links.data && links.data.items.length > 0 ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Self-report links table">
          <table className="table">
            <caption className="visually-hidden">Self-report links</caption>
            <thead>
              <tr>
                <th scope="col">Sent</th>
                <th scope="col">Questionnaire</th>
                <th scope="col">By</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.data.items.map((l) => (
                <tr key={l.id}>
                  <td>{formatDateTime(l.createdAt)}</td>
                  <td>{instruments.find((i) => i.id === l.instrumentId)?.shortTitle ?? l.instrumentId}</td>
                  <td>
                    {l.channel}
                    {l.recipientHint ? ` (${l.recipientHint})` : ''}
                  </td>
                  <td>
                    {l.status === 'pending' ? `pending until ${formatDateTime(l.expiresAt)}` : l.status}
                  </td>
                  <td>
                    {l.status === 'pending' ? (
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        onClick={() =>
                          void measurementApi
                            .revokeLink(l.id)
                            .then(links.reload, (e: unknown) => setProblem(errorMessage(e)))
                        }
                      >
                        Cancel link
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
