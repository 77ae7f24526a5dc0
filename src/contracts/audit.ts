import { z } from 'zod';
import { isoInstant, page } from './common.js';

/** The audit report: who read or changed what, filtered, sorted and exported. */

/** Columns the report may be sorted by, by name: the client picks a key, never a column expression. */
export const auditSortKeys = ['time', 'user', 'patient', 'action', 'entity', 'outcome', 'client'] as const;
export type AuditSortKey = (typeof auditSortKeys)[number];

const instantPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?)?$/;
const earliest = Date.parse('0001-01-01T00:00:00Z');
const latest = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * A date (`2024-01-31`, the start of that day in UTC) or a date-time (`2024-01-31T09:30`, with
 * seconds, fractions and `Z` or an offset as needed; without one it is the server's local time).
 * Strict where `Date.parse` is lenient: the calendar date must exist (no 1980-02-30), the year is
 * 0001 to 9999 (PostgreSQL has no year 0; `Date.parse` reads "0001-01-01 00:00" as 2001) and the
 * clock reads at most 23:59:59.
 */
export function parseAuditInstant(value: string): Date | undefined {
  const m = instantPattern.exec(value);
  if (!m) return undefined;
  const [
    ,
    year,
    month,
    day,
    hour = '00',
    minute = '00',
    second = '00',
    zone,
    zoneHours = '00',
    zoneMinutes = '00',
  ] = m;
  const date = `${year}-${month}-${day}`;
  const calendar = new Date(`${date}T00:00:00Z`);
  if (year === '0000' || Number.isNaN(calendar.getTime()) || !calendar.toISOString().startsWith(date))
    return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  if (zone && (Number(zoneHours) > 23 || Number(zoneMinutes) > 59)) return undefined;
  const instant = Date.parse(value);
  if (Number.isNaN(instant) || instant < earliest || instant > latest) return undefined;
  return new Date(instant);
}

const isoDateTime = z
  .string()
  .refine(
    (v) => parseAuditInstant(v) !== undefined,
    'must be a real date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM[:SS][Z or ±HH:MM]) between the years 0001 and 9999',
  );

/** Filters, order and page of the report; the CSV export takes the same query (paging aside). */
export const auditQuery = z
  .object({
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
    userId: z.uuid().optional(),
    patientId: z.uuid().optional(),
    action: z.string().max(40).optional(),
    /**
     * Only the chart reads of users flagged for bulk access (see `bulkAccess` of the report): every
     * read of a patient's data in a clock hour in which that user opened more distinct patients'
     * records than the clinic's threshold.
     */
    bulkAccess: z.enum(['true', 'false']).optional(),
    sort: z.enum(auditSortKeys).default('time'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();

export type AuditQuery = z.output<typeof auditQuery>;
export type AuditQueryRequest = z.input<typeof auditQuery>;

/** One event of the audit trail (its hash chain stays on the server). */
export const auditRow = z.object({
  seq: z.number().int(),
  occurredAt: isoInstant,
  userId: z.guid().nullable(),
  userLabel: z.string().nullable(),
  patientId: z.guid().nullable(),
  /** The patient's legal name and MRN, when the patient is one of the clinic's (null otherwise). */
  patientName: z.string().nullable(),
  patientMrn: z.string().nullable(),
  action: z.string(),
  /** What data: the kind of record touched, e.g. 'patient', 'patient.history', 'user'. */
  entity: z.string(),
  entityId: z.string().nullable(),
  /** Event-specific detail; its keys depend on the action. */
  detail: z.unknown(),
  outcome: z.enum(['success', 'failure']),
  clientIp: z.string().nullable(),
});

/** One user in one clock hour (UTC) who opened more distinct patients' records than the threshold. */
export const bulkAccessHour = z.object({
  userId: z.guid(),
  userLabel: z.string().nullable(),
  /** The start of the hour. */
  hour: isoInstant,
  /** Distinct patients whose records the user read in that hour. */
  patients: z.number().int().min(1),
});

/**
 * The bulk-access notice: a heuristic, not a standard. Within the report's time range (the last 30
 * days when no start is given), the hours in which a user read more distinct patients' records than
 * the clinic's `audit.bulkAccessPatientsPerHour` setting, newest first (at most 100).
 */
export const bulkAccessNotice = z.object({
  threshold: z.number().int().min(1),
  flagged: z.array(bulkAccessHour),
});

export const auditReportResponse = page(auditRow).extend({ bulkAccess: bulkAccessNotice });

export type AuditRow = z.infer<typeof auditRow>;
export type AuditReport = z.infer<typeof auditReportResponse>;
export type BulkAccessHour = z.infer<typeof bulkAccessHour>;
