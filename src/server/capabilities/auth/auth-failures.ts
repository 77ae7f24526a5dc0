import { readClinicSettings, type SecuritySettings } from '../../../domain/clinic/index.js';
import type { Executor } from '../../../db/client.js';
import { ApiError } from '../../shared/api-error.js';
import type { ThrottlePolicy } from '../../shared/throttle.js';
import { findClinicSettings } from './auth.queries.js';

/** Where a sign-in step comes from; the public routes have no actor yet. */
export interface CallerInfo {
  clientIp: string;
  userAgent: string;
}

/** Deliberately the same for an unknown email, a wrong password and a disabled account. */
export const signInFailed = () => new ApiError(401, 'sign_in_failed', 'Email or password is incorrect');

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
