import { and, asc, desc, eq, isNull, lte } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { patients, users } from '../../../db/schema.js';
import { remsFormTemplates, remsForms } from '../../../db/schema-rems.js';

/** Patient Monitoring Forms and the form templates: the SQL in one place. */

export type FormRow = typeof remsForms.$inferSelect;

export async function latestTemplate(db: Executor) {
  const [row] = await db.select().from(remsFormTemplates).orderBy(desc(remsFormTemplates.loadedAt)).limit(1);
  return row;
}

export async function templateByVersion(db: Executor, version: string) {
  const [row] = await db.select().from(remsFormTemplates).where(eq(remsFormTemplates.version, version));
  return row;
}

export async function allTemplates(db: Executor) {
  return db.select().from(remsFormTemplates).orderBy(desc(remsFormTemplates.loadedAt));
}

export async function insertTemplate(tx: Executor, values: typeof remsFormTemplates.$inferInsert) {
  const [row] = await tx.insert(remsFormTemplates).values(values).onConflictDoNothing().returning();
  return row;
}

export async function formOfSession(db: Executor, clinicId: string, sessionId: string, forUpdate = false) {
  const query = db
    .select()
    .from(remsForms)
    .where(and(eq(remsForms.clinicId, clinicId), eq(remsForms.sessionId, sessionId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findForm(db: Executor, clinicId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(remsForms)
    .where(and(eq(remsForms.clinicId, clinicId), eq(remsForms.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertForm(tx: Executor, values: typeof remsForms.$inferInsert) {
  const [row] = await tx.insert(remsForms).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateForm(tx: Executor, id: string, set: Partial<typeof remsForms.$inferInsert>) {
  const [row] = await tx.update(remsForms).set(set).where(eq(remsForms.id, id)).returning();
  return row!;
}

/** Forms not yet submitted, soonest due first, with the patient's name. */
export async function openForms(db: Executor, clinicId: string) {
  return db
    .select({ form: remsForms, given: patients.legalGivenName, family: patients.legalFamilyName })
    .from(remsForms)
    .innerJoin(patients, eq(patients.id, remsForms.patientId))
    .where(and(eq(remsForms.clinicId, clinicId), isNull(remsForms.submittedAt)))
    .orderBy(asc(remsForms.dueOn))
    .limit(500);
}

/** Every clinic's open forms due on or before `day`, for the reminder job. */
export async function formsDueBy(db: Executor, day: string) {
  return db
    .select()
    .from(remsForms)
    .where(and(isNull(remsForms.submittedAt), lte(remsForms.dueOn, day)))
    .limit(1000);
}

export async function userOf(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      status: users.status,
    })
    .from(users)
    .where(eq(users.id, id));
  return row;
}
