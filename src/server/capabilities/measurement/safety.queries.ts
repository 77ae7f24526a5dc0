import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { measurementPlans, safetyAlertActions, safetyAlerts } from '../../../db/schema-measurement.js';
import { patients, users } from '../../../db/schema.js';

/** Safety alerts and what was done about them. */

export type AlertRow = typeof safetyAlerts.$inferSelect;
export type AlertActionRow = typeof safetyAlertActions.$inferSelect;
type NewAlertRow = typeof safetyAlerts.$inferInsert;
type NewAlertActionRow = typeof safetyAlertActions.$inferInsert;

/** The clinician the patient's active measurement plan names, if any (the newest plan wins). */
export async function findPlanClinician(tx: Executor, clinicId: string, patientId: string) {
  const [plan] = await tx
    .select({ clinicianId: measurementPlans.responsibleClinicianId })
    .from(measurementPlans)
    .where(
      and(
        eq(measurementPlans.clinicId, clinicId),
        eq(measurementPlans.patientId, patientId),
        eq(measurementPlans.status, 'active'),
      ),
    )
    .orderBy(desc(measurementPlans.updatedAt))
    .limit(1);
  return plan?.clinicianId ?? null;
}

export async function insertAlert(tx: Executor, values: NewAlertRow): Promise<string> {
  const [alert] = await tx.insert(safetyAlerts).values(values).returning({ id: safetyAlerts.id });
  return alert!.id;
}

/** A patient's alerts, open ones first, then newest first. */
export async function listPatientAlerts(db: Executor, clinicId: string, patientId: string) {
  return db
    .select()
    .from(safetyAlerts)
    .where(and(eq(safetyAlerts.clinicId, clinicId), eq(safetyAlerts.patientId, patientId)))
    .orderBy(sql`${safetyAlerts.status} = 'open' DESC`, desc(safetyAlerts.raisedAt))
    .limit(100);
}

export async function listAlertActions(db: Executor, clinicId: string, alertIds: string[]) {
  if (alertIds.length === 0) return [];
  return db
    .select()
    .from(safetyAlertActions)
    .where(and(eq(safetyAlertActions.clinicId, clinicId), inArray(safetyAlertActions.alertId, alertIds)))
    .orderBy(asc(safetyAlertActions.recordedAt));
}

/** Display names of the clinic's users among `ids`. */
export async function userNames(db: Executor, clinicId: string, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.clinicId, clinicId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Open alerts of the clinic, oldest first, with the patient's name; `assignee` narrows to theirs and nobody's. */
export async function listOpenAlerts(db: Executor, clinicId: string, assignee: string | null) {
  const conditions = [eq(safetyAlerts.clinicId, clinicId), eq(safetyAlerts.status, 'open')];
  if (assignee) conditions.push(or(eq(safetyAlerts.assignedTo, assignee), isNull(safetyAlerts.assignedTo))!);
  return db
    .select({
      alert: safetyAlerts,
      patientName: sql<string>`coalesce(${patients.preferredName}, ${patients.legalGivenName}) || ' ' || ${patients.legalFamilyName}`,
      mrn: patients.mrn,
    })
    .from(safetyAlerts)
    .innerJoin(
      patients,
      and(eq(patients.id, safetyAlerts.patientId), eq(patients.clinicId, safetyAlerts.clinicId)),
    )
    .where(and(...conditions))
    .orderBy(asc(safetyAlerts.raisedAt))
    .limit(200);
}

export async function lockAlert(tx: Executor, clinicId: string, alertId: string) {
  const [alert] = await tx
    .select()
    .from(safetyAlerts)
    .where(and(eq(safetyAlerts.id, alertId), eq(safetyAlerts.clinicId, clinicId)))
    .for('update');
  return alert;
}

export async function insertAlertAction(tx: Executor, values: NewAlertActionRow) {
  const [action] = await tx.insert(safetyAlertActions).values(values).returning();
  return action!;
}

export async function markAlertResolved(
  tx: Executor,
  clinicId: string,
  alertId: string,
  resolution: { at: Date; by: string; actionId: string },
): Promise<void> {
  await tx
    .update(safetyAlerts)
    .set({
      status: 'resolved',
      resolvedAt: resolution.at,
      resolvedBy: resolution.by,
      resolvedByActionId: resolution.actionId,
    })
    .where(and(eq(safetyAlerts.id, alertId), eq(safetyAlerts.clinicId, clinicId)));
}
