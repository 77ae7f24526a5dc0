import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { StaffRole } from '../../../domain/auth/index.js';
import type { Executor } from '../../../db/client.js';
import { clinics, setupCodes, users } from '../../../db/schema.js';

/** The clinic capability's SQL: clinics, their settings, setup codes and the first administrator. */

export type ClinicRow = typeof clinics.$inferSelect;

const SETUP_LOCK = 724_003;

export async function countClinics(db: Executor): Promise<number> {
  const { rows } = await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM clinics`);
  return Number(rows[0]?.n ?? 0);
}

export async function findClinic(
  db: Executor,
  clinicId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ClinicRow | undefined> {
  const query = db.select().from(clinics).where(eq(clinics.id, clinicId));
  const [clinic] = options.forUpdate ? await query.for('update') : await query;
  return clinic;
}

export async function updateClinic(
  db: Executor,
  clinicId: string,
  change: { name: string; settings: object },
): Promise<ClinicRow> {
  const [row] = await db.update(clinics).set(change).where(eq(clinics.id, clinicId)).returning();
  return row!;
}

export async function clinicSlugTaken(db: Executor, slug: string): Promise<boolean> {
  const [taken] = await db.select({ id: clinics.id }).from(clinics).where(eq(clinics.slug, slug));
  return Boolean(taken);
}

export async function insertClinic(
  db: Executor,
  values: { name: string; slug: string; isDemo: boolean; settings: object },
): Promise<string> {
  const [clinic] = await db.insert(clinics).values(values).returning({ id: clinics.id });
  return clinic!.id;
}

/** Any user, in any clinic, with this email (case-insensitive): emails sign in, so they are unique. */
export async function emailTaken(db: Executor, email: string): Promise<boolean> {
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return Boolean(existing);
}

export async function insertUser(
  db: Executor,
  values: { clinicId: string; email: string; displayName: string; role: StaffRole; passwordHash: string },
): Promise<string> {
  const [user] = await db.insert(users).values(values).returning({ id: users.id });
  return user!.id;
}

export async function insertSetupCode(db: Executor, codeHash: string): Promise<void> {
  await db.insert(setupCodes).values({ codeHash });
}

/** Serialises concurrent setups for the rest of the transaction. */
export async function lockSetup(db: Executor): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
}

/** Marks an unused setup code issued after `issuedAfter` as used; false when there is none. */
export async function claimSetupCode(
  db: Executor,
  codeHash: string,
  issuedAfter: Date,
  now: Date,
): Promise<boolean> {
  const [code] = await db
    .update(setupCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(setupCodes.codeHash, codeHash),
        isNull(setupCodes.usedAt),
        gt(setupCodes.createdAt, issuedAfter),
      ),
    )
    .returning({ codeHash: setupCodes.codeHash });
  return Boolean(code);
}
