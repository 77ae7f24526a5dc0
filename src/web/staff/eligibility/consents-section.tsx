import { useId, useState } from 'react';
import { apiPost } from '../api-client';
import { formatDateTime } from '../format';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { ProblemBanner } from '../scheduling/problem-banner';
import { useCan } from '../session-context';
import { NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { eligibilityPaths, type ConsentView } from './eligibility-api';
import { consentStatusWords } from './eligibility-text';
import { useConsents, useRefreshEligibility } from './use-eligibility-queries';

function WithdrawForm({ consent, onDone }: { consent: ConsentView; onDone: (message: string) => void }) {
  const id = useId();
  const refresh = useRefreshEligibility();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  if (!open)
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        Withdraw<span className="visually-hidden"> {consent.title}</span>
      </button>
    );
  return (
    <form
      aria-label={`Withdraw ${consent.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        void apiPost(eligibilityPaths.withdraw(consent.id), { reason: reason.trim() }).then(async () => {
          onDone(`${consent.title} is withdrawn.`);
          await refresh();
        }, setError);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-reason`}>Why the patient withdrew</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <ProblemBanner error={error} />
      <div className="button-row">
        <button type="submit" className="button">
          Record withdrawal
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The patient's consents with their status; countersign, withdraw, PDF, and the way to the signing page. */
export function ConsentsSection({ patientId }: { patientId: string }) {
  const can = useCan();
  const refresh = useRefreshEligibility();
  const { data, error, isPending } = useConsents(patientId);
  const [busy, setBusy] = useState<string>();
  const [actionError, setActionError] = useState<unknown>();
  const [notice, setNotice] = useState('');

  const countersign = async (consent: ConsentView) => {
    setBusy(consent.id);
    setActionError(undefined);
    setNotice('');
    try {
      await apiPost<ConsentView>(eligibilityPaths.countersign(consent.id));
      setNotice(`${consent.title} is countersigned; the PDF is ready.`);
      await refresh();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby="consents-title" className="consents-section">
      <h3 id="consents-title">Consent</h3>
      {can('consent.collect') ? (
        <p>
          <Link className="button" href={paths.consentSign(patientId)}>
            Sign a consent form (tablet)
          </Link>
        </p>
      ) : null}
      <LoadState loading={isPending} error={error} />
      <NoticeBanner>{notice}</NoticeBanner>
      <ProblemBanner error={actionError} />
      {data ? (
        data.items.length === 0 ? (
          <p className="muted">No consent signed yet.</p>
        ) : (
          <ul className="consent-list">
            {data.items.map((c) => (
              <li key={c.id} className="consent-item">
                <p>
                  <strong>
                    {c.title} (version {c.templateVersion})
                  </strong>{' '}
                  <span className={`badge consent-status consent-status--${c.status.replace(/_/g, '-')}`}>
                    {consentStatusWords[c.status]}
                  </span>
                </p>
                <p className="muted">
                  Signed by {c.patientTypedName} at {formatDateTime(c.patientSignedAt)}
                  {c.collectedBy ? `, collected by ${c.collectedBy.label}` : ''}.
                  {c.countersignedBy && c.countersignedAt
                    ? ` Countersigned by ${c.countersignedBy.label} at ${formatDateTime(c.countersignedAt)}.`
                    : ''}
                  {c.withdrawnAt
                    ? ` Withdrawn at ${formatDateTime(c.withdrawnAt)}: ${c.withdrawnReason ?? ''}`
                    : ''}
                </p>
                <div className="button-row">
                  {c.status === 'awaiting_countersignature' && can('consent.countersign') ? (
                    <button
                      type="button"
                      className="button"
                      disabled={busy === c.id}
                      onClick={() => void countersign(c)}
                    >
                      {busy === c.id ? 'Countersigning…' : 'Countersign'}
                      <span className="visually-hidden"> {c.title}</span>
                    </button>
                  ) : null}
                  {c.hasPdf ? (
                    <a className="button button--secondary" href={eligibilityPaths.pdf(c.id)} download>
                      Download PDF<span className="visually-hidden"> of {c.title}</span>
                    </a>
                  ) : null}
                  {(c.status === 'valid' || c.status === 'awaiting_countersignature') &&
                  can('consent.collect') ? (
                    <WithdrawForm consent={c} onDone={setNotice} />
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
