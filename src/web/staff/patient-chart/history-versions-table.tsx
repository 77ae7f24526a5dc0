import type { PatientHistoryEntry } from '../../../contracts/patients';
import { formatDateTime } from '../format';
import { fieldLabel } from './history-diff';
import { savedBy } from './history-selection';

interface HistoryVersionsTableProps {
  items: readonly PatientHistoryEntry[];
  chosen: PatientHistoryEntry | undefined;
  onChoose: (version: number) => void;
}

/** Every saved version, newest first; choosing one shows what it changed. */
export function HistoryVersionsTable({ items, chosen, onChoose }: HistoryVersionsTableProps) {
  return (
    <div className="table-wrap" role="region" aria-label="Record versions" tabIndex={0}>
      <table className="table table--stack">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Changed</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={entry.version} className={entry === chosen ? 'is-selected' : undefined}>
              <td data-label="Version">
                <button
                  type="button"
                  className="button button--link"
                  aria-pressed={entry === chosen}
                  onClick={() => onChoose(entry.version)}
                >
                  Version {entry.version}
                </button>
              </td>
              <td data-label="When">{formatDateTime(entry.changedAt)}</td>
              <td data-label="Who">{savedBy(entry)}</td>
              <td data-label="Changed">
                {entry.version === 1 ? 'Record created' : entry.changedFields.map(fieldLabel).join(', ')}
              </td>
              <td data-label="Reason">{entry.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
