import { readClinicSettings, type SecuritySettings } from '../../../domain/clinic/index.js';
import type { Executor } from '../../../db/client.js';
import { ApiError } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import type { ThrottlePolicy } from '../../shared/throttle.js';
import { findClinicSettings } from './auth.queries.js';

/** Where a sign-in step comes from; the public routes have no actor yet. */
export interface CallerInfo {
  clientIp: string;
  userAgent: string;
}

/** Deliberately the same for an unknown email, a wrong password and a disabled account. */
export const signInFailed = () => new ApiError(401, 'sign_in_failed', 'Email or password is incorrect');

/**
 * Each partial-session route belongs to one step of signing in; a session at another step is
 * refused (and the refusal audited), so no step (the second factor, the enrolment, the replacement
 * of a temporary password) can be skipped by calling another step's route.
 */
export async function assertSignInStep(
  deps: Pick<AppDeps, 'audit'>,
  session: { stage: string; userId: string; clinicId: string },
  step: 'mfa' | 'enrol' | 'change-password',
  caller: CallerInfo,
): Promise<void> {
  if (session.stage === step) return;
  await deps.audit.record({
    clinicId: session.clinicId,
    userId: session.userId,
    action: 'access-denied',
    entity: 'session',
    detail: { step, sessionStage: session.stage },
    outcome: 'failure',
    clientIp: caller.clientIp,
  });
  throw new ApiError(
    409,
    'wrong_sign_in_step',
    'This is not the sign-in step you are at. Reload the page to go on.',
  );
}

/** After the factors: a temporary password must still be replaced before the session is full. */
export function stageAfterFactors(user: { passwordMustChange: boolean }): 'change-password' | 'full' {
  return user.passwordMustChange ? 'change-password' : 'full';
}

export const codeFailed = () =>
  new ApiError(401, 'code_failed', 'That code is not valid. Check your authenticator and try again.');

/** The clinic's lockout settings; the defaults when the account (and so the clinic) is unknown. */
export async function securityOf(db: Executor, clinicId?: string): Promise<SecuritySettings> {
  if (!clinicId) return readClinicSettings({}).security;
  return readClinicSettings(await findClinicSettings(db, clinicId)).security;
}

/** A lockout after `maxFailures` within the clinic's lock period, lasting that period. */
export function lockPolicy(maxFailures: number, security: SecuritySettings): ThrottlePolicy {
  return { maxFailures, windowMinutes: security.lockMinutes, lockMinutes: security.lockMinutes };
}
