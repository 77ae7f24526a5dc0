import { useId, useState } from 'react';
import type { PatientSearchResult } from '../../../contracts/patients';
import { apiGet } from '../api-client';
import { dobWithAge, fullName } from '../format';
import { patientSearchUrl } from '../patients/patient-search-query';
import { useApiQuery } from '../query/use-api-query';
import { LoadState } from '../ui/load-state';
import { useDebounced } from '../ui/use-debounced';

export interface ChosenPatient {
  id: string;
  name: string;
  mrn: string;
}

/** Finds the patient to book for by name, date of birth or MRN (the patient list's search). */
export function PatientPicker({ onChoose }: { onChoose: (patient: ChosenPatient) => void }) {
  const id = useId();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 300);
  const url = patientSearchUrl(query, '', false, 0);
  const search = useApiQuery(
    ['patients', 'list', { q: query, picker: true }],
    (signal) => apiGet<PatientSearchResult>(url, { signal }),
    { enabled: query.length >= 2 },
  );
  return (
    <div className="patient-picker">
      <div className="field">
        <label htmlFor={`${id}-q`}>Find the patient</label>
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
        />
        <p className="field__hint" id={`${id}-hint`}>
          Name, date of birth or MRN. Type at least two characters.
        </p>
      </div>
      {query.length >= 2 ? <LoadState loading={search.isPending} error={search.error} /> : null}
      {search.data && query.length >= 2 ? (
        search.data.items.length === 0 ? (
          <p>No patients match.</p>
        ) : (
          <ul className="patient-picker__results" aria-label="Matching patients">
            {search.data.items.slice(0, 10).map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="button button--secondary patient-picker__choice"
                  onClick={() => onChoose({ id: p.id, name: fullName(p), mrn: p.mrn })}
                >
                  {fullName(p)}
                  <span className="muted">
                    {' '}
                    · {dobWithAge(p.birthDate)} · {p.mrn}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
