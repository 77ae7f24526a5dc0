import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { users } from '../../../db/schema.js';
import { remsCertifications, remsEnrolments } from '../../../db/schema-rems.js';

/** REMS certification and enrolment records: append-only, the latest row is the status. */

export async function certificationsOf(db: Executor, clinicId: string) {
  return db
    .select({ row: remsCertifications, by: users.displayName })
    .from(remsCertifications)
    .innerJoin(users, eq(users.id, remsCertifications.recordedBy))
    .where(eq(remsCertifications.clinicId, clinicId))
    .orderBy(desc(remsCertifications.recordedAt), desc(remsCertifications.id))
    .limit(50);
}

export async function insertCertification(tx: Executor, values: typeof remsCertifications.$inferInsert) {
  const [row] = await tx.insert(remsCertifications).values(values).returning();
  return row!;
}

export async function enrolmentsOf(db: Executor, clinicId: string, patientId: string) {
  return db
    .select({ row: remsEnrolments, by: users.displayName })
    .from(remsEnrolments)
    .innerJoin(users, eq(users.id, remsEnrolments.recordedBy))
    .where(and(eq(remsEnrolments.clinicId, clinicId), eq(remsEnrolments.patientId, patientId)))
    .orderBy(desc(remsEnrolments.recordedAt), desc(remsEnrolments.id))
    .limit(50);
}

export async function insertEnrolment(tx: Executor, values: typeof remsEnrolments.$inferInsert) {
  const [row] = await tx.insert(remsEnrolments).values(values).returning();
  return row!;
}

export async function userById(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .select({ id: users.id, label: users.displayName, role: users.role, email: users.email })
    .from(users)
    .where(and(eq(users.id, id), eq(users.clinicId, clinicId)));
  return row;
}
