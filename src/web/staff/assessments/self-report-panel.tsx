import type { InstrumentEntry } from '../../../contracts/measurement';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { KioskConfirm } from './kiosk-confirm';
import { OneTimeLink } from './one-time-link';
import { SelfReportChoices } from './self-report-choices';
import { SelfReportLinksTable } from './self-report-links-table';
import { useSelfReport } from './use-self-report';

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
  const {
    choices,
    notice,
    copyUrl,
    problem,
    confirmKiosk,
    setConfirmKiosk,
    links,
    send,
    startKiosk,
    revoke,
  } = useSelfReport(patient);
  return (
    <section aria-labelledby="mbc-selfreport-title" className="mbc-section">
      <h3 id="mbc-selfreport-title">Self-report</h3>
      <SelfReportChoices patient={patient} selfRated={selfRated} {...choices} />
      <div className="button-row">
        <button type="button" className="button" onClick={() => void send()}>
          Send link
        </button>
        <button type="button" className="button button--secondary" onClick={() => setConfirmKiosk(true)}>
          Start kiosk mode on this device
        </button>
      </div>
      {confirmKiosk ? (
        <KioskConfirm onStart={() => void startKiosk()} onCancel={() => setConfirmKiosk(false)} />
      ) : null}
      <NoticeBanner>{notice}</NoticeBanner>
      {copyUrl ? <OneTimeLink url={copyUrl} /> : null}
      {problem ? <ErrorBanner>{problem}</ErrorBanner> : null}
      {links.length > 0 ? (
        <SelfReportLinksTable links={links} instruments={instruments} onRevoke={revoke} />
      ) : null}
    </section>
  );
}
