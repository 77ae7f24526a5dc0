import type { ChangePasswordResponse } from '../../../contracts/auth.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { ApiError } from '../../shared/api-error.js';
import { appendAudit } from '../../shared/audit.js';
import { assertAcceptablePassword, hashPassword, verifyPassword } from '../../shared/password.js';
import { assertNotThrottled, recordFailure } from '../../shared/throttle.js';
import { lockPolicy, securityOf } from './auth-failures.js';
import { endOtherSessions, findUser, setPassword } from './auth.queries.js';
import { openTotpSecret } from './totp-secrets.js';
import { verifyTotp } from './totp.js';

/**
 * A signed-in user changes their own password. They re-authenticate with the current password and
 * a fresh TOTP code (ASVS 7.5.1, and a reset never bypasses MFA: 6.4.3); other sessions end unless
 * they choose to keep them (ASVS 7.4.3). The current session continues.
 */
export async function changeOwnPassword(
  deps: AppDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; code: string; endOtherSessions: boolean },
): Promise<ChangePasswordResponse> {
  const now = deps.now();
  const userKey = `mfa:user:${actor.userId}`;
  await assertNotThrottled(deps.db, [userKey], now);
  const user = await findUser(deps.db, actor.userId);
  if (!user?.totpSecret) throw new ApiError(401, 'unauthenticated', 'Sign in to continue');
  const passwordOk = await verifyPassword(user.passwordHash, input.currentPassword);
  const totp = passwordOk
    ? await verifyTotp(
        openTotpSecret(deps.secrets, user.totpSecret),
        input.code.trim(),
        user.totpLastStep,
        now,
      )
    : { valid: false as const };
  if (!passwordOk || !totp.valid) {
    const security = await securityOf(deps.db, actor.clinicId);
    await recordFailure(deps.db, userKey, lockPolicy(security.mfaFailuresPerUser, security), now);
    await deps.audit.record({
      ...auditActor(actor),
      action: 'update',
      entity: 'user.password',
      entityId: actor.userId,
      outcome: 'failure',
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
    await setPassword(tx, user, { passwordHash, totpLastStep: totp.step, now });
    const endedSessions = input.endOtherSessions
      ? await endOtherSessions(tx, user.id, actor.sessionTokenHash, 'password-changed', now)
      : 0;
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'update',
        entity: 'user.password',
        entityId: actor.userId,
        detail: { endedOtherSessions: endedSessions },
        outcome: 'success',
      },
    ]);
    return { endedSessions };
  });
}
