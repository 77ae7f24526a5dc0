import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { doses } from '../../../db/schema-dosing.js';
import { users } from '../../../db/schema.js';

/** The SQL of doses: every query is scoped to the caller's clinic. */

export type DoseRow = typeof doses.$inferSelect;
export type NewDoseRow = typeof doses.$inferInsert;
export type DoseStatusChange = Partial<
  Pick<
    DoseRow,
    | 'status'
    | 'verifiedBy'
    | 'verifiedAt'
    | 'finalisedBy'
    | 'finalisedAt'
    | 'cancelledBy'
    | 'cancelledAt'
    | 'cancelReason'
  >
>;

/** One dose of the clinic; `forUpdate` locks it for the rest of the transaction. */
export async function findDose(
  db: Executor,
  clinicId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<DoseRow | undefined> {
  const query = db
    .select()
    .from(doses)
    .where(and(eq(doses.id, id), eq(doses.clinicId, clinicId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** A patient's doses, newest first (at most `limit`). */
export async function listPatientDoseRows(
  db: Executor,
  clinicId: string,
  patientId: string,
  limit: number,
): Promise<DoseRow[]> {
  return db
    .select()
    .from(doses)
    .where(and(eq(doses.clinicId, clinicId), eq(doses.patientId, patientId)))
    .orderBy(desc(doses.orderedAt))
    .limit(limit);
}

export async function insertDoseRow(db: Executor, values: NewDoseRow): Promise<DoseRow> {
  const [row] = await db.insert(doses).values(values).returning();
  return row!;
}

/** Moves a dose's status columns (the only columns of a dose that ever change). */
export async function updateDoseStatus(
  db: Executor,
  clinicId: string,
  id: string,
  set: DoseStatusChange,
): Promise<DoseRow> {
  const [row] = await db
    .update(doses)
    .set(set)
    .where(and(eq(doses.id, id), eq(doses.clinicId, clinicId)))
    .returning();
  return row!;
}

/** Display names of the given users, by id. */
export async function userLabels(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, label: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((u) => [u.id, u.label]));
}
