import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { patientFormLinks } from '../../../db/schema-intake.js';

/** Patient form links (only the SHA-256 of a token or of a proof is stored). */

export type FormLinkRow = typeof patientFormLinks.$inferSelect;

/** The columns a link's use may change (the database guard refuses any other). */
type LinkUse = Partial<
  Pick<
    FormLinkRow,
    'openedAt' | 'proofHash' | 'failedChecks' | 'lockedAt' | 'usedAt' | 'revokedAt' | 'revokedBy'
  >
>;

export async function insertFormLink(tx: Executor, values: typeof patientFormLinks.$inferInsert) {
  const [row] = await tx.insert(patientFormLinks).values(values).returning();
  return row!;
}

export async function formLinksOf(db: Executor, clinicId: string, patientId: string) {
  return db
    .select()
    .from(patientFormLinks)
    .where(and(eq(patientFormLinks.clinicId, clinicId), eq(patientFormLinks.patientId, patientId)))
    .orderBy(desc(patientFormLinks.createdAt))
    .limit(100);
}

/** A clinic's link by id, locked for the caller's transaction. */
export async function lockFormLink(tx: Executor, clinicId: string, linkId: string) {
  const [row] = await tx
    .select()
    .from(patientFormLinks)
    .where(and(eq(patientFormLinks.id, linkId), eq(patientFormLinks.clinicId, clinicId)))
    .for('update');
  return row;
}

/** The link behind a token, locked: two posts of the same form are served one after the other. */
export async function lockFormLinkByTokenHash(tx: Executor, tokenHash: string) {
  const [row] = await tx
    .select()
    .from(patientFormLinks)
    .where(eq(patientFormLinks.tokenHash, tokenHash))
    .for('update');
  return row;
}

export async function updateFormLink(tx: Executor, id: string, use: LinkUse): Promise<FormLinkRow> {
  const [row] = await tx.update(patientFormLinks).set(use).where(eq(patientFormLinks.id, id)).returning();
  return row!;
}
