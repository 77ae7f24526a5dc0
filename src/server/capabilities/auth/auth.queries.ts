import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { clinics, recoveryCodes, sessions, users } from '../../../db/schema.js';

/** The auth capability's SQL: users' credentials, recovery codes and other sessions. */

export type UserRow = typeof users.$inferSelect;

/** The clinic's stored settings document (unparsed), or undefined for an unknown clinic. */
export async function findClinicSettings(db: Executor, clinicId: string): Promise<unknown> {
  const [clinic] = await db
    .select({ settings: clinics.settings })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  return clinic?.settings;
}

export async function findClinicSummary(db: Executor, clinicId: string) {
  const [clinic] = await db
    .select({ id: clinics.id, name: clinics.name, isDemo: clinics.isDemo })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  return clinic;
}

/** Emails are matched case-insensitively; `email` is already trimmed and lower-cased. */
export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  return user;
}

export async function findUser(
  db: Executor,
  userId: string,
  options: { forUpdate?: boolean } = {},
): Promise<UserRow | undefined> {
  const query = db.select().from(users).where(eq(users.id, userId));
  const [user] = options.forUpdate ? await query.for('update') : await query;
  return user;
}

/** What an authenticator enrolment needs: the account name, the issuer and whether one is enrolled. */
export async function findEnrolmentSubject(db: Executor, userId: string) {
  const [row] = await db
    .select({ email: users.email, clinicName: clinics.name, enrolled: users.totpEnrolledAt })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, userId));
  return row;
}

/** A new, not yet confirmed TOTP secret; no time step has been accepted for it. */
export async function setTotpSecret(db: Executor, userId: string, secret: string): Promise<void> {
  await db.update(users).set({ totpSecret: secret, totpLastStep: null }).where(eq(users.id, userId));
}

export async function setTotpLastStep(db: Executor, userId: string, step: number): Promise<void> {
  await db.update(users).set({ totpLastStep: step }).where(eq(users.id, userId));
}

export async function markTotpEnrolled(db: Executor, userId: string, now: Date, step: number): Promise<void> {
  await db.update(users).set({ totpEnrolledAt: now, totpLastStep: step }).where(eq(users.id, userId));
}

export async function insertRecoveryCodes(
  db: Executor,
  user: { clinicId: string; userId: string },
  codeHashes: string[],
): Promise<void> {
  await db
    .insert(recoveryCodes)
    .values(codeHashes.map((codeHash) => ({ clinicId: user.clinicId, userId: user.userId, codeHash })));
}

/** Marks one unused recovery code of the user as used; false when there is no such code. */
export async function useRecoveryCode(
  db: Executor,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const [used] = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return Boolean(used);
}

export async function setPassword(
  db: Executor,
  user: { id: string; version: number },
  change: { passwordHash: string; totpLastStep: number; now: Date },
): Promise<void> {
  await db
    .update(users)
    .set({
      passwordHash: change.passwordHash,
      totpLastStep: change.totpLastStep,
      version: user.version + 1,
      updatedAt: change.now,
    })
    .where(eq(users.id, user.id));
}

/** Ends every live session of the user except the one given; returns how many ended. */
export async function endOtherSessions(
  db: Executor,
  userId: string,
  keepTokenHash: string,
  reason: string,
  now: Date,
): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), ne(sessions.tokenHash, keepTokenHash)))
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}
