import { and, asc, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditQuery, AuditSortKey } from '../../../contracts/audit.js';
import type { Executor } from '../../../db/client.js';
import { auditLog } from '../../../db/schema.js';

/** The audit report's SQL over `audit_log` (read only: the writer is src/server/shared/audit.ts). */

/** Sortable columns by name: the client picks a key, never a column expression (openemr#1782). */
const auditSortColumns = {
  time: auditLog.seq,
  user: auditLog.userLabel,
  patient: auditLog.patientId,
  action: auditLog.action,
  entity: auditLog.entity,
  outcome: auditLog.outcome,
  client: auditLog.clientIp,
} as const satisfies Record<AuditSortKey, unknown>;

/** The report's filters; sort, direction and page are applied by the list query. */
export type AuditFilter = Pick<AuditQuery, 'from' | 'to' | 'userId' | 'patientId' | 'action'>;

function whereOf(clinicId: string, filter: AuditFilter): SQL {
  const conditions: SQL[] = [eq(auditLog.clinicId, clinicId)];
  if (filter.from) conditions.push(gte(auditLog.occurredAt, new Date(filter.from)));
  if (filter.to) conditions.push(lt(auditLog.occurredAt, new Date(filter.to)));
  if (filter.userId) conditions.push(eq(auditLog.userId, filter.userId));
  // A patient's accesses include the searches that listed them, not only reads of their chart.
  if (filter.patientId) {
    conditions.push(
      or(
        eq(auditLog.patientId, filter.patientId),
        sql`(${auditLog.detail} -> 'patientIds') @> ${JSON.stringify([filter.patientId])}::jsonb`,
      )!,
    );
  }
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  return and(...conditions)!;
}

const rowFields = {
  seq: auditLog.seq,
  occurredAt: auditLog.occurredAt,
  userId: auditLog.userId,
  userLabel: auditLog.userLabel,
  patientId: auditLog.patientId,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  detail: auditLog.detail,
  outcome: auditLog.outcome,
  clientIp: auditLog.clientIp,
};

/** The clinic's events matching the filter, in the asked order (ties: newest first). */
export async function listAuditRows(
  db: Executor,
  clinicId: string,
  query: AuditFilter & Pick<AuditQuery, 'sort' | 'dir'>,
  page: { limit: number; offset?: number },
) {
  const column = auditSortColumns[query.sort];
  return db
    .select(rowFields)
    .from(auditLog)
    .where(whereOf(clinicId, query))
    .orderBy(query.dir === 'asc' ? asc(column) : desc(column), desc(auditLog.seq))
    .limit(page.limit)
    .offset(page.offset ?? 0);
}

export async function countAuditRows(db: Executor, clinicId: string, filter: AuditFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(auditLog)
    .where(whereOf(clinicId, filter));
  return row?.n ?? 0;
}
