import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { readClinicSettings } from '../../../domain/clinic/clinic-settings.js';
import { clinics, recoveryCodes, sessions, users } from '../../../db/schema.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { ApiError } from '../../shared/api-error.js';
import { appendAudit } from '../../shared/audit.js';
import {
  assertAcceptablePassword,
  hashPassword,
  verifyAgainstDummy,
  verifyPassword,
} from '../../shared/password.js';
import { createSession, endSession, type SessionStage } from '../../shared/session.js';
import { assertNotThrottled, clearFailures, recordFailure } from '../../shared/throttle.js';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from './totp.js';

export interface CallerInfo {
  clientIp: string;
  userAgent: string;
}

/** Deliberately the same for an unknown email, a wrong password and a disabled account. */
const signInFailed = () => new ApiError(401, 'sign_in_failed', 'Email or password is incorrect');
const codeFailed = () =>
  new ApiError(401, 'code_failed', 'That code is not valid. Check your authenticator and try again.');

async function securityOf(deps: AppDeps, clinicId?: string) {
  if (!clinicId) return readClinicSettings({}).security;
  const [clinic] = await deps.db
    .select({ settings: clinics.settings })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  return readClinicSettings(clinic?.settings).security;
}

export async function signInWithPassword(
  deps: AppDeps,
  input: { email: string; password: string },
  caller: CallerInfo,
): Promise<{ token: string; stage: SessionStage }> {
  const now = deps.now();
  const email = input.email.trim().toLowerCase();
  const accountKey = `password:account:${email}`;
  const ipKey = `password:ip:${caller.clientIp}`;
  await assertNotThrottled(deps.db, [accountKey, ipKey], now);
  const [user] = await deps.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !passwordOk || user.status !== 'active') {
    const security = await securityOf(deps, user?.clinicId);
    await recordFailure(
      deps.db,
      accountKey,
      {
        maxFailures: security.passwordFailuresPerAccount,
        windowMinutes: security.lockMinutes,
        lockMinutes: security.lockMinutes,
      },
      now,
    );
    await recordFailure(
      deps.db,
      ipKey,
      {
        maxFailures: security.passwordFailuresPerIp,
        windowMinutes: security.lockMinutes,
        lockMinutes: security.lockMinutes,
      },
      now,
    );
    await deps.audit.record({
      clinicId: user?.clinicId ?? null,
      userId: user?.id ?? null,
      userLabel: user?.displayName ?? null,
      action: 'login-failed',
      entity: 'session',
      detail: {
        step: 'password',
        reason: !user ? 'unknown-account' : !passwordOk ? 'wrong-password' : 'account-disabled',
        email: email.slice(0, 254),
      },
      outcome: 'failure',
      clientIp: caller.clientIp,
    });
    throw signInFailed();
  }
  await clearFailures(deps.db, accountKey);
  const stage: SessionStage = user.totpEnrolledAt ? 'mfa' : 'enrol';
  const token = await deps.db.transaction(async (tx) => {
    const created = await createSession(tx, {
      clinicId: user.clinicId,
      userId: user.id,
      stage,
      ...caller,
      now,
    });
    await appendAudit(tx, [
      {
        clinicId: user.clinicId,
        userId: user.id,
        userLabel: user.displayName,
        action: 'login',
        entity: 'session',
        detail: { step: 'password', next: stage },
        outcome: 'success',
        clientIp: caller.clientIp,
      },
    ]);
    return created;
  });
  return { token, stage };
}

