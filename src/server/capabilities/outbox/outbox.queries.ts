import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { OutboxStatus } from '../../../contracts/outbox.js';
import type { Executor } from '../../../db/client.js';
import { messageOutbox } from '../../../db/schema.js';
import { maxDeliveryAttempts } from '../../shared/mailer.js';

/** The outbox table's SQL; every read is clinic-scoped. No audit, no HTTP errors. */

export type OutboxRow = typeof messageOutbox.$inferSelect;

/**
 * The status the page shows. An email that reached the attempt limit before the mailer marked such
 * messages `failed` is still stored as `queued`; it is failed all the same (the mailer skips it).
 */
// A literal, not a parameter: PostgreSQL matches the GROUP BY expression to the selected one only
// when both are written the same way.
const attemptLimit = sql.raw(String(maxDeliveryAttempts));
export const shownStatus = sql<OutboxStatus>`CASE WHEN ${messageOutbox.status} = 'queued' AND ${messageOutbox.attempts} >= ${attemptLimit} THEN 'failed' ELSE ${messageOutbox.status} END`;

function hasStatus(status: OutboxStatus): SQL {
  const stuck = sql`${messageOutbox.attempts} >= ${attemptLimit}`;
  if (status === 'failed')
    return sql`(${messageOutbox.status} = 'failed' OR (${messageOutbox.status} = 'queued' AND ${stuck}))`;
  if (status === 'queued') return sql`(${messageOutbox.status} = 'queued' AND NOT ${stuck})`;
  return eq(messageOutbox.status, status);
}

function inClinic(clinicId: string, status?: OutboxStatus): SQL | undefined {
  return status
    ? and(eq(messageOutbox.clinicId, clinicId), hasStatus(status))
    : eq(messageOutbox.clinicId, clinicId);
}

/** A page of the clinic's messages (optionally of one status), newest first. */
export function listOutboxRows(
  db: Executor,
  clinicId: string,
  query: { status?: OutboxStatus | undefined; limit: number; offset: number },
): Promise<OutboxRow[]> {
  return db
    .select()
    .from(messageOutbox)
    .where(inClinic(clinicId, query.status))
    .orderBy(desc(messageOutbox.createdAt), desc(messageOutbox.id))
    .limit(query.limit)
    .offset(query.offset);
}

export async function countOutboxRows(
  db: Executor,
  clinicId: string,
  status?: OutboxStatus,
): Promise<number> {
  const [row] = await db.select({ n: count() }).from(messageOutbox).where(inClinic(clinicId, status));
  return row?.n ?? 0;
}

/** How many of the clinic's messages are in each shown status. */
export async function countByStatus(db: Executor, clinicId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: shownStatus, n: count() })
    .from(messageOutbox)
    .where(eq(messageOutbox.clinicId, clinicId))
    .groupBy(shownStatus);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** One message of the clinic; another clinic's id finds nothing. */
export async function findOutboxRow(
  db: Executor,
  clinicId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<OutboxRow | undefined> {
  const query = db
    .select()
    .from(messageOutbox)
    .where(and(eq(messageOutbox.id, id), eq(messageOutbox.clinicId, clinicId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Puts a message the caller has locked back in the queue with a fresh attempt count. */
export async function requeueOutboxRow(db: Executor, id: string): Promise<OutboxRow> {
  const [row] = await db
    .update(messageOutbox)
    .set({ status: 'queued', attempts: 0, lastError: null })
    .where(eq(messageOutbox.id, id))
    .returning();
  return row!;
}
