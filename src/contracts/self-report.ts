import { z } from 'zod';
import { isoInstant, itemList } from './common.js';

/**
 * Self-report links over HTTP: staff send or hand over a single-use link, list and cancel them, or
 * start kiosk mode. The patient's own pages (/r/:token) are HTML, not JSON; only their path
 * parameter is here.
 */

export const linkChannels = ['email', 'sms', 'copy', 'kiosk'] as const;
export type LinkChannel = (typeof linkChannels)[number];

export const linkStatuses = ['pending', 'used', 'expired', 'revoked'] as const;
export type LinkStatus = (typeof linkStatuses)[number];

export const linkBody = z
  .object({ instrumentId: z.string().max(40), channel: z.enum(['email', 'sms', 'copy']) })
  .strict();
export type SendLinkRequest = z.infer<typeof linkBody>;

export const kioskBody = z.object({ instrumentId: z.string().max(40) }).strict();
export type StartKioskRequest = z.infer<typeof kioskBody>;

/** The token is checked for shape by the service (an unknown token counts against the caller). */
export const tokenParam = z.object({ token: z.string().max(200) }).strict();

export const selfReportLink = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  instrumentId: z.string(),
  channel: z.enum(linkChannels),
  /** A masked address (`q•••@example.test`, `•••• 4242`), never the whole one. */
  recipientHint: z.string().nullable(),
  createdAt: isoInstant,
  expiresAt: isoInstant,
  openedAt: isoInstant.nullable(),
  usedAt: isoInstant.nullable(),
  responseId: z.uuid().nullable(),
  status: z.enum(linkStatuses),
});
export type SelfReportLink = z.infer<typeof selfReportLink>;

/** A new link; with channel 'copy' the address is returned this once to hand over. */
export const createdSelfReportLink = selfReportLink.extend({ url: z.string().optional() });
export type CreatedSelfReportLink = z.infer<typeof createdSelfReportLink>;

export const selfReportLinksResponse = itemList(selfReportLink);

export const kioskStarted = z.object({
  linkId: z.uuid(),
  /** Relative: the device opens it on the origin it is already on. */
  url: z.string(),
  expiresAt: isoInstant,
});
export type KioskStarted = z.infer<typeof kioskStarted>;
