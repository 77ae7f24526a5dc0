import type { AuditQueryRequest, AuditSortKey } from '../../../contracts/audit';
import { toQueryString, type QueryValue } from '../query-string';

export type { AuditSortKey } from '../../../contracts/audit';

export interface AuditFilters {
  /** As typed in a datetime-local input: local wall-clock time without a zone. */
  from: string;
  to: string;
  userId: string;
  patientId: string;
  action: string;
  /** Only the chart reads of users flagged for bulk access, in their flagged hours. */
  bulkAccess: boolean;
}

export const emptyAuditFilters: AuditFilters = {
  from: '',
  to: '',
  userId: '',
  patientId: '',
  action: '',
  bulkAccess: false,
};

/** A datetime-local value is the browser's local time; the API wants an instant. */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function auditQuery(
  filters: AuditFilters,
  sort: AuditSortKey,
  dir: 'asc' | 'desc',
  page?: { limit: number; offset: number },
): string {
  // Only parameters the contract names: the server refuses any other.
  const query = {
    from: localToIso(filters.from),
    to: localToIso(filters.to),
    userId: filters.userId,
    patientId: filters.patientId,
    action: filters.action,
    bulkAccess: filters.bulkAccess ? 'true' : undefined,
    sort,
    dir,
    limit: page?.limit,
    offset: page?.offset,
  } satisfies { [K in keyof AuditQueryRequest]?: QueryValue };
  return toQueryString(query);
}

/** Clicking the sorted column flips its direction; a new column starts with the natural order. */
export function nextSort(current: { sort: AuditSortKey; dir: 'asc' | 'desc' }, clicked: AuditSortKey) {
  if (current.sort === clicked)
    return { sort: clicked, dir: current.dir === 'asc' ? ('desc' as const) : ('asc' as const) };
  return { sort: clicked, dir: clicked === 'time' ? ('desc' as const) : ('asc' as const) };
}
