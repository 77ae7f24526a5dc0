import { z } from 'zod';
import {
  consultationRequestSchema,
  enquiryStatuses,
  enquiryStatusesStaffMaySet,
} from '../domain/site/index.js';
import { isoInstant, page } from './common.js';

/**
 * Enquiries: consultation requests a visitor sends from the public site, and the staff inbox that
 * lists and works through them.
 */

// ---- The public site's consultation form -------------------------------------------------------

/** POST /site/consultation as JSON (the HTML form posts the same fields, see formToRequest). */
export const consultationRequestBody = consultationRequestSchema;
export const consultationResponse = z.object({ ok: z.literal(true) });

export type ConsultationRequestBody = z.input<typeof consultationRequestBody>;

// ---- The staff inbox: requests -----------------------------------------------------------------

export const enquiryStatus = z.enum(enquiryStatuses);

export const enquiryListQuery = z
  .object({
    status: enquiryStatus.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

/** A status change, a staff note, or both; `version` is the one the change was made from. */
export const enquiryUpdateBody = z
  .object({
    version: z.number().int().min(1),
    /** 'registered' comes only from registering the person as a patient. */
    status: z.enum(enquiryStatusesStaffMaySet).optional(),
    staffNote: z.string().trim().max(2000).nullish(),
  })
  .strict();

export type EnquiryListQuery = z.input<typeof enquiryListQuery>;
export type EnquiryUpdateRequest = z.input<typeof enquiryUpdateBody>;

// ---- The staff inbox: responses ----------------------------------------------------------------

/** Self-check totals, present only when the visitor chose to include them. */
const storedSelfCheck = z.object({
  phq9Total: z.number(),
  gad7Total: z.number(),
  phq9Item9Positive: z.boolean(),
});

export const enquiryResponse = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  /** 'email' or 'phone', as stored. */
  contactPreference: z.string(),
  /** One of the site's concern keys (see enquiryConcernLabels), as stored. */
  concern: z.string().nullable(),
  message: z.string().nullable(),
  selfCheck: storedSelfCheck.nullable(),
  status: enquiryStatus,
  staffNote: z.string().nullable(),
  /** The patient registered from this enquiry, once it is 'registered'. */
  patientId: z.string().nullable(),
  version: z.number().int().min(1),
  source: z.string(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});

/** One page of the inbox, and how many enquiries of the clinic are still new (whatever the filter). */
export const enquiryListResponse = page(enquiryResponse).extend({ newCount: z.number().int().min(0) });

export type Enquiry = z.infer<typeof enquiryResponse>;
export type EnquiryList = z.infer<typeof enquiryListResponse>;
export type EnquiryStatus = z.infer<typeof enquiryStatus>;
