import type { AuditRow, AuditSortKey } from '../../../contracts/audit';

export interface AuditOrder {
  sort: AuditSortKey;
  dir: 'asc' | 'desc';
}

/** Every column sorts; the first (unlabelled) column of the table holds the details toggle. */
export const auditColumns: { key: AuditSortKey; label: string }[] = [
  { key: 'time', label: 'Time' },
  { key: 'user', label: 'User' },
  { key: 'patient', label: 'Patient' },
  { key: 'action', label: 'Action' },
  { key: 'entity', label: 'Data' },
  { key: 'outcome', label: 'Outcome' },
  { key: 'client', label: 'Client address' },
];

/** The aria-sort a column header announces. */
export function ariaSort(order: AuditOrder, key: AuditSortKey): 'ascending' | 'descending' | 'none' {
  if (order.sort !== key) return 'none';
  return order.dir === 'asc' ? 'ascending' : 'descending';
}

/** The arrow drawn beside a column label (hidden from screen readers, which hear aria-sort). */
export function sortIcon(order: AuditOrder, key: AuditSortKey): string {
  if (order.sort !== key) return '↕';
  return order.dir === 'asc' ? '▲' : '▼';
}

/** A failed event stands out with the "disabled" badge colour. */
export function outcomeBadgeClass(outcome: AuditRow['outcome']): string {
  return `badge badge--${outcome === 'success' ? 'active' : 'disabled'}`;
}
