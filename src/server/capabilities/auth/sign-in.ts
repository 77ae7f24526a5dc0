import type { SessionStage } from '../../../contracts/auth.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { verifyAgainstDummy, verifyPassword } from '../../shared/password.js';
import { createSession, endSession } from '../../shared/session.js';
import { assertNotThrottled, clearFailures, recordFailure } from '../../shared/throttle.js';
import {
  codeFailed,
  lockPolicy,
  securityOf,
  signInFailed,
  stageAfterFactors,
  type CallerInfo,
} from './auth-failures.js';
import { findUser, findUserByEmail, setTotpLastStep, useRecoveryCode, type UserRow } from './auth.queries.js';
import { openTotpSecret } from './totp-secrets.js';
import { hashRecoveryCode, verifyTotp } from './totp.js';

/**
 * The password step. Success opens a partial session that owes a TOTP code (or an enrolment);
 * failure counts against both the account and the caller's address.
 */
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
  const user = await findUserByEmail(deps.db, email);
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !passwordOk || user.status !== 'active') {
    const security = await securityOf(deps.db, user?.clinicId);
    await recordFailure(deps.db, accountKey, lockPolicy(security.passwordFailuresPerAccount, security), now);
    await recordFailure(deps.db, ipKey, lockPolicy(security.passwordFailuresPerIp, security), now);
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

/**
 * Checks a TOTP code (never a time step already used) or spends one unused recovery code, in the
 * transaction that locks the user's row. Undefined when neither is accepted.
 */
async function acceptSecondFactor(
  deps: Pick<AppDeps, 'db' | 'secrets'>,
  userId: string,
  code: string,
  now: Date,
): Promise<{ user: UserRow; usedRecoveryCode: boolean } | undefined> {
  return deps.db.transaction(async (tx) => {
    const user = await findUser(tx, userId, { forUpdate: true });
    if (!user?.totpSecret || !user.totpEnrolledAt) return undefined;
    if (/^\d{6}$/.test(code)) {
      const secret = openTotpSecret(deps.secrets, user.totpSecret);
      const check = await verifyTotp(secret, code, user.totpLastStep, now);
      if (!check.valid) return undefined;
      await setTotpLastStep(tx, user.id, check.step);
      return { user, usedRecoveryCode: false };
    }
    const used = await useRecoveryCode(tx, user.id, hashRecoveryCode(code), now);
    return used ? { user, usedRecoveryCode: true } : undefined;
  });
}

/**
 * Second step: a TOTP code, or one of the user's live recovery codes. A new session token results:
 * a full one, or one that must still replace a temporary password.
 */
export async function completeSecondFactor(
  deps: AppDeps,
  session: { userId: string; clinicId: string; tokenHash: string },
  input: { code: string },
  caller: CallerInfo,
): Promise<{ token: string; stage: 'change-password' | 'full'; usedRecoveryCode: boolean }> {
  const now = deps.now();
  const userKey = `mfa:user:${session.userId}`;
  const ipKey = `mfa:ip:${caller.clientIp}`;
  await assertNotThrottled(deps.db, [userKey, ipKey], now);
  const security = await securityOf(deps.db, session.clinicId);
  const result = await acceptSecondFactor(deps, session.userId, input.code.trim(), now);
  if (!result) {
    await recordFailure(deps.db, userKey, lockPolicy(security.mfaFailuresPerUser, security), now);
    await recordFailure(deps.db, ipKey, lockPolicy(security.passwordFailuresPerIp, security), now);
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
  const stage = stageAfterFactors(result.user);
  const token = await deps.db.transaction(async (tx) => {
    await endSession(tx, session.tokenHash, 'second-factor-completed');
    const created = await createSession(tx, {
      clinicId: session.clinicId,
      userId: session.userId,
      stage,
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
        detail: {
          step: result.usedRecoveryCode ? 'recovery-code' : 'totp',
          ...(stage === 'full' ? {} : { next: stage }),
        },
        outcome: 'success',
        clientIp: caller.clientIp,
      },
    ]);
    return created;
  });
  return { token, stage, usedRecoveryCode: result.usedRecoveryCode };
}
