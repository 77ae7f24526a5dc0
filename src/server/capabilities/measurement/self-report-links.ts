import { randomBytes } from 'node:crypto';
import type { InstrumentDefinition } from '../../../domain/instruments/index.js';
import type { LinkChannel, LinkStatus, SelfReportLink } from '../../../contracts/self-report.js';
import { ApiError, badRequest } from '../../shared/api-error.js';
import { hashToken } from '../../shared/session.js';
import type { ThrottlePolicy } from '../../shared/throttle.js';
import type { LinkRow } from './self-report.queries.js';

/** Rules of self-report links shared by the staff side and the patient's pages. */

/**
 * Unknown tokens count against the caller's address so nobody can scan for live links; a real but
 * used or expired link does not (that is a patient clicking an old message). 20 misses in 15 minutes
 * lock the address for 15 minutes (ASVS 6.1.1, 2.4.1).
 */
export const selfReportThrottle: ThrottlePolicy = { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 };
export const throttleKey = (ip: string) => `selfreport:ip:${ip}`;

/** 256 bits from the CSPRNG (ASVS 7.2.3, 11.5.1: ≥ 128 bits); only the SHA-256 is stored. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function maskRecipient(channel: LinkChannel, to: string | null): string | null {
  if (!to) return null;
  if (channel === 'email') {
    const [local = '', domain = ''] = to.split('@');
    return `${local.slice(0, 1)}•••@${domain}`;
  }
  if (channel === 'sms') return `•••• ${to.replace(/\D/g, '').slice(-4)}`;
  return null;
}

/** Links are offered for self-rated instruments only; clinician-rated scales are entered by staff. */
export function assertSelfRated(def: InstrumentDefinition): void {
  if (def.rater !== 'self') {
    throw badRequest([
      {
        field: 'body.instrumentId',
        message: `${def.shortTitle} is rated by a clinician; enter it in the chart instead`,
      },
    ]);
  }
}

export function linkStatus(row: LinkRow, now: Date): LinkStatus {
  if (row.usedAt) return 'used';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

export function linkDto(row: LinkRow, now: Date): SelfReportLink {
  return {
    id: row.id,
    patientId: row.patientId,
    instrumentId: row.instrumentId,
    channel: row.channel as LinkChannel,
    recipientHint: row.recipientHint,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    openedAt: row.openedAt?.toISOString() ?? null,
    usedAt: row.usedAt?.toISOString() ?? null,
    responseId: row.responseId,
    status: linkStatus(row, now),
  };
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
  channel: LinkChannel,
  requestOrigin: string,
): string {
  if (publicUrl) return publicUrl;
  if (channel === 'copy') return requestOrigin;
  throw new ApiError(
    409,
    'public_url_required',
    'Links can be emailed or texted only once Arbor knows its public address: an administrator sets ARBOR_PUBLIC_URL (for example https://arbor.example.org) and restarts Arbor. Until then, copy the link or use kiosk mode.',
    [{ field: 'body.channel', message: 'needs ARBOR_PUBLIC_URL to be set on the server' }],
  );
}

/** The address the patient opens. */
export function linkUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/r/${token}`;
}
