import type { InstrumentEntry, Schedule } from '../../../contracts/measurement';
import { DueStatusBadge } from './due-status-badge';
import { instrumentShortTitle } from './instrument-titles';
import { formatDateTime } from '../format';
import { dueStatusLabels } from './schedule-model';
import { TableRegion } from './table-region';

/** What the plan asks of this patient next (and what was recently missed). */
export function ScheduleDueTable({
  due,
  instruments,
}: {
  due: Schedule['due'];
  instruments: InstrumentEntry[];
}) {
  return (
    <>
      <h4>Due questionnaires</h4>
      {due.length === 0 ? (
        <p className="muted">Nothing scheduled in the next 30 days.</p>
      ) : (
        <TableRegion
          label="Due questionnaires table"
          caption="Due questionnaires"
          columns={['Questionnaire', 'When', 'Due by', 'Status']}
        >
          {due.map((d) => (
            <tr key={`${d.planId}:${d.key}`}>
              <td>{instrumentShortTitle(instruments, d.instrumentId)}</td>
              <td>{d.reason}</td>
              <td>{formatDateTime(d.dueAt)}</td>
              <td>
                <DueStatusBadge status={d.status}>{dueStatusLabels[d.status]}</DueStatusBadge>
              </td>
            </tr>
          ))}
        </TableRegion>
      )}
    </>
  );
}
