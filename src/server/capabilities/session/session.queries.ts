import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { users } from '../../../db/schema.js';
import { doses } from '../../../db/schema-dosing.js';
import { appointments } from '../../../db/schema-scheduling.js';
import { remsForms } from '../../../db/schema-rems.js';
import { sessionEntries, treatmentSessions } from '../../../db/schema-session.js';
import type { StoredEntry } from './session-chart.js';

/** Treatment sessions and their chart entries: the SQL in one place. */

export type SessionRow = typeof treatmentSessions.$inferSelect;
export type DoseRow = typeof doses.$inferSelect;

export async function insertSession(tx: Executor, values: typeof treatmentSessions.$inferInsert) {
  const [row] = await tx.insert(treatmentSessions).values(values).returning();
  return row!;
}

export async function findSession(
  db: Executor,
  clinicId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
) {
  const query = db
    .select()
    .from(treatmentSessions)
    .where(and(eq(treatmentSessions.id, id), eq(treatmentSessions.clinicId, clinicId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function sessionForAppointment(db: Executor, clinicId: string, appointmentId: string) {
  const [row] = await db
    .select()
    .from(treatmentSessions)
    .where(and(eq(treatmentSessions.clinicId, clinicId), eq(treatmentSessions.appointmentId, appointmentId)));
  return row;
}

export async function findAppointment(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, id), eq(appointments.clinicId, clinicId)));
  return row;
}

/** Moves the session on by one version (the database guard refuses any other step). */
export async function advanceSession(
  tx: Executor,
  row: SessionRow,
  set: { state: string; doseId?: string | null; updatedAt: Date },
) {
  const [updated] = await tx
    .update(treatmentSessions)
    .set({ ...set, version: row.version + 1 })
    .where(eq(treatmentSessions.id, row.id))
    .returning();
  return updated!;
}

export async function insertEntry(tx: Executor, values: typeof sessionEntries.$inferInsert) {
  const [row] = await tx.insert(sessionEntries).values(values).returning();
  return row!;
}

export async function entryByClientId(db: Executor, sessionId: string, clientEntryId: string) {
  const [row] = await db
    .select({ id: sessionEntries.id })
    .from(sessionEntries)
    .where(and(eq(sessionEntries.sessionId, sessionId), eq(sessionEntries.clientEntryId, clientEntryId)));
  return row;
}

/** A session's entries, oldest first by the order they were recorded, with who recorded them. */
export async function entriesOf(db: Executor, sessionId: string): Promise<StoredEntry[]> {
  const rows = await db
    .select({
      id: sessionEntries.id,
      clientEntryId: sessionEntries.clientEntryId,
      type: sessionEntries.type,
      payload: sessionEntries.payload,
      eventAt: sessionEntries.eventAt,
      recordedAt: sessionEntries.recordedAt,
      recordedBy: sessionEntries.recordedBy,
      recordedByLabel: users.displayName,
      stateAfter: sessionEntries.stateAfter,
    })
    .from(sessionEntries)
    .innerJoin(users, eq(users.id, sessionEntries.recordedBy))
    .where(eq(sessionEntries.sessionId, sessionId))
    .orderBy(asc(sessionEntries.version));
  return rows.map((r) => ({ ...r, payload: r.payload as Record<string, unknown> }));
}

export async function findDose(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(doses)
    .where(and(eq(doses.id, id), eq(doses.clinicId, clinicId)));
  return row;
}

/** The patient's dose that is ready to give (verified when the clinic requires it), newest first. */
export async function readyDoseOf(db: Executor, clinicId: string, patientId: string) {
  const [row] = await db
    .select()
    .from(doses)
    .where(
      and(
        eq(doses.clinicId, clinicId),
        eq(doses.patientId, patientId),
        inArray(doses.status, ['ready_to_administer']),
        // A dose already started in a session is spoken for.
        sql`NOT EXISTS (SELECT 1 FROM treatment_sessions s WHERE s.dose_id = ${doses.id})`,
      ),
    )
    .orderBy(desc(doses.orderedAt))
    .limit(1);
  return row;
}

export async function sessionsBetween(db: Executor, clinicId: string, from: Date, to: Date) {
  return db
    .select()
    .from(treatmentSessions)
    .where(
      and(
        eq(treatmentSessions.clinicId, clinicId),
        gte(treatmentSessions.checkedInAt, from),
        lt(treatmentSessions.checkedInAt, to),
      ),
    )
    .orderBy(asc(treatmentSessions.checkedInAt));
}

export async function sessionsOfPatient(db: Executor, clinicId: string, patientId: string) {
  return db
    .select()
    .from(treatmentSessions)
    .where(and(eq(treatmentSessions.clinicId, clinicId), eq(treatmentSessions.patientId, patientId)))
    .orderBy(desc(treatmentSessions.checkedInAt))
    .limit(200);
}

/** The latest C-SSRS screener risk level of the patient (its observation's band), or null. */
export async function latestCssrsRisk(db: Executor, clinicId: string, patientId: string) {
  const result = await db.execute<{ severity: string | null }>(sql`
    SELECT severity FROM assessment_observations
    WHERE clinic_id = ${clinicId} AND patient_id = ${patientId} AND instrument_id = 'cssrs-screener'
    ORDER BY effective_at DESC LIMIT 1`);
  const severity = result.rows[0]?.severity ?? null;
  return severity === 'low' || severity === 'moderate' || severity === 'high' ? severity : null;
}

/** Tells every Arbor process listening that a session changed (boards refresh). */
export async function notifySessionChange(
  tx: Executor,
  payload: { clinicId: string; sessionId: string; version: number },
) {
  await tx.execute(sql`SELECT pg_notify('arbor_session', ${JSON.stringify(payload)})`);
}

/** The session's Patient Monitoring Form, when one was made (esketamine). */
export async function remsFormOfSession(db: Executor, sessionId: string) {
  const [row] = await db
    .select({ id: remsForms.id, dueOn: remsForms.dueOn, submittedAt: remsForms.submittedAt })
    .from(remsForms)
    .where(eq(remsForms.sessionId, sessionId));
  return row;
}