/** Second step: a TOTP code, or one of the user's unused recovery codes. A new session token results. */
export async function completeSecondFactor(
  deps: AppDeps,
  session: { userId: string; clinicId: string; tokenHash: string },
  input: { code: string },
  caller: CallerInfo,
): Promise<{ token: string; usedRecoveryCode: boolean }> {
  const now = deps.now();
  const userKey = `mfa:user:${session.userId}`;
  const ipKey = `mfa:ip:${caller.clientIp}`;
  await assertNotThrottled(deps.db, [userKey, ipKey], now);
  const security = await securityOf(deps, session.clinicId);
  const code = input.code.trim();
  const result = await deps.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, session.userId)).for('update');
    if (!user?.totpSecret || !user.totpEnrolledAt) return undefined;
    if (/^\d{6}$/.test(code)) {
      const check = await verifyTotp(user.totpSecret, code, user.totpLastStep, now);
      if (!check.valid) return undefined;
      await tx.update(users).set({ totpLastStep: check.step }).where(eq(users.id, user.id));
      return { user, usedRecoveryCode: false };
    }
    const [recovery] = await tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(recoveryCodes.userId, user.id),
          eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    return recovery ? { user, usedRecoveryCode: true } : undefined;
  });
  if (!result) {
    await recordFailure(
      deps.db,
      userKey,
      {
        maxFailures: security.mfaFailuresPerUser,
        windowMinutes: security.lockMinutes,
        lockMinutes: security.lockMinutes,
      },
      now,
    );
    await recordFailure(
      deps.db,
      ipKey,
      {
        maxFailures: security.passwordFailuresPerIp,
        windowMinutes: security.lockMinutes,
        lockMinutes: security.lockMinutes,
      },
      now,
    );
    await deps.audit.record({
      clinicId: session.clinicId,
      userId: session.userId,
      action: 'login-failed',
      entity: 'session',
      detail: { step: 'mfa' },
      outcome: 'failure',
      clientIp: caller.clientIp,
    });
    throw codeFailed();
  }
  await clearFailures(deps.db, userKey);
  const token = await deps.db.transaction(async (tx) => {
    await endSession(tx, session.tokenHash, 'second-factor-completed');
    const created = await createSession(tx, {
      clinicId: session.clinicId,
      userId: session.userId,
      stage: 'full',
      ...caller,
      now,
    });
    await appendAudit(tx, [
      {
        clinicId: session.clinicId,
        userId: session.userId,
        userLabel: result.user.displayName,
        action: 'login',
        entity: 'session',
        detail: { step: result.usedRecoveryCode ? 'recovery-code' : 'totp' },
        outcome: 'success',
        clientIp: caller.clientIp,
      },
    ]);
    return created;
  });
  return { token, usedRecoveryCode: result.usedRecoveryCode };
}

export async function startTotpEnrolment(
  deps: AppDeps,
  session: { userId: string; clinicId: string },
): Promise<{ secret: string; otpauthUri: string; qrSvg: string }> {
  const [row] = await deps.db
    .select({ email: users.email, clinicName: clinics.name, enrolled: users.totpEnrolledAt })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, session.userId));
  if (!row) throw new ApiError(401, 'unauthenticated', 'Sign in to continue');
  if (row.enrolled) throw new ApiError(409, 'already_enrolled', 'An authenticator is already enrolled');
  const secret = newTotpSecret();
  await deps.db
    .update(users)
    .set({ totpSecret: secret, totpLastStep: null })
    .where(eq(users.id, session.userId));
  const otpauthUri = totpUri(secret, row.email, `Arbor (${row.clinicName})`);
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, otpauthUri, qrSvg };
}

export async function confirmTotpEnrolment(
  deps: AppDeps,
  session: { userId: string; clinicId: string; tokenHash: string },
  input: { code: string },
  caller: CallerInfo,
): Promise<{ token: string; recoveryCodes: string[] }> {
  const now = deps.now();
  const userKey = `mfa:user:${session.userId}`;
  await assertNotThrottled(deps.db, [userKey], now);
  const codes = newRecoveryCodes();
  const outcome = await deps.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, session.userId)).for('update');
    if (!user?.totpSecret || user.totpEnrolledAt) return undefined;
    const check = await verifyTotp(user.totpSecret, input.code.trim(), user.totpLastStep, now);
    if (!check.valid) return undefined;
    await tx
      .update(users)
      .set({ totpEnrolledAt: now, totpLastStep: check.step })
      .where(eq(users.id, user.id));
    await tx
      .insert(recoveryCodes)
      .values(
        codes.map((code) => ({ clinicId: user.clinicId, userId: user.id, codeHash: hashRecoveryCode(code) })),
      );
    await endSession(tx, session.tokenHash, 'mfa-enrolled');
    const token = await createSession(tx, {
      clinicId: user.clinicId,
      userId: user.id,
      stage: 'full',
      ...caller,
      now,
    });
    await appendAudit(tx, [
      {
        clinicId: user.clinicId,
        userId: user.id,
        userLabel: user.displayName,
        action: 'mfa-enrolled',
        entity: 'user',
        entityId: user.id,
        outcome: 'success',
        clientIp: caller.clientIp,
      },
      {
        clinicId: user.clinicId,
        userId: user.id,
        userLabel: user.displayName,
        action: 'login',
        entity: 'session',
        detail: { step: 'totp-enrolment' },
        outcome: 'success',
        clientIp: caller.clientIp,
      },
    ]);
    return token;
  });
  if (!outcome) {
    const security = await securityOf(deps, session.clinicId);
    await recordFailure(
      deps.db,
      userKey,
      {
        maxFailures: security.mfaFailuresPerUser,
        windowMinutes: security.lockMinutes,
        lockMinutes: security.lockMinutes,
      },
      now,
    );
    throw codeFailed();
  }
  return { token: outcome, recoveryCodes: codes };
}

