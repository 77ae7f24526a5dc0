import { and, asc, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../../../db/schema.js';
import type { AppDeps } from '../../shared/app-deps.js';
import type { Actor } from '../../http/define-route.js';

/** Sortable columns by name: the client picks a key, never a column expression (openemr#1782). */
export const auditSortColumns = {
  time: auditLog.seq,
  user: auditLog.userLabel,
  patient: auditLog.patientId,
  action: auditLog.action,
  entity: auditLog.entity,
  outcome: auditLog.outcome,
  client: auditLog.clientIp,
} as const;
export type AuditSortKey = keyof typeof auditSortColumns;

export interface AuditReportQuery {
  from?: string;
  to?: string;
  userId?: string;
  patientId?: string;
  action?: string;
  sort: AuditSortKey;
  dir: 'asc' | 'desc';
  limit: number;
  offset: number;
}

function whereOf(actor: Actor, query: AuditReportQuery): SQL {
  const conditions: SQL[] = [eq(auditLog.clinicId, actor.clinicId)];
  if (query.from) conditions.push(gte(auditLog.occurredAt, new Date(query.from)));
  if (query.to) conditions.push(lt(auditLog.occurredAt, new Date(query.to)));
  if (query.userId) conditions.push(eq(auditLog.userId, query.userId));
  // A patient's accesses include the searches that listed them, not only reads of their chart.
  if (query.patientId) {
    conditions.push(
      or(
        eq(auditLog.patientId, query.patientId),
        sql`(${auditLog.detail} -> 'patientIds') @> ${JSON.stringify([query.patientId])}::jsonb`,
      )!,
    );
  }
  if (query.action) conditions.push(eq(auditLog.action, query.action));
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

export async function auditReport(deps: AppDeps, actor: Actor, query: AuditReportQuery) {
  const column = auditSortColumns[query.sort];
  const order = query.dir === 'asc' ? asc(column) : desc(column);
  const where = whereOf(actor, query);
  const [rows, count] = await Promise.all([
    deps.db
      .select(rowFields)
      .from(auditLog)
      .where(where)
      .orderBy(order, desc(auditLog.seq))
      .limit(query.limit)
      .offset(query.offset),
    deps.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(auditLog)
      .where(where),
  ]);
  // Reading the audit trail is itself audited.
  await deps.audit.record({
    clinicId: actor.clinicId,
    userId: actor.userId,
    userLabel: actor.label,
    action: 'query',
    entity: 'audit',
    detail: { ...query },
    outcome: 'success',
    clientIp: actor.clientIp,
  });
  return {
    total: count[0]?.n ?? 0,
    items: rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() })),
  };
}

function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // Spreadsheet formula injection: a cell starting with = + - @ is prefixed so it stays text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function auditReportCsv(deps: AppDeps, actor: Actor, query: AuditReportQuery): Promise<string> {
  const column = auditSortColumns[query.sort];
  const rows = await deps.db
    .select(rowFields)
    .from(auditLog)
    .where(whereOf(actor, query))
    .orderBy(query.dir === 'asc' ? asc(column) : desc(column), desc(auditLog.seq))
    .limit(100_000);
  await deps.audit.record({
    clinicId: actor.clinicId,
    userId: actor.userId,
    userLabel: actor.label,
    action: 'export',
    entity: 'audit',
    detail: { ...query, rows: rows.length, format: 'csv' },
    outcome: 'success',
    clientIp: actor.clientIp,
  });
  const header = [
    'seq',
    'time_utc',
    'user_id',
    'user',
    'patient_id',
    'action',
    'data',
    'record_id',
    'detail',
    'outcome',
    'client_address',
  ];
  const lines = rows.map((r) =>
    [
      r.seq,
      r.occurredAt.toISOString(),
      r.userId,
      r.userLabel,
      r.patientId,
      r.action,
      r.entity,
      r.entityId,
      r.detail,
      r.outcome,
      r.clientIp,
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
