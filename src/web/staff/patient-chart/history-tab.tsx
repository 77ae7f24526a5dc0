import { useState } from 'react';
import type { PatientHistory, PatientHistoryEntry } from '../../../contracts/patients';
import { apiGet } from '../api-client';
import { formatDateTime } from '../format';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import type { ChartTabProps } from './chart-tab-types';
import { diffSnapshots, fieldLabel } from './history-diff';

/** The server names who saved each version, whatever the reader's role may see of the staff list. */
function savedBy(entry: PatientHistoryEntry): string {
  if (entry.changedByLabel) return entry.changedByLabel;
  return entry.changedBy ? `Staff ${entry.changedBy.slice(0, 8)}` : 'System';
}

export function HistoryTab({ patient }: ChartTabProps) {
  // Keyed by version so the list refreshes after a save on another tab.
  const history = useLoad(
    (signal) => apiGet<PatientHistory>(`/api/patients/${patient.id}/history`, { signal }),
    `${patient.id}:${patient.version}`,
  );
  const [selected, setSelected] = useState<number>();

  const items = history.data?.items ?? [];
  const chosen = items.find((e) => e.version === selected) ?? items[0];
  const previous = chosen ? items.find((e) => e.version === chosen.version - 1) : undefined;
  const diff = chosen ? diffSnapshots(previous?.snapshot, chosen.snapshot) : [];

  return (
    <>
      <LoadState loading={history.loading && !history.data} error={history.error} />
      {items.length > 0 ? (
        <div className="history">
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
                        onClick={() => setSelected(entry.version)}
                      >
                        Version {entry.version}
                      </button>
                    </td>
                    <td data-label="When">{formatDateTime(entry.changedAt)}</td>
                    <td data-label="Who">{savedBy(entry)}</td>
                    <td data-label="Changed">
                      {entry.version === 1
                        ? 'Record created'
                        : entry.changedFields.map(fieldLabel).join(', ')}
                    </td>
                    <td data-label="Reason">{entry.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {chosen ? (
            <section aria-labelledby="history-diff-title" className="history__diff">
              <h3 id="history-diff-title">
                Changes in version {chosen.version}
                {previous ? ` (compared with version ${previous.version})` : ' (the record as created)'}
              </h3>
              {diff.length === 0 ? (
                <p className="muted">No field values differ.</p>
              ) : (
                <div className="table-wrap" role="region" aria-label="Changed fields" tabIndex={0}>
                  <table className="table table--diff">
                    <thead>
                      <tr>
                        <th scope="col">Field</th>
                        <th scope="col">Before</th>
                        <th scope="col">After</th>
                      </tr>
                    </thead>
                    <tbody>
                      {diff.map((row) => (
                        <tr key={row.field}>
                          <th scope="row">{fieldLabel(row.field)}</th>
                          <td className="diff-before">
                            {row.before || <span className="muted">(empty)</span>}
                          </td>
                          <td className="diff-after">
                            {row.after || <span className="muted">(empty)</span>}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
