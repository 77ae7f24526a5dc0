import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PatientSearchResult } from '../../../contracts/patients';
import { careStatusLabels, careStatuses } from '../../../domain/patients';
import { apiGet } from '../api-client';
import { dobWithAge, fullName } from '../format';
import { toQueryString } from '../query-string';
import { Link } from '../routing/link';
import { navigate } from '../routing/navigation';
import { paths } from '../routing/routes';
import { useCan } from '../session-context';
import { LoadState } from '../ui/load-state';
import { Pagination } from '../ui/pagination';
import { SelectField } from '../ui/select-field';
import { useDebounced } from '../ui/use-debounced';
import { useLoad } from '../ui/use-load';
import { CareStatusBadge } from './care-status-badge';

const pageSize = 25;

const statusOptions = [
  { value: '', label: 'Any status' },
  ...careStatuses.map((s) => ({ value: s, label: careStatusLabels[s] })),
];

function searchUrl(q: string, careStatus: string, includeInactive: boolean, offset: number): string {
  return `/api/patients${toQueryString({ q, careStatus, includeInactive: includeInactive || undefined, limit: pageSize, offset })}`;
}

export function PatientListPage() {
  const can = useCan();
  const [q, setQ] = useState('');
  const [careStatus, setCareStatus] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [offset, setOffset] = useState(0);
  const debouncedQ = useDebounced(q, 300);
  const searchBox = useRef<HTMLInputElement>(null);
  const url = searchUrl(debouncedQ, careStatus, includeInactive, offset);
  const { data, error, loading } = useLoad((signal) => apiGet<PatientSearchResult>(url, { signal }), url);

  // "/" jumps to the search box from anywhere on the page, unless the person is typing in a field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)))
        return;
      event.preventDefault();
      searchBox.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Enter opens the first match; if the debounce has not fired yet, search now for what was typed.
  const openFirst = async (event: FormEvent) => {
    event.preventDefault();
    const result =
      debouncedQ === q && data
        ? data
        : await apiGet<PatientSearchResult>(searchUrl(q, careStatus, includeInactive, 0));
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
      <form className="search-bar" role="search" onSubmit={openFirst}>
        <div className="field search-bar__query">
          <label htmlFor="patient-search">Search by name, date of birth or MRN</label>
          <input
            id="patient-search"
            ref={searchBox}
            type="search"
            value={q}
            onChange={(event) => {
              setQ(event.target.value);
              setOffset(0);
            }}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="patient-search-hint"
            autoFocus
          />
          <p className="field__hint" id="patient-search-hint">
            For example “garcia”, “1984-03-12” or “03/12/1984”, or an MRN such as “A0000018”. Press / to come
            back here, Enter to open the first result.
          </p>
        </div>
        <SelectField
          label="Care status"
          value={careStatus}
          options={statusOptions}
          onChange={(value) => {
            setCareStatus(value);
            setOffset(0);
          }}
        />
        <div className="field field--checkbox">
          <input
            id="include-inactive"
            type="checkbox"
            checked={includeInactive}
            onChange={(event) => {
              setIncludeInactive(event.target.checked);
              setOffset(0);
            }}
          />
          <label htmlFor="include-inactive">Include inactive records</label>
        </div>
      </form>
      <LoadState loading={loading && !data} error={error} />
      {data ? (
        <>
          <p className="muted" role="status" aria-live="polite">
            {data.total === 0 ? 'No patients match.' : `${data.total} patient${data.total === 1 ? '' : 's'}`}
            {loading ? ' (updating…)' : ''}
          </p>
          {data.items.length > 0 ? (
            <div className="table-wrap" role="region" aria-label="Search results" tabIndex={0}>
              <table className="table table--stack">
                <thead>
                  <tr>
                    <th scope="col">MRN</th>
                    <th scope="col">Name</th>
                    <th scope="col">Preferred name</th>
                    <th scope="col">Date of birth (age)</th>
                    <th scope="col">Care status</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((p) => (
                    <tr key={p.id}>
                      <td className="mono" data-label="MRN">
                        {p.mrn}
                      </td>
                      <td data-label="Name">
                        {/* One wrapper, so the name and its badge share a cell in the phone layout. */}
                        <span>
                          <Link href={paths.patient(p.id)}>{fullName(p)}</Link>
                          {!p.active ? <span className="badge badge--inactive">Inactive</span> : null}
                        </span>
                      </td>
                      <td data-label="Preferred name">{p.preferredName ?? ''}</td>
                      <td data-label="Born (age)">{dobWithAge(p.birthDate)}</td>
                      <td data-label="Care status">
                        <CareStatusBadge status={p.careStatus} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <Pagination
            total={data.total}
            offset={offset}
            pageSize={pageSize}
            onOffset={setOffset}
            label="Patient results pages"
          />
        </>
      ) : null}
    </>
  );
}
