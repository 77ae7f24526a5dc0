import { useState } from 'react';
import type { EnquiryList } from '../../../contracts/enquiries';
import { apiGet } from '../api-client';
import { useCan } from '../session-context';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import { EnquiryCard } from './enquiry-card';
import { enquiryFilters, type EnquiryFilter } from './enquiry-labels';
import './enquiries.css';

/** The "new enquiries" inbox: consultation requests from the public site. Every load is audited by the server. */
export function EnquiriesPage() {
  const can = useCan();
  const [status, setStatus] = useState<EnquiryFilter>('new');
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
        {enquiryFilters.map((f) => (
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
            {enquiryFilters.find((f) => f.value === status)?.label} enquiries ({data.total})
            {status !== 'new' ? ` · ${data.newCount} new` : ''}
          </h2>
          {data.items.length === 0 ? <p>No enquiries here.</p> : null}
          <ul className="enquiry-list">
            {data.items.map((enquiry) => (
              <EnquiryCard
                key={`${enquiry.id}:${enquiry.version}`}
                enquiry={enquiry}
                canUpdate={can('enquiry.update')}
                canRegister={can('patient.create')}
                onChanged={reload}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
