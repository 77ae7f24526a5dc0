import type { FormEvent, RefObject } from 'react';
import { careStatusLabels, careStatuses } from '../../../domain/patients';
import { SelectField } from '../ui/select-field';

const statusOptions = [
  { value: '', label: 'Any status' },
  ...careStatuses.map((s) => ({ value: s, label: careStatusLabels[s] })),
];

interface PatientSearchFormProps {
  q: string;
  onQuery: (q: string) => void;
  careStatus: string;
  onCareStatus: (careStatus: string) => void;
  includeInactive: boolean;
  onIncludeInactive: (includeInactive: boolean) => void;
  searchBox: RefObject<HTMLInputElement | null>;
  onSubmit: (event: FormEvent) => void;
}

export function PatientSearchForm({
  q,
  onQuery,
  careStatus,
  onCareStatus,
  includeInactive,
  onIncludeInactive,
  searchBox,
  onSubmit,
}: PatientSearchFormProps) {
  return (
    <form className="search-bar" role="search" onSubmit={onSubmit}>
      <div className="field search-bar__query">
        <label htmlFor="patient-search">Search by name, date of birth or MRN</label>
        <input
          id="patient-search"
          ref={searchBox}
          type="search"
          value={q}
          onChange={(event) => onQuery(event.target.value)}
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
      <SelectField label="Care status" value={careStatus} options={statusOptions} onChange={onCareStatus} />
      <div className="field field--checkbox">
        <input
          id="include-inactive"
          type="checkbox"
          checked={includeInactive}
          onChange={(event) => onIncludeInactive(event.target.checked)}
        />
        <label htmlFor="include-inactive">Include inactive records</label>
      </div>
    </form>
  );
}
