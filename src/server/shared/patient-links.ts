import { randomBytes } from 'node:crypto';
import { ApiError, badRequest } from './api-error.js';
import { hashToken } from './session.js';
import type { ThrottlePolicy } from './throttle.js';

/**
 * What every single-use link sent to a patient shares (self-report questionnaires, intake and consent
 * forms): the token, the masked recipient staff see, the origin the address is built from, and the
 * throttle that stops anyone scanning for live links.
 */

/**
 * Unknown tokens count against the caller's address so nobody can scan for live links; a real but
 * used or expired link does not (that is a patient clicking an old message). 20 misses in 15 minutes
 * lock the address for 15 minutes (ASVS 6.1.1, 2.4.1). One key for every kind of patient link, so
 * scanning two kinds of address gains nothing.
 */
export const patientLinkThrottle: ThrottlePolicy = { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 };
export const patientLinkThrottleKey = (ip: string) => `selfreport:ip:${ip}`;

/** 256 bits from the CSPRNG (ASVS 7.2.3, 11.5.1: ≥ 128 bits); only the SHA-256 is stored. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export const linkTokenPattern = /^[A-Za-z0-9_-]{43}$/;

export type PatientLinkChannel = 'email' | 'sms' | 'copy' | 'kiosk';

export function maskRecipient(channel: PatientLinkChannel, to: string | null): string | null {
  if (!to) return null;
  if (channel === 'email') {
    const [local = '', domain = ''] = to.split('@');
    return `${local.slice(0, 1)}•••@${domain}`;
  }
  if (channel === 'sms') return `•••• ${to.replace(/\D/g, '').slice(-4)}`;
  return null;
}

/**
 * The origin of a link's address. A link sent by email or SMS leaves the building, so it is built
 * only from Arbor's configured public address (ARBOR_PUBLIC_URL), never from the request: its Host
 * header is the caller's to choose, and a forged one would send patients' single-use links to
 * another site. Without one, sending is refused (409) with the fix named. A copied link is shown to
 * the staff member who asked for it, on the address their own browser used, before anyone else sees
 * it; it uses the public address when there is one and that request's address otherwise.
 */
export function linkOrigin(
  publicUrl: string | undefined,
  channel: PatientLinkChannel,
  requestOrigin: string,
): string {
  if (publicUrl) return publicUrl;
  if (channel === 'copy' || channel === 'kiosk') return requestOrigin;
  throw new ApiError(
    409,
    'public_url_required',
    'Links can be emailed or texted only once Arbor knows its public address: an administrator sets ARBOR_PUBLIC_URL (for example https://arbor.example.org) and restarts Arbor. Until then, copy the link or use kiosk mode.',
    [{ field: 'body.channel', message: 'needs ARBOR_PUBLIC_URL to be set on the server' }],
  );
}

/** The recipient of an email or SMS link, or a 400 naming the channel when the record has none. */
export function linkRecipient(
  channel: PatientLinkChannel,
  patient: { email: string | null; phone: string | null },
): string | null {
  const to = channel === 'email' ? patient.email : channel === 'sms' ? patient.phone : null;
  if ((channel === 'email' || channel === 'sms') && !to) {
    throw badRequest([
      {
        field: 'body.channel',
        message: `the patient has no ${channel === 'email' ? 'email address' : 'phone number'} on file`,
      },
    ]);
  }
  return to;
}
