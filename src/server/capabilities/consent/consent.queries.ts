import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { users } from '../../../db/schema.js';
import { consentDocuments, consentTemplates, consents } from '../../../db/schema-intake.js';

/** The consent capability's SQL: template versions, signed consents and their PDFs; scoped by clinic. */

export type ConsentTemplateRow = typeof consentTemplates.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;

/** The current (not retired) version of each template code. */
export function currentTemplates(db: Executor, clinicId: string) {
  return db
    .selectDistinctOn([consentTemplates.code])
    .from(consentTemplates)
    .where(and(eq(consentTemplates.clinicId, clinicId), isNull(consentTemplates.retiredAt)))
    .orderBy(consentTemplates.code, desc(consentTemplates.version));
}

export async function findTemplate(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(consentTemplates)
    .where(and(eq(consentTemplates.clinicId, clinicId), eq(consentTemplates.id, id)));
  return row;
}

export async function insertTemplates(db: Executor, values: (typeof consentTemplates.$inferInsert)[]) {
  if (values.length === 0) return;
  await db.insert(consentTemplates).values(values).onConflictDoNothing();
}

export async function insertConsent(tx: Executor, values: typeof consents.$inferInsert) {
  const [row] = await tx.insert(consents).values(values).returning();
  return row!;
}

export async function findConsent(db: Executor, clinicId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(consents)
    .where(and(eq(consents.clinicId, clinicId), eq(consents.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateConsent(
  tx: Executor,
  id: string,
  changes: Partial<typeof consents.$inferInsert>,
) {
  const [row] = await tx.update(consents).set(changes).where(eq(consents.id, id)).returning();
  return row!;
}

/** A patient's consents, newest first, with template title, signer names and whether a PDF exists. */
export function consentsOf(db: Executor, clinicId: string, patientId: string) {
  return db
    .select({
      consent: consents,
      title: consentTemplates.title,
      collectedByLabel: sql<
        string | null
      >`(SELECT display_name FROM users WHERE id = ${consents.collectedBy})`,
      countersignedByLabel: sql<
        string | null
      >`(SELECT display_name FROM users WHERE id = ${consents.countersignedBy})`,
      hasPdf: sql<boolean>`EXISTS (SELECT 1 FROM consent_documents d WHERE d.consent_id = ${consents.id})`,
    })
    .from(consents)
    .innerJoin(consentTemplates, eq(consentTemplates.id, consents.templateId))
    .where(and(eq(consents.clinicId, clinicId), eq(consents.patientId, patientId)))
    .orderBy(desc(consents.patientSignedAt));
}

export async function insertDocument(tx: Executor, values: typeof consentDocuments.$inferInsert) {
  await tx.insert(consentDocuments).values(values);
}

export async function findDocument(db: Executor, clinicId: string, consentId: string) {
  const [row] = await db
    .select()
    .from(consentDocuments)
    .where(and(eq(consentDocuments.clinicId, clinicId), eq(consentDocuments.consentId, consentId)));
  return row;
}

export async function userLabel(db: Executor, id: string) {
  const [row] = await db.select({ label: users.displayName }).from(users).where(eq(users.id, id));
  return row?.label ?? 'Unknown user';
}
