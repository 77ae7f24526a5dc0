import type { InstrumentDefinition } from '../../../domain/instruments/index.js';
import type { LinkChannel, LinkStatus, SelfReportLink } from '../../../contracts/self-report.js';
import { badRequest } from '../../shared/api-error.js';
import type { LinkRow } from './self-report.queries.js';

/** Rules of self-report links shared by the staff side and the patient's pages. */

export {
  patientLinkThrottle as selfReportThrottle,
  patientLinkThrottleKey as throttleKey,
  newLinkToken,
  linkTokenPattern as tokenPattern,
  maskRecipient,
  linkOrigin,
} from '../../shared/patient-links.js';

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

/** The address the patient opens. */
export function linkUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/r/${token}`;
}
