import { z } from 'zod';
import { isoInstant } from './common.js';

/** Informed consent: templates, signing on a clinic tablet, countersigning, withdrawal (docs/intake-and-consent.md). */

export const consentTemplateCode = z.enum(['iv-ketamine', 'esketamine']);
export const consentStatus = z.enum([
  'unsigned',
  'awaiting_countersignature',
  'valid',
  'expired',
  'withdrawn',
  'superseded',
]);
const person = z.object({ id: z.uuid(), label: z.string() });

export const consentTemplateView = z.object({
  id: z.uuid(),
  code: consentTemplateCode,
  version: z.number().int(),
  title: z.string(),
  sections: z.array(z.object({ heading: z.string(), paragraphs: z.array(z.string()) })),
  effectiveAt: isoInstant,
});
export const consentTemplateList = z.object({
  items: z.array(consentTemplateView),
  esignDisclosure: z.string(),
});
export type ConsentTemplateView = z.infer<typeof consentTemplateView>;

const point = z.tuple([z.number().finite(), z.number().finite()]);
export const signBody = z
  .object({
    templateId: z.uuid(),
    /** The patient types their legal name… */
    typedName: z.string().trim().min(1).max(200),
    /** …and draws a signature on the pad. */
    drawnSignature: z
      .object({
        width: z.number().positive().max(4000),
        height: z.number().positive().max(4000),
        strokes: z.array(z.array(point).max(2000)).max(50),
      })
      .strict(),
    /** The patient agreed to sign and receive records electronically after reading the disclosure. */
    esignConsent: z.literal(true),
  })
  .strict();

export const consentView = z.object({
  id: z.uuid(),
  templateCode: consentTemplateCode,
  templateVersion: z.number().int(),
  title: z.string(),
  textSha256: z.string(),
  status: consentStatus,
  patientTypedName: z.string(),
  patientSignedAt: isoInstant,
  collectedBy: person.nullable(),
  countersignedBy: person.nullable(),
  countersignedAt: isoInstant.nullable(),
  withdrawnAt: isoInstant.nullable(),
  withdrawnReason: z.string().nullable(),
  hasPdf: z.boolean(),
});
export type ConsentView = z.infer<typeof consentView>;
export const consentList = z.object({ items: z.array(consentView) });
export const withdrawBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
