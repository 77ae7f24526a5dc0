import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { selfReportLinks } from '../../../db/schema-measurement.js';

/** Single-use self-report links (only the SHA-256 of a token is stored). */

export type LinkRow = typeof selfReportLinks.$inferSelect;
type NewLinkRow = typeof selfReportLinks.$inferInsert;

export async function insertLink(tx: Executor, values: NewLinkRow): Promise<LinkRow> {
  const [row] = await tx.insert(selfReportLinks).values(values).returning();
  return row!;
}

export async function listPatientLinks(db: Executor, clinicId: string, patientId: string) {
  return db
    .select()
    .from(selfReportLinks)
    .where(and(eq(selfReportLinks.clinicId, clinicId), eq(selfReportLinks.patientId, patientId)))
    .orderBy(desc(selfReportLinks.createdAt))
    .limit(100);
}

export async function lockLink(tx: Executor, clinicId: string, linkId: string) {
  const [row] = await tx
    .select()
    .from(selfReportLinks)
    .where(and(eq(selfReportLinks.id, linkId), eq(selfReportLinks.clinicId, clinicId)))
    .for('update');
  return row;
}

export async function markLinkRevoked(
  tx: Executor,
  clinicId: string,
  linkId: string,
  revocation: { at: Date; by: string },
): Promise<LinkRow> {
  const [row] = await tx
    .update(selfReportLinks)
    .set({ revokedAt: revocation.at, revokedBy: revocation.by })
    .where(and(eq(selfReportLinks.id, linkId), eq(selfReportLinks.clinicId, clinicId)))
    .returning();
  return row!;
}

/** The link a token hash belongs to, of any clinic: the token is the patient's only credential. */
export async function findLinkByTokenHash(db: Executor, tokenHash: string) {
  const [row] = await db.select().from(selfReportLinks).where(eq(selfReportLinks.tokenHash, tokenHash));
  return row;
}

/** As findLinkByTokenHash, locked for the rest of the transaction: one submission at a time. */
export async function lockLinkByTokenHash(tx: Executor, tokenHash: string) {
  const [row] = await tx
    .select()
    .from(selfReportLinks)
    .where(eq(selfReportLinks.tokenHash, tokenHash))
    .for('update');
  return row;
}

export async function markLinkOpened(db: Executor, linkId: string, at: Date): Promise<void> {
  await db.update(selfReportLinks).set({ openedAt: at }).where(eq(selfReportLinks.id, linkId));
}

export async function markLinkUsed(
  tx: Executor,
  linkId: string,
  use: { at: Date; responseId: string },
): Promise<void> {
  await tx
    .update(selfReportLinks)
    .set({ usedAt: use.at, responseId: use.responseId })
    .where(eq(selfReportLinks.id, linkId));
}
