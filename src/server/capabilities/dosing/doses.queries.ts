import { and, desc, eq, inArray, isNotNull, ne, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.js';
import { doses, type DoseStatus } from '../../../db/schema-dosing.js';
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
    | 'markedReadyBy'
    | 'markedReadyAt'
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

/** The states in which a dose counts as a session given (until the infusion session records it). */
const GIVEN: DoseStatus[] = ['ready_to_administer', 'administered'];

/**
 * Sessions of a protocol family the patient has been given. Interim rule (docs/dosing.md §4.2), kept in
 * this one function so the infusion session capability can replace it: the patient's doses whose
 * protocol (as stored with the dose) has this route and indication, that reached ready to administer;
 * a dose amended by another dose that also reached it counts once.
 */
export async function countSessionsGiven(
  db: Executor,
  clinicId: string,
  patientId: string,
  family: { route: string; indication: string },
): Promise<number> {
  const amendment = alias(doses, 'amendment');
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(doses)
    .where(
      and(
        eq(doses.clinicId, clinicId),
        eq(doses.patientId, patientId),
        inArray(doses.status, GIVEN),
        sql`${doses.protocolSnapshot} ->> 'route' = ${family.route}`,
        sql`${doses.protocolSnapshot} ->> 'indication' = ${family.indication}`,
        notExists(
          db
            .select({ one: sql`1` })
            .from(amendment)
            .where(and(eq(amendment.amendsDoseId, doses.id), inArray(amendment.status, GIVEN))),
        ),
      ),
    );
  return row?.n ?? 0;
}

/** Actual body weight of the patient's most recent dose that was not cancelled (null when none). */
export async function lastDoseWeightKg(
  db: Executor,
  clinicId: string,
  patientId: string,
): Promise<number | null> {
  const [row] = await db
    .select({ weightKg: doses.weightKg })
    .from(doses)
    .where(
      and(
        eq(doses.clinicId, clinicId),
        eq(doses.patientId, patientId),
        ne(doses.status, 'cancelled'),
        isNotNull(doses.weightKg),
      ),
    )
    .orderBy(desc(doses.orderedAt))
    .limit(1);
  return row?.weightKg ?? null;
}
