import QRCode from 'qrcode';
import type { EnrolmentStart } from '../../../contracts/auth.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { ApiError } from '../../shared/api-error.js';
import { appendAudit } from '../../shared/audit.js';
import { createSession, endSession } from '../../shared/session.js';
import { assertNotThrottled, recordFailure } from '../../shared/throttle.js';
import { codeFailed, lockPolicy, securityOf, stageAfterFactors, type CallerInfo } from './auth-failures.js';
import {
  findEnrolmentSubject,
  findUser,
  insertRecoveryCodes,
  markTotpEnrolled,
  revokeRecoveryCodes,
  setTotpSecret,
} from './auth.queries.js';
import { openTotpSecret, sealTotpSecret } from './totp-secrets.js';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from './totp.js';

/**
 * A new TOTP secret for a user who has none enrolled yet, with its otpauth URI and QR code. The
 * person sees the secret once, here; the database keeps it sealed.
 */
export async function startTotpEnrolment(
  deps: AppDeps,
  session: { userId: string; clinicId: string },
): Promise<EnrolmentStart> {
  const row = await findEnrolmentSubject(deps.db, session.userId);
  if (!row) throw new ApiError(401, 'unauthenticated', 'Sign in to continue');
  if (row.enrolled) throw new ApiError(409, 'already_enrolled', 'An authenticator is already enrolled');
  const secret = newTotpSecret();
  await setTotpSecret(deps.db, session.userId, sealTotpSecret(deps.secrets, secret));
  const otpauthUri = totpUri(secret, row.email, `Arbor (${row.clinicName})`);
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, otpauthUri, qrSvg };
}

/**
 * The first code proves the authenticator holds the secret: the enrolment is recorded, every earlier
 * recovery code is revoked and ten new ones are made (only their hashes kept), and the partial
 * session is replaced by a full one, or by one that must still replace a temporary password.
 */
export async function confirmTotpEnrolment(
  deps: AppDeps,
  session: { userId: string; clinicId: string; tokenHash: string },
  input: { code: string },
  caller: CallerInfo,
): Promise<{ token: string; stage: 'change-password' | 'full'; recoveryCodes: string[] }> {
  const now = deps.now();
  const userKey = `mfa:user:${session.userId}`;
  await assertNotThrottled(deps.db, [userKey], now);
  const codes = newRecoveryCodes();
  const outcome = await deps.db.transaction(async (tx) => {
    const user = await findUser(tx, session.userId, { forUpdate: true });
    if (!user?.totpSecret || user.totpEnrolledAt) return undefined;
    const secret = openTotpSecret(deps.secrets, user.totpSecret);
    const check = await verifyTotp(secret, input.code.trim(), user.totpLastStep, now);
    if (!check.valid) return undefined;
    await markTotpEnrolled(tx, user.id, now, check.step);
    const revokedRecoveryCodes = await revokeRecoveryCodes(tx, user.id, now);
    await insertRecoveryCodes(tx, { clinicId: user.clinicId, userId: user.id }, codes.map(hashRecoveryCode));
    await endSession(tx, session.tokenHash, 'mfa-enrolled');
    const stage = stageAfterFactors(user);
    const token = await createSession(tx, {
      clinicId: user.clinicId,
      userId: user.id,
      stage,
      ...caller,
      now,
    });
    const base = {
      clinicId: user.clinicId,
      userId: user.id,
      userLabel: user.displayName,
      outcome: 'success' as const,
      clientIp: caller.clientIp,
    };
    await appendAudit(tx, [
      {
        ...base,
        action: 'mfa-enrolled',
        entity: 'user',
        entityId: user.id,
        detail: { revokedRecoveryCodes },
      },
      {
        ...base,
        action: 'login',
        entity: 'session',
        detail: { step: 'totp-enrolment', ...(stage === 'full' ? {} : { next: stage }) },
      },
    ]);
    return { token, stage };
  });
  if (!outcome) {
    const security = await securityOf(deps.db, session.clinicId);
    await recordFailure(deps.db, userKey, lockPolicy(security.mfaFailuresPerUser, security), now);
    throw codeFailed();
  }
  return { ...outcome, recoveryCodes: codes };
}
