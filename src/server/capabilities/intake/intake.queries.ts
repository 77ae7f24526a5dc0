import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { users } from '../../../db/schema.js';
import {
  eligibilityDecisions,
  intakeRevisions,
  medicationLists,
  screeningEvaluations,
} from '../../../db/schema-intake.js';

/**
 * The intake capability's SQL: revisions of intake answers and medication lists, screening
 * evaluations and eligibility decisions. Every statement is scoped by clinic_id.
 */

export type IntakeRevisionRow = typeof intakeRevisions.$inferSelect;
export type MedicationListRow = typeof medicationLists.$inferSelect;
export type EvaluationRow = typeof screeningEvaluations.$inferSelect;
export type DecisionRow = typeof eligibilityDecisions.$inferSelect;

export async function latestIntake(db: Executor, clinicId: string, patientId: string) {
  const [row] = await db
    .select()
    .from(intakeRevisions)
    .where(and(eq(intakeRevisions.clinicId, clinicId), eq(intakeRevisions.patientId, patientId)))
    .orderBy(desc(intakeRevisions.revision))
    .limit(1);
  return row;
}

/** Every revision, newest first, with who entered it. */
export function intakeHistory(db: Executor, clinicId: string, patientId: string) {
  return db
    .select({ revision: intakeRevisions, enteredByLabel: users.displayName })
    .from(intakeRevisions)
    .leftJoin(users, eq(users.id, intakeRevisions.enteredBy))
    .where(and(eq(intakeRevisions.clinicId, clinicId), eq(intakeRevisions.patientId, patientId)))
    .orderBy(desc(intakeRevisions.revision));
}

export async function insertIntakeRevision(tx: Executor, values: typeof intakeRevisions.$inferInsert) {
  const [row] = await tx.insert(intakeRevisions).values(values).returning();
  return row!;
}

export async function latestMedications(db: Executor, clinicId: string, patientId: string) {
  const [row] = await db
    .select()
    .from(medicationLists)
    .where(and(eq(medicationLists.clinicId, clinicId), eq(medicationLists.patientId, patientId)))
    .orderBy(desc(medicationLists.revision))
    .limit(1);
  return row;
}

export async function insertMedicationList(tx: Executor, values: typeof medicationLists.$inferInsert) {
  const [row] = await tx.insert(medicationLists).values(values).returning();
  return row!;
}

export async function insertEvaluation(tx: Executor, values: typeof screeningEvaluations.$inferInsert) {
  const [row] = await tx.insert(screeningEvaluations).values(values).returning();
  return row!;
}

export async function findEvaluation(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(screeningEvaluations)
    .where(and(eq(screeningEvaluations.clinicId, clinicId), eq(screeningEvaluations.id, id)));
  return row;
}

export async function latestEvaluation(db: Executor, clinicId: string, patientId: string, product: string) {
  const [row] = await db
    .select()
    .from(screeningEvaluations)
    .where(
      and(
        eq(screeningEvaluations.clinicId, clinicId),
        eq(screeningEvaluations.patientId, patientId),
        eq(screeningEvaluations.product, product),
      ),
    )
    .orderBy(desc(screeningEvaluations.evaluatedAt))
    .limit(1);
  return row;
}

export async function insertDecision(tx: Executor, values: typeof eligibilityDecisions.$inferInsert) {
  const [row] = await tx.insert(eligibilityDecisions).values(values).returning();
  return row!;
}

/** Every decision of a patient (all products), newest first, with the decider's name. */
export function decisionsOf(db: Executor, clinicId: string, patientId: string) {
  return db
    .select({ decision: eligibilityDecisions, decidedByLabel: users.displayName })
    .from(eligibilityDecisions)
    .innerJoin(users, eq(users.id, eligibilityDecisions.decidedBy))
    .where(and(eq(eligibilityDecisions.clinicId, clinicId), eq(eligibilityDecisions.patientId, patientId)))
    .orderBy(desc(eligibilityDecisions.decidedAt));
}

/** Live (not yet invalidated) decisions of a patient, locked: a material change invalidates them. */
export function liveDecisions(tx: Executor, clinicId: string, patientId: string) {
  return tx
    .select()
    .from(eligibilityDecisions)
    .where(
      and(
        eq(eligibilityDecisions.clinicId, clinicId),
        eq(eligibilityDecisions.patientId, patientId),
        isNull(eligibilityDecisions.invalidatedAt),
      ),
    )
    .for('update');
}

export async function invalidateDecision(tx: Executor, id: string, at: Date, reason: string) {
  await tx
    .update(eligibilityDecisions)
    .set({ invalidatedAt: at, invalidatedReason: reason })
    .where(and(eq(eligibilityDecisions.id, id), isNull(eligibilityDecisions.invalidatedAt)));
}
