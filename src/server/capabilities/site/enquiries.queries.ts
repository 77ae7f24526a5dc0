import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { EnquiryStatus } from '../../../domain/site/index.js';
import type { Executor } from '../../../db/client.js';
import { enquiries } from '../../../db/schema-site.js';

/** The enquiry table's SQL (the table itself is called `leads`); every read is clinic-scoped. */

export type EnquiryRow = typeof enquiries.$inferSelect;
export type NewEnquiryRow = typeof enquiries.$inferInsert;

export async function insertEnquiry(db: Executor, values: NewEnquiryRow): Promise<{ id: string }> {
  const [row] = await db.insert(enquiries).values(values).returning({ id: enquiries.id });
  return row!;
}

function inClinic(clinicId: string, status?: EnquiryStatus): SQL | undefined {
  return status
    ? and(eq(enquiries.clinicId, clinicId), eq(enquiries.status, status))
    : eq(enquiries.clinicId, clinicId);
}

/** A page of the clinic's enquiries (optionally of one status), newest first. */
export function listEnquiryRows(
  db: Executor,
  clinicId: string,
  query: { status?: EnquiryStatus | undefined; limit: number; offset: number },
): Promise<EnquiryRow[]> {
  return db
    .select()
    .from(enquiries)
    .where(inClinic(clinicId, query.status))
    .orderBy(desc(enquiries.createdAt), desc(enquiries.id))
    .limit(query.limit)
    .offset(query.offset);
}

export async function countEnquiries(
  db: Executor,
  clinicId: string,
  status?: EnquiryStatus,
): Promise<number> {
  const [row] = await db.select({ n: count() }).from(enquiries).where(inClinic(clinicId, status));
  return row?.n ?? 0;
}

/** One enquiry of the clinic; another clinic's id finds nothing. */
export async function findEnquiry(
  db: Executor,
  clinicId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<EnquiryRow | undefined> {
  const where = and(eq(enquiries.id, id), eq(enquiries.clinicId, clinicId));
  const query = db.select().from(enquiries).where(where);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateEnquiryRow(
  db: Executor,
  clinicId: string,
  id: string,
  changes: Partial<EnquiryRow>,
): Promise<EnquiryRow> {
  const [row] = await db
    .update(enquiries)
    .set(changes)
    .where(and(eq(enquiries.id, id), eq(enquiries.clinicId, clinicId)))
    .returning();
  return row!;
}
