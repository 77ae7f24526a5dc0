import type { AuditRow, AuditSortKey } from '../../../contracts/audit';
import type { AuditOrder } from './audit-columns';
import { AuditEventRow } from './audit-event-row';
import { AuditTableHead } from './audit-table-head';

interface AuditEventsTableProps {
  rows: readonly AuditRow[];
  order: AuditOrder;
  onSort: (key: AuditSortKey) => void;
  /** The event whose details are open, if any: one at a time. */
  expanded: number | undefined;
  onExpand: (seq: number | undefined) => void;
}

export function AuditEventsTable({ rows, order, onSort, expanded, onExpand }: AuditEventsTableProps) {
  return (
    <div className="table-wrap" role="region" aria-label="Audit events" tabIndex={0}>
      <table className="table table--audit">
        <AuditTableHead order={order} onSort={onSort} />
        <tbody>
          {rows.map((row) => {
            const open = expanded === row.seq;
            return (
              <AuditEventRow
                key={row.seq}
                row={row}
                open={open}
                onToggle={() => onExpand(open ? undefined : row.seq)}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
