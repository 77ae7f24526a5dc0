import type { FormEvent } from 'react';
import type { PatientSearchResult } from '../../../contracts/patients';
import { apiGet } from '../api-client';
import { Link } from '../routing/link';
import { navigate } from '../routing/navigation';
import { paths } from '../routing/routes';
import { useCan } from '../session-context';
import { LoadState } from '../ui/load-state';
import { Pagination } from '../ui/pagination';
import { useDebounced } from '../ui/use-debounced';
import { useLoad } from '../ui/use-load';
import { PatientResultsTable } from './patient-results-table';
import { PatientSearchForm } from './patient-search-form';
import { patientCountText, patientPageSize, patientSearchUrl } from './patient-search-query';
import { usePatientSearchFilters } from './use-patient-search-filters';
import { useSearchShortcut } from './use-search-shortcut';

export function PatientListPage() {
  const can = useCan();
  const filters = usePatientSearchFilters();
  const { q, careStatus, includeInactive, offset } = filters;
  const debouncedQ = useDebounced(q, 300);
  const searchBox = useSearchShortcut();
  const url = patientSearchUrl(debouncedQ, careStatus, includeInactive, offset);
  const { data, error, loading } = useLoad((signal) => apiGet<PatientSearchResult>(url, { signal }), url);

  // Enter opens the first match; if the debounce has not fired yet, search now for what was typed.
  const openFirst = async (event: FormEvent) => {
    event.preventDefault();
    const result =
      debouncedQ === q && data
        ? data
        : await apiGet<PatientSearchResult>(patientSearchUrl(q, careStatus, includeInactive, 0));
    const first = result.items[0];
    if (first) navigate(paths.patient(first.id));
  };

  return (
    <>
      <div className="page-heading">
        <h1>Patients</h1>
        {can('patient.create') ? (
          <Link className="button" href={paths.newPatient()}>
            New patient
          </Link>
        ) : null}
      </div>
      <PatientSearchForm
        q={q}
        onQuery={filters.setQuery}
        careStatus={careStatus}
        onCareStatus={filters.setCareStatus}
        includeInactive={includeInactive}
        onIncludeInactive={filters.setIncludeInactive}
        searchBox={searchBox}
        onSubmit={openFirst}
      />
      <LoadState loading={loading && !data} error={error} />
      {data ? (
        <>
          <p className="muted" role="status" aria-live="polite">
            {patientCountText(data.total)}
            {loading ? ' (updating…)' : ''}
          </p>
          {data.items.length > 0 ? <PatientResultsTable items={data.items} /> : null}
          <Pagination
            total={data.total}
            offset={offset}
            pageSize={patientPageSize}
            onOffset={filters.setOffset}
            label="Patient results pages"
          />
        </>
      ) : null}
    </>
  );
}
