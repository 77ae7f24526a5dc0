import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import {
  assessmentResponses,
  measurementAnchors,
  measurementPlans,
  selfReportLinks,
} from '../../../db/schema-measurement.js';
import { patients, users } from '../../../db/schema.js';

/** Measurement plans, infusion dates and what the due list is computed from. */

export type PlanRow = typeof measurementPlans.$inferSelect;
type NewPlanRow = typeof measurementPlans.$inferInsert;
type NewAnchorRow = typeof measurementAnchors.$inferInsert;

/** A user of the clinic with the role and status that decide whether they may own a plan. */
export async function findClinicUser(db: Executor, clinicId: string, userId: string) {
  const [user] = await db
    .select({ role: users.role, status: users.status })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.clinicId, clinicId)));
  return user;
}

/** The clinic's active physicians and nurses, by name: who may be responsible for a plan. */
export async function listActiveClinicians(db: Executor, clinicId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(
      and(
        eq(users.clinicId, clinicId),
        eq(users.status, 'active'),
        inArray(users.role, ['physician', 'nurse']),
      ),
    )
    .orderBy(asc(users.displayName));
}

/** Current (not superseded) responses: what completes a due item. */
export async function currentResponses(db: Executor, clinicId: string, patientIds: string[]) {
  if (patientIds.length === 0) return [];
  return db
    .select({
      id: assessmentResponses.id,
      patientId: assessmentResponses.patientId,
      instrumentId: assessmentResponses.instrumentId,
      administeredAt: assessmentResponses.administeredAt,
    })
    .from(assessmentResponses)
    .where(
      and(
        eq(assessmentResponses.clinicId, clinicId),
        inArray(assessmentResponses.patientId, patientIds),
        sql`NOT EXISTS (SELECT 1 FROM assessment_responses a WHERE a.amends_id = ${assessmentResponses.id})`,
      ),
    );
}

export async function listPatientPlans(db: Executor, clinicId: string, patientId: string) {
  return db
    .select()
    .from(measurementPlans)
    .where(and(eq(measurementPlans.clinicId, clinicId), eq(measurementPlans.patientId, patientId)))
    .orderBy(desc(measurementPlans.createdAt));
}

export async function insertPlan(tx: Executor, values: NewPlanRow): Promise<PlanRow> {
  const [row] = await tx.insert(measurementPlans).values(values).returning();
  return row!;
}

export async function lockPlan(tx: Executor, clinicId: string, planId: string) {
  const [row] = await tx
    .select()
    .from(measurementPlans)
    .where(and(eq(measurementPlans.id, planId), eq(measurementPlans.clinicId, clinicId)))
    .for('update');
  return row;
}

export async function updatePlanRow(
  tx: Executor,
  clinicId: string,
  planId: string,
  set: Partial<NewPlanRow>,
): Promise<PlanRow> {
  const [row] = await tx
    .update(measurementPlans)
    .set(set)
    .where(and(eq(measurementPlans.id, planId), eq(measurementPlans.clinicId, clinicId)))
    .returning();
  return row!;
}

export async function insertAnchor(tx: Executor, values: NewAnchorRow) {
  const [row] = await tx.insert(measurementAnchors).values(values).returning();
  return row!;
}

/** The anchor that follows a booked appointment, locked for the change. */
export async function lockAppointmentAnchor(tx: Executor, clinicId: string, appointmentId: string) {
  const [row] = await tx
    .select()
    .from(measurementAnchors)
    .where(
      and(eq(measurementAnchors.appointmentId, appointmentId), eq(measurementAnchors.clinicId, clinicId)),
    )
    .for('update');
  return row;
}

export async function moveAnchor(tx: Executor, clinicId: string, anchorId: string, at: Date): Promise<void> {
  await tx
    .update(measurementAnchors)
    .set({ at })
    .where(and(eq(measurementAnchors.id, anchorId), eq(measurementAnchors.clinicId, clinicId)));
}

export async function lockAnchor(tx: Executor, clinicId: string, anchorId: string) {
  const [row] = await tx
    .select()
    .from(measurementAnchors)
    .where(and(eq(measurementAnchors.id, anchorId), eq(measurementAnchors.clinicId, clinicId)))
    .for('update');
  return row;
}

export async function markAnchorCancelled(
  tx: Executor,
  clinicId: string,
  anchorId: string,
  cancellation: { at: Date; by: string },
): Promise<void> {
  await tx
    .update(measurementAnchors)
    .set({ cancelledAt: cancellation.at, cancelledBy: cancellation.by })
    .where(and(eq(measurementAnchors.id, anchorId), eq(measurementAnchors.clinicId, clinicId)));
}

/** The clinic's active plans of active patients, with the patient's name and MRN. */
export async function listActivePlansWithPatients(db: Executor, clinicId: string) {
  return db
    .select({
      plan: measurementPlans,
      patientName: sql<string>`coalesce(${patients.preferredName}, ${patients.legalGivenName}) || ' ' || ${patients.legalFamilyName}`,
      mrn: patients.mrn,
    })
    .from(measurementPlans)
    .innerJoin(
      patients,
      and(eq(patients.id, measurementPlans.patientId), eq(patients.clinicId, measurementPlans.clinicId)),
    )
    .where(
      and(
        eq(measurementPlans.clinicId, clinicId),
        eq(measurementPlans.status, 'active'),
        eq(patients.active, true),
      ),
    )
    .limit(5000);
}

/** Infusion dates (not cancelled) of several patients. */
export async function listAnchorsOf(db: Executor, clinicId: string, patientIds: string[]) {
  if (patientIds.length === 0) return [];
  return db
    .select()
    .from(measurementAnchors)
    .where(
      and(
        eq(measurementAnchors.clinicId, clinicId),
        inArray(measurementAnchors.patientId, patientIds),
        isNull(measurementAnchors.cancelledAt),
      ),
    );
}

/** Self-report links of several patients that can still be used at `now`. */
export async function listPendingLinksOf(db: Executor, clinicId: string, patientIds: string[], now: Date) {
  if (patientIds.length === 0) return [];
  return db
    .select({
      patientId: selfReportLinks.patientId,
      instrumentId: selfReportLinks.instrumentId,
      expiresAt: selfReportLinks.expiresAt,
    })
    .from(selfReportLinks)
    .where(
      and(
        eq(selfReportLinks.clinicId, clinicId),
        inArray(selfReportLinks.patientId, patientIds),
        isNull(selfReportLinks.usedAt),
        isNull(selfReportLinks.revokedAt),
        sql`${selfReportLinks.expiresAt} > ${now.toISOString()}`,
      ),
    );
}
