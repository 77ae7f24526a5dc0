import type { AuditSortKey } from '../../../contracts/audit';
import { ariaSort, auditColumns, sortIcon, type AuditOrder } from './audit-columns';

/** Column headers that sort the report; the sorted one announces its direction. */
export function AuditTableHead({
  order,
  onSort,
}: {
  order: AuditOrder;
  onSort: (key: AuditSortKey) => void;
}) {
  return (
    <thead>
      <tr>
        <th scope="col">
          <span className="visually-hidden">Details</span>
        </th>
        {auditColumns.map((column) => (
          <th key={column.key} scope="col" aria-sort={ariaSort(order, column.key)}>
            <button type="button" className="sort-button" onClick={() => onSort(column.key)}>
              {column.label}
              <span aria-hidden="true" className="sort-button__icon">
                {sortIcon(order, column.key)}
              </span>
            </button>
          </th>
        ))}
      </tr>
    </thead>
  );
}