export async function signOut(
  deps: AppDeps,
  session: { tokenHash: string; userId: string; clinicId: string; label: string },
  caller: CallerInfo,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await endSession(tx, session.tokenHash, 'signed-out');
    await appendAudit(tx, [
      {
        clinicId: session.clinicId,
        userId: session.userId,
        userLabel: session.label,
        action: 'logout',
        entity: 'session',
        outcome: 'success',
        clientIp: caller.clientIp,
      },
    ]);
  });
}

/**
 * A signed-in user changes their own password. They re-authenticate with the current password and
 * a fresh TOTP code (ASVS 7.5.1, and a reset never bypasses MFA: 6.4.3); other sessions end unless
 * they choose to keep them (ASVS 7.4.3). The current session continues.
 */
export async function changeOwnPassword(
  deps: AppDeps,
  actor: { userId: string; clinicId: string; label: string; sessionTokenHash: string },
  input: { currentPassword: string; newPassword: string; code: string; endOtherSessions: boolean },
  caller: CallerInfo,
): Promise<{ endedSessions: number }> {
  const now = deps.now();
  const userKey = `mfa:user:${actor.userId}`;
  await assertNotThrottled(deps.db, [userKey], now);
  const [user] = await deps.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user?.totpSecret) throw new ApiError(401, 'unauthenticated', 'Sign in to continue');
  const passwordOk = await verifyPassword(user.passwordHash, input.currentPassword);
  const totp = passwordOk
    ? await verifyTotp(user.totpSecret, input.code.trim(), user.totpLastStep, now)
    : { valid: false as const };
  if (!passwordOk || !totp.valid) {
    const security = await securityOf(deps, actor.clinicId);
    await recordFailure(
      deps.db,
      userKey,
      {
        maxFailures: security.mfaFailuresPerUser,
        windowMinutes: security.lockMinutes,
        lockMinutes: security.lockMinutes,
      },
      now,
    );
    await deps.audit.record({
      clinicId: actor.clinicId,
      userId: actor.userId,
      userLabel: actor.label,
      action: 'update',
      entity: 'user.password',
      entityId: actor.userId,
      outcome: 'failure',
      clientIp: caller.clientIp,
    });
    throw new ApiError(400, 'reauthentication_failed', 'Your current password or the code is not right', [
      { field: passwordOk ? 'body.code' : 'body.currentPassword', message: 'not accepted' },
    ]);
  }
  assertAcceptablePassword(input.newPassword, 'body.newPassword', user.email);
  if (input.newPassword === input.currentPassword) {
    throw new ApiError(400, 'invalid_request', 'Choose a password you have not been using', [
      { field: 'body.newPassword', message: 'is the same as the current password' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  return deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, totpLastStep: totp.step, version: user.version + 1, updatedAt: now })
      .where(eq(users.id, user.id));
    let endedSessions = 0;
    if (input.endOtherSessions) {
      const ended = await tx
        .update(sessions)
        .set({ endedAt: now, endReason: 'password-changed' })
        .where(
          and(
            eq(sessions.userId, user.id),
            isNull(sessions.endedAt),
            ne(sessions.tokenHash, actor.sessionTokenHash),
          ),
        )
        .returning({ tokenHash: sessions.tokenHash });
      endedSessions = ended.length;
    }
    await appendAudit(tx, [
      {
        clinicId: actor.clinicId,
        userId: actor.userId,
        userLabel: actor.label,
        action: 'update',
        entity: 'user.password',
        entityId: actor.userId,
        detail: { endedOtherSessions: endedSessions },
        outcome: 'success',
        clientIp: caller.clientIp,
      },
    ]);
    return { endedSessions };
  });
}
