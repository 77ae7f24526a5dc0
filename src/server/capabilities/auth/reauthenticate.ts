import type { StaffRole } from '../../../domain/auth/index.js';
import { isStaffRole } from '../../../domain/auth/index.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { verifyAgainstDummy, verifyPassword } from '../../shared/password.js';
import { assertNotThrottled, recordFailure } from '../../shared/throttle.js';
import { lockPolicy, securityOf } from './auth-failures.js';
import { findUserByEmail, setTotpLastStep } from './auth.queries.js';
import { openTotpSecret } from './totp-secrets.js';
import { verifyTotp } from './totp.js';

export type Reauthentication =
  | { ok: true; user: { id: string; role: StaffRole; label: string } }
  | { ok: false; field: 'email' | 'password' | 'code'; userId: string | null };

/**
 * A second person proves who they are at someone else's screen (a witness to a waste): their email,
 * password and a fresh TOTP code, checked the way a sign-in checks them. The user must be an active
 * account of `clinicId`. A code is accepted once (the time step is stored), failures count toward the
 * user's lock-out like a failed second factor, and the answer never says whether the email exists
 * (an unknown email and a wrong password both come back as 'password'). The caller audits.
 */
export async function reauthenticateUser(
  deps: AppDeps,
  clinicId: string,
  input: { email: string; password: string; code: string },
): Promise<Reauthentication> {
  const now = deps.now();
  const user = await findUserByEmail(deps.db, input.email.trim().toLowerCase());
  const sameClinic = user && user.clinicId === clinicId && user.status === 'active' && isStaffRole(user.role);
  if (!sameClinic) {
    await verifyAgainstDummy(input.password);
    return { ok: false, field: 'password', userId: null };
  }
  const userKey = `mfa:user:${user.id}`;
  await assertNotThrottled(deps.db, [userKey], now);
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  const totp =
    passwordOk && user.totpSecret
      ? await verifyTotp(
          openTotpSecret(deps.secrets, user.totpSecret),
          input.code.trim(),
          user.totpLastStep,
          now,
        )
      : { valid: false as const };
  if (!passwordOk || !totp.valid) {
    const security = await securityOf(deps.db, clinicId);
    await recordFailure(deps.db, userKey, lockPolicy(security.mfaFailuresPerUser, security), now);
    return { ok: false, field: passwordOk ? 'code' : 'password', userId: user.id };
  }
  await setTotpLastStep(deps.db, user.id, totp.step);
  return { ok: true, user: { id: user.id, role: user.role as StaffRole, label: user.displayName } };
}
