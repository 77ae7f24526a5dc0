import type { PatientHistoryEntry } from '../../../contracts/patients';
import { diffSnapshots, fieldLabel } from './history-diff';

interface HistoryDiffSectionProps {
  chosen: PatientHistoryEntry;
  previous: PatientHistoryEntry | undefined;
}

/** The field values a version changed, before and after. */
export function HistoryDiffSection({ chosen, previous }: HistoryDiffSectionProps) {
  const diff = diffSnapshots(previous?.snapshot, chosen.snapshot);
  return (
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
                  <td className="diff-before">{row.before || <span className="muted">(empty)</span>}</td>
                  <td className="diff-after">{row.after || <span className="muted">(empty)</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
