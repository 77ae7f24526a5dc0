import { and, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
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
    .select({ id: clinics.id, name: clinics.name, isDemo: clinics.isDemo, settings: clinics.settings })
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

/** A new, not yet confirmed TOTP secret (sealed); no time step has been accepted for it. */
export async function setTotpSecret(db: Executor, userId: string, sealedSecret: string): Promise<void> {
  await db.update(users).set({ totpSecret: sealedSecret, totpLastStep: null }).where(eq(users.id, userId));
}

/** Every stored TOTP secret, sealed or (written before sealing existed) in clear. */
export async function listTotpSecrets(db: Executor) {
  return db
    .select({
      id: users.id,
      clinicId: users.clinicId,
      totpSecret: users.totpSecret,
    })
    .from(users)
    .where(isNotNull(users.totpSecret));
}

/** Replaces one stored secret only if it is still the value read; false when another process won. */
export async function replaceTotpSecret(
  db: Executor,
  userId: string,
  from: string,
  to: string,
): Promise<boolean> {
  const [row] = await db
    .update(users)
    .set({ totpSecret: to })
    .where(and(eq(users.id, userId), eq(users.totpSecret, from)))
    .returning({ id: users.id });
  return Boolean(row);
}

/** Whether any stored TOTP secret is sealed (a key must then exist to read it). */
export async function anySealedTotpSecret(db: Executor, sealedPrefix: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`starts_with(${users.totpSecret}, ${sealedPrefix})`)
    .limit(1);
  return Boolean(row);
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

/**
 * Revokes every recovery code of the user not used or revoked yet (an authenticator reset or a new
 * enrolment); returns how many.
 */
export async function revokeRecoveryCodes(db: Executor, userId: string, now: Date): Promise<number> {
  const revoked = await db
    .update(recoveryCodes)
    .set({ revokedAt: now })
    .where(
      and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt), isNull(recoveryCodes.revokedAt)),
    )
    .returning({ id: recoveryCodes.id });
  return revoked.length;
}

/** Marks one live (unused, unrevoked) recovery code of the user as used; false when there is none. */
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
        isNull(recoveryCodes.revokedAt),
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
      passwordMustChange: false,
      totpLastStep: change.totpLastStep,
      version: user.version + 1,
      updatedAt: change.now,
    })
    .where(eq(users.id, user.id));
}

/** The password the person chose in place of a temporary one. */
export async function replaceTemporaryPassword(
  db: Executor,
  user: { id: string; version: number },
  change: { passwordHash: string; now: Date },
): Promise<void> {
  await db
    .update(users)
    .set({
      passwordHash: change.passwordHash,
      passwordMustChange: false,
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
