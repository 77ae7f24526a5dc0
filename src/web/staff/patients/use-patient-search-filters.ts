import { useState } from 'react';

/** The search box, filters and page; changing any filter goes back to the first page. */
export function usePatientSearchFilters() {
  const [q, setQ] = useState('');
  const [careStatus, setCareStatus] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [offset, setOffset] = useState(0);
  const fromFirstPage =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setOffset(0);
    };
  return {
    q,
    careStatus,
    includeInactive,
    offset,
    setQuery: fromFirstPage(setQ),
    setCareStatus: fromFirstPage(setCareStatus),
    setIncludeInactive: fromFirstPage(setIncludeInactive),
    setOffset,
  };
}
