import type { AuditRow, BulkAccessHour } from '../../../contracts/audit';
import type { AuditFilters } from './audit-query';

/** An instant as a datetime-local input holds it: the browser's wall-clock time, to the minute. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The report's filters that show one flagged user's chart reads in the flagged hour. */
export function filtersForFlaggedHour(flagged: BulkAccessHour, current: AuditFilters): AuditFilters {
  const start = new Date(flagged.hour);
  const end = new Date(start.getTime() + 3_600_000);
  return {
    ...current,
    userId: flagged.userId,
    from: isoToLocalInput(start.toISOString()),
    to: isoToLocalInput(end.toISOString()),
    bulkAccess: true,
  };
}

/**
 * What the Patient column shows: the name and MRN of the clinic's patient, or the start of the id
 * when the row names no patient of this clinic (a record asked for and refused, for instance).
 */
export function patientCell(
  row: Pick<AuditRow, 'patientId' | 'patientName' | 'patientMrn'>,
): { name: string; mrn: string | null } | undefined {
  if (!row.patientId) return undefined;
  if (row.patientName) return { name: row.patientName, mrn: row.patientMrn };
  return { name: row.patientId.slice(0, 8), mrn: null };
}
