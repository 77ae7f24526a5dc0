import { useState } from 'react';
import type { Enquiry, EnquiryList, EnquiryStatus, EnquiryUpdateRequest } from '../../../contracts/enquiries';
import { enquiryConcernLabel } from '../../../domain/site';
import { apiGet, apiPatch, errorMessage } from '../api-client';
import { formatDateTime } from '../format';
import { useCan } from '../session-context';
import { ErrorBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import './enquiries.css';

type Status = EnquiryStatus;

const filters: { value: Status | 'all'; label: string }[] = [
  { value: 'new', label: 'New' },
  { value: 'contacted', label: 'Contacted' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
];

const statusLabels: Record<Status, string> = { new: 'New', contacted: 'Contacted', closed: 'Closed' };

function concernLabel(concern: string | null): string {
  return concern ? enquiryConcernLabel(concern) : 'Not given';
}

function EnquiryCard({
  enquiry,
  canUpdate,
  onChanged,
}: {
  enquiry: Enquiry;
  canUpdate: boolean;
  onChanged: () => void;
}) {
  const [note, setNote] = useState(enquiry.staffNote ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const save = async (change: Omit<EnquiryUpdateRequest, 'version'>) => {
    setBusy(true);
    setError(undefined);
    try {
      const body: EnquiryUpdateRequest = { version: enquiry.version, ...change };
      await apiPatch<Enquiry>(`/api/enquiries/${enquiry.id}`, body);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const headingId = `enquiry-${enquiry.id}`;
  return (
    <li className="enquiry-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {enquiry.name}{' '}
        <span className={`enquiry-status enquiry-status--${enquiry.status}`}>
          {statusLabels[enquiry.status]}
        </span>
      </h3>
      {enquiry.selfCheck?.phq9Item9Positive ? (
        <p className="enquiry-alert" role="note">
          Self-check: PHQ-9 question 9 (thoughts of death or self-harm) answered above “not at all”. Contact
          promptly and follow the clinic’s suicide-risk procedure.
        </p>
      ) : null}
      <dl className="enquiry-facts">
        <dt>Received</dt>
        <dd>{formatDateTime(enquiry.createdAt)}</dd>
        <dt>Contact by</dt>
        <dd>{enquiry.contactPreference === 'phone' ? 'Phone' : 'Email'}</dd>
        <dt>Email</dt>
        <dd>
          <a href={`mailto:${enquiry.email}`}>{enquiry.email}</a>
        </dd>
        <dt>Phone</dt>
        <dd>
          {enquiry.phone ? (
            <a href={`tel:${enquiry.phone.replace(/[^0-9+]/g, '')}`}>{enquiry.phone}</a>
          ) : (
            'Not given'
          )}
        </dd>
        <dt>Wants help with</dt>
        <dd>{concernLabel(enquiry.concern)}</dd>
        {enquiry.selfCheck ? (
          <>
            <dt>Self-check</dt>
            <dd>
              PHQ-9 {enquiry.selfCheck.phq9Total} of 27, GAD-7 {enquiry.selfCheck.gad7Total} of 21
            </dd>
          </>
        ) : null}
      </dl>
      {enquiry.message ? <p className="enquiry-message">{enquiry.message}</p> : null}
      {error ? <ErrorBanner>{error}</ErrorBanner> : null}
      {canUpdate ? (
        <div className="enquiry-actions">
          <div className="field">
            <label htmlFor={`${headingId}-note`}>Staff note</label>
            <textarea
              id={`${headingId}-note`}
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void save({ staffNote: note })}
            >
              Save note
            </button>
            {enquiry.status !== 'contacted' ? (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void save({ status: 'contacted', staffNote: note })}
              >
                Mark contacted
              </button>
            ) : null}
            {enquiry.status !== 'closed' ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => void save({ status: 'closed', staffNote: note })}
              >
                Close
              </button>
            ) : (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => void save({ status: 'new' })}
              >
                Reopen
              </button>
            )}
          </div>
        </div>
      ) : enquiry.staffNote ? (
        <p className="muted">Note: {enquiry.staffNote}</p>
      ) : null}
    </li>
  );
}

/** The "new enquiries" inbox: consultation requests from the public site. Every load is audited by the server. */
export function EnquiriesPage() {
  const can = useCan();
  const [status, setStatus] = useState<Status | 'all'>('new');
  const query = status === 'all' ? '' : `?status=${status}`;
  const { data, error, loading, reload } = useLoad(
    (signal) => apiGet<EnquiryList>(`/api/enquiries${query}`, { signal }),
    `enquiries:${status}`,
  );
  return (
    <>
      <h1>Enquiries</h1>
      <p className="muted">
        Consultation requests from the clinic’s public website. Reply within one working day.
      </p>
      <fieldset className="enquiry-filter">
        <legend>Show</legend>
        {filters.map((f) => (
          <label key={f.value}>
            <input
              type="radio"
              name="enquiry-status"
              value={f.value}
              checked={status === f.value}
              onChange={() => setStatus(f.value)}
            />{' '}
            {f.label}
          </label>
        ))}
      </fieldset>
      <LoadState loading={loading && !data} error={error} />
      {data ? (
        <section aria-labelledby="enquiry-list-title">
          <h2 id="enquiry-list-title">
            {filters.find((f) => f.value === status)?.label} enquiries ({data.total})
            {status !== 'new' ? ` · ${data.newCount} new` : ''}
          </h2>
          {data.items.length === 0 ? <p>No enquiries here.</p> : null}
          <ul className="enquiry-list">
            {data.items.map((enquiry) => (
              <EnquiryCard
                key={`${enquiry.id}:${enquiry.version}`}
                enquiry={enquiry}
                canUpdate={can('enquiry.update')}
                onChanged={reload}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
