import { and, asc, desc, eq, gte, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AuditQuery, AuditSortKey } from '../../../contracts/audit.js';
import type { Executor } from '../../../db/client.js';
import { auditLog, clinics, patients } from '../../../db/schema.js';

/** The audit report's SQL over `audit_log` (read only: the writer is src/server/shared/audit.ts). */

/** Sortable columns by name: the client picks a key, never a column expression (openemr#1782). */
const auditSortColumns = {
  time: auditLog.seq,
  user: auditLog.userLabel,
  // By the name a person reads in the report, not by the record id.
  patient: patients.legalFamilyName,
  action: auditLog.action,
  entity: auditLog.entity,
  outcome: auditLog.outcome,
  client: auditLog.clientIp,
} as const satisfies Record<AuditSortKey, unknown>;

/** The report's filters; sort, direction and page are applied by the list query. */
export type AuditFilter = Pick<AuditQuery, 'from' | 'to' | 'userId' | 'patientId' | 'action' | 'bulkAccess'>;

/**
 * What the bulk-access heuristic counts as opening a chart: a successful read that names a patient,
 * by a staff user (a patient opening their own self-report link has no user id).
 */
function chartReadOf(table: Record<'action' | 'outcome' | 'patientId' | 'userId', AnyPgColumn>): SQL {
  return and(
    eq(table.action, 'read'),
    eq(table.outcome, 'success'),
    isNotNull(table.patientId),
    isNotNull(table.userId),
  )!;
}

/** The clock hour (UTC) of an event. */
const hourOf = (column: AnyPgColumn) => sql`date_trunc('hour', ${column} AT TIME ZONE 'UTC')`;

/**
 * The chart reads of flagged (user, hour) pairs: the hours are counted whole, also when the
 * report's range starts or ends inside one, so a filter never splits an hour's count.
 */
function bulkAccessCondition(clinicId: string, filter: AuditFilter, threshold: number): SQL {
  // Its columns render as "bulk".<column>; the FROM below gives the table that name.
  const inner = alias(auditLog, 'bulk');
  // An hour on either side: the hours at the range's ends are counted whole.
  const range: SQL[] = [];
  if (filter.from)
    range.push(sql`${inner.occurredAt} >= ${new Date(filter.from)}::timestamptz - interval '1 hour'`);
  if (filter.to)
    range.push(sql`${inner.occurredAt} < ${new Date(filter.to)}::timestamptz + interval '1 hour'`);
  return and(
    chartReadOf(auditLog),
    sql`(${auditLog.userId}, ${hourOf(auditLog.occurredAt)}) IN (
      SELECT ${inner.userId}, ${hourOf(inner.occurredAt)} FROM ${auditLog} AS "bulk"
      WHERE ${and(eq(inner.clinicId, clinicId), chartReadOf(inner), ...range)}
      GROUP BY 1, 2
      HAVING count(DISTINCT ${inner.patientId}) > ${threshold})`,
  )!;
}

function whereOf(clinicId: string, filter: AuditFilter, bulkThreshold: number): SQL {
  const conditions: SQL[] = [eq(auditLog.clinicId, clinicId)];
  if (filter.from) conditions.push(gte(auditLog.occurredAt, new Date(filter.from)));
  if (filter.to) conditions.push(lt(auditLog.occurredAt, new Date(filter.to)));
  if (filter.userId) conditions.push(eq(auditLog.userId, filter.userId));
  // A patient's accesses include the searches and lists that showed them, not only reads of their chart.
  if (filter.patientId) {
    conditions.push(
      or(
        eq(auditLog.patientId, filter.patientId),
        sql`(${auditLog.detail} -> 'patientIds') @> ${JSON.stringify([filter.patientId])}::jsonb`,
      )!,
    );
  }
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.bulkAccess === 'true') conditions.push(bulkAccessCondition(clinicId, filter, bulkThreshold));
  return and(...conditions)!;
}

const rowFields = {
  seq: auditLog.seq,
  occurredAt: auditLog.occurredAt,
  userId: auditLog.userId,
  userLabel: auditLog.userLabel,
  patientId: auditLog.patientId,
  patientGivenName: patients.legalGivenName,
  patientFamilyName: patients.legalFamilyName,
  patientMrn: patients.mrn,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  detail: auditLog.detail,
  outcome: auditLog.outcome,
  clientIp: auditLog.clientIp,
};

/**
 * The clinic's events matching the filter, in the asked order (ties: newest first), each with the
 * name and MRN of its patient. The patient is joined within the clinic, so a row can never show
 * another clinic's patient.
 */
export async function listAuditRows(
  db: Executor,
  clinicId: string,
  query: AuditFilter & Pick<AuditQuery, 'sort' | 'dir'>,
  page: { limit: number; offset?: number; bulkThreshold: number },
) {
  const column = auditSortColumns[query.sort];
  const rows = await db
    .select(rowFields)
    .from(auditLog)
    .leftJoin(patients, and(eq(patients.id, auditLog.patientId), eq(patients.clinicId, clinicId)))
    .where(whereOf(clinicId, query, page.bulkThreshold))
    .orderBy(query.dir === 'asc' ? asc(column) : desc(column), desc(auditLog.seq))
    .limit(page.limit)
    .offset(page.offset ?? 0);
  return rows.map(({ patientGivenName, patientFamilyName, ...row }) => ({
    ...row,
    patientName: patientFamilyName === null ? null : `${patientGivenName} ${patientFamilyName}`,
  }));
}

export async function countAuditRows(
  db: Executor,
  clinicId: string,
  filter: AuditFilter,
  bulkThreshold: number,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(auditLog)
    .where(whereOf(clinicId, filter, bulkThreshold));
  return row?.n ?? 0;
}

/**
 * The (user, hour) pairs in which a user read more distinct patients' records than `threshold`,
 * newest first: the bulk-access notice. Hours are UTC clock hours.
 */
export async function listBulkAccessHours(
  db: Executor,
  clinicId: string,
  range: { from: Date; to: Date | null },
  threshold: number,
  limit = 100,
) {
  const conditions = [
    eq(auditLog.clinicId, clinicId),
    chartReadOf(auditLog),
    gte(auditLog.occurredAt, range.from),
  ];
  if (range.to) conditions.push(lt(auditLog.occurredAt, range.to));
  const result = await db.execute<{
    user_id: string;
    user_label: string | null;
    hour: string;
    patients: string;
  }>(sql`
    SELECT ${auditLog.userId} AS user_id, max(${auditLog.userLabel}) AS user_label,
           to_char(${hourOf(auditLog.occurredAt)}, 'YYYY-MM-DD"T"HH24":00:00.000Z"') AS hour,
           count(DISTINCT ${auditLog.patientId}) AS patients
    FROM ${auditLog}
    WHERE ${and(...conditions)}
    GROUP BY ${auditLog.userId}, ${hourOf(auditLog.occurredAt)}
    HAVING count(DISTINCT ${auditLog.patientId}) > ${threshold}
    ORDER BY 3 DESC, 4 DESC
    LIMIT ${limit}`);
  return result.rows.map((r) => ({
    userId: r.user_id,
    userLabel: r.user_label,
    hour: r.hour,
    patients: Number(r.patients),
  }));
}

/** The clinic's stored settings (the service reads the audit section with its defaults). */
export async function findClinicSettings(db: Executor, clinicId: string): Promise<unknown> {
  const [row] = await db.select({ settings: clinics.settings }).from(clinics).where(eq(clinics.id, clinicId));
  return row?.settings;
}
