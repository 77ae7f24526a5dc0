import { z } from 'zod';
import { consentTemplateCode } from './consent.js';
import { isoInstant, itemList } from './common.js';

/**
 * Intake and consent forms the patient completes through a single-use link (their phone, or a clinic
 * tablet in kiosk mode). Staff create, list and cancel links here; the patient's pages (/f/:token) are
 * HTML, not JSON.
 */

export const formPurposes = ['intake', 'consent'] as const;
export type FormPurpose = (typeof formPurposes)[number];

export const formLinkStatuses = ['pending', 'used', 'expired', 'revoked', 'locked'] as const;
export type FormLinkStatus = (typeof formLinkStatuses)[number];

export const formLinkBody = z
  .object({
    purpose: z.enum(formPurposes),
    /** Which consent form, for purpose 'consent'. */
    consentTemplateCode: consentTemplateCode.optional(),
    /** kiosk: this device; the staff session on it ends and the form opens. */
    channel: z.enum(['email', 'sms', 'copy', 'kiosk']),
  })
  .strict();
export type FormLinkRequest = z.infer<typeof formLinkBody>;

export const formLink = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  purpose: z.enum(formPurposes),
  consentTemplateCode: consentTemplateCode.nullable(),
  channel: z.enum(['email', 'sms', 'copy', 'kiosk']),
  recipientHint: z.string().nullable(),
  createdAt: isoInstant,
  expiresAt: isoInstant,
  openedAt: isoInstant.nullable(),
  usedAt: isoInstant.nullable(),
  status: z.enum(formLinkStatuses),
});
export type FormLink = z.infer<typeof formLink>;

/** A new link; for 'copy' and 'kiosk' the address is returned this once (kiosk: relative to this origin). */
export const createdFormLink = formLink.extend({ url: z.string().optional() });
export type CreatedFormLink = z.infer<typeof createdFormLink>;

export const formLinksResponse = itemList(formLink);
