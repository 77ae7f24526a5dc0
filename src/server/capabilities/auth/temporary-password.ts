import type { AppDeps } from '../../shared/app-deps.js';
import { ApiError } from '../../shared/api-error.js';
import { appendAudit } from '../../shared/audit.js';
import { assertAcceptablePassword, hashPassword, verifyPassword } from '../../shared/password.js';
import { createSession, endUserSessions } from '../../shared/session.js';
import type { CallerInfo } from './auth-failures.js';
import { findUser, replaceTemporaryPassword } from './auth.queries.js';

const sameAsTemporary = () =>
  new ApiError(400, 'invalid_request', 'Choose a password of your own, not the temporary one', [
    { field: 'body.newPassword', message: 'is the same as the temporary password' },
  ]);

/**
 * The last step of a sign-in with a password someone else chose (an administrator creating the
 * account or resetting its password, or `arbor user create`): the person picks their own, which
 * must pass the policy and differ from the temporary one (ASVS 6.4.1). Their factors are already
 * proven for this session. Every session of the user ends, including any another holder of the
 * temporary password opened, and a new full session replaces this one.
 */
export async function replaceTemporaryPasswordStep(
  deps: AppDeps,
  session: { userId: string; clinicId: string },
  input: { newPassword: string },
  caller: CallerInfo,
): Promise<{ token: string }> {
  const now = deps.now();
  const user = await findUser(deps.db, session.userId);
  if (!user) throw new ApiError(401, 'unauthenticated', 'Sign in to continue');
  assertAcceptablePassword(input.newPassword, 'body.newPassword', user.email);
  if (await verifyPassword(user.passwordHash, input.newPassword)) throw sameAsTemporary();
  const passwordHash = await hashPassword(input.newPassword);
  return deps.db.transaction(async (tx) => {
    const current = await findUser(tx, session.userId, { forUpdate: true });
    // An administrator changed the account meanwhile (which also ended this session).
    if (!current || current.passwordHash !== user.passwordHash || !current.passwordMustChange) {
      throw new ApiError(409, 'conflict', 'Your account was changed meanwhile. Sign in again.');
    }
    await replaceTemporaryPassword(tx, current, { passwordHash, now });
    const ended = await endUserSessions(tx, current.id, 'password-changed');
    const token = await createSession(tx, {
      clinicId: current.clinicId,
      userId: current.id,
      stage: 'full',
      ...caller,
      now,
    });
    const base = {
      clinicId: current.clinicId,
      userId: current.id,
      userLabel: current.displayName,
      outcome: 'success' as const,
      clientIp: caller.clientIp,
    };
    await appendAudit(tx, [
      {
        ...base,
        action: 'update',
        entity: 'user.password',
        entityId: current.id,
        detail: { replacedTemporary: true, endedSessions: ended },
      },
      { ...base, action: 'login', entity: 'session', detail: { step: 'password-change' } },
    ]);
    return { token };
  });
}
