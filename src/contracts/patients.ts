import { z } from 'zod';
import {
  careStatuses,
  patientChangesSchema,
  patientFieldsSchema,
  sexAtBirthValues,
} from '../domain/patients/index.js';
import { isoInstant, page } from './common.js';

/**
 * The patient registry's API: what the staff app sends and what the server answers. Requests reuse
 * the domain's field rules; responses describe what is stored (the rules held when it was saved).
 */

// ---- Requests ----------------------------------------------------------------------------------

const searchDatePattern = /^(\d{4})-(\d{2})-(\d{2})$|^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * The date of birth a search word names (YYYY-MM-DD or MM/DD/YYYY) as ISO; `invalid` for a word
 * shaped like a date that is no calendar date PostgreSQL holds (1980-02-30, 13/01/1980, year 0000);
 * undefined for any other word (a name or an MRN).
 */
export function searchWordDate(word: string): string | 'invalid' | undefined {
  const m = searchDatePattern.exec(word);
  if (!m) return undefined;
  const iso = m[1]
    ? `${m[1]}-${m[2]}-${m[3]}`
    : `${m[6]}-${m[4]!.padStart(2, '0')}-${m[5]!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  const real = !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) && !iso.startsWith('0000');
  return real ? iso : 'invalid';
}

/** The words of a search, as the search reads them: lower case, at most six. */
export function searchWords(q: string | undefined): string[] {
  return (q ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
}

export const patientSearchQuery = z
  .object({
    q: z
      .string()
      .trim()
      .max(100)
      .superRefine((q, check) => {
        for (const word of searchWords(q)) {
          if (searchWordDate(word) === 'invalid') {
            check.addIssue({ code: 'custom', message: `"${word}" is not a real calendar date` });
          }
        }
      })
      .optional(),
    careStatus: z.enum(careStatuses).optional(),
    includeInactive: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

/**
 * Registration: the demographic fields; the MRN, version and clinic are the server's. `fromEnquiryId`
 * names the site enquiry the patient is registered from: the two are linked and its self-check scores
 * are carried into the chart.
 */
export const patientCreateBody = patientFieldsSchema.extend({ fromEnquiryId: z.uuid().optional() }).strict();

export const patientUpdateBody = z
  .object({
    version: z.number().int().min(1),
    changes: patientChangesSchema,
    reason: z.string().trim().max(500).nullish(),
  })
  .strict();

export const patientActiveBody = z
  .object({ version: z.number().int().min(1), reason: z.string().trim().min(3).max(500) })
  .strict();

export type PatientSearchQuery = z.input<typeof patientSearchQuery>;
/** What the registration form sends (defaults not yet applied). */
export type PatientCreateRequest = z.input<typeof patientCreateBody>;
export type PatientUpdateRequest = z.input<typeof patientUpdateBody>;
export type PatientActiveRequest = z.input<typeof patientActiveBody>;

// ---- Responses ---------------------------------------------------------------------------------

const storedText = z.string().nullish();

const storedAddress = z.object({
  line1: storedText,
  line2: storedText,
  city: storedText,
  region: storedText,
  postalCode: storedText,
  country: storedText,
});

const storedContactPerson = z.object({
  name: z.string(),
  relationship: storedText,
  phone: storedText,
  email: storedText,
});

const storedReferringClinician = z.object({
  name: z.string(),
  organisation: storedText,
  phone: storedText,
  email: storedText,
  npi: storedText,
});

const storedCondition = z.object({
  code: z.string(),
  display: z.string(),
  onsetDate: storedText,
  status: z.enum(['active', 'resolved']),
});

const storedAlert = z.object({
  text: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
});

/**
 * Fields left out of an answer because the reader's role may not read them (minimum necessary; the
 * table is `patientFieldGroupAccess` in src/domain/auth/permissions.ts). Empty for clinicians.
 */
const withheldFields = z.array(z.string());

/**
 * A patient record: every stored field but the search helper column, less the fields the reader's
 * role may not read (conditions and alerts are absent for the front desk, and named in
 * `withheldFields`).
 */
export const patientResponse = z.object({
  id: z.guid(),
  clinicId: z.guid(),
  mrn: z.string(),
  legalGivenName: z.string(),
  legalFamilyName: z.string(),
  preferredName: z.string().nullable(),
  birthDate: z.iso.date(),
  sexAtBirth: z.enum(sexAtBirthValues),
  genderIdentity: z.string().nullable(),
  pronouns: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: storedAddress.nullable(),
  emergencyContact: storedContactPerson.nullable(),
  referringClinician: storedReferringClinician.nullable(),
  conditions: z.array(storedCondition).optional(),
  alerts: z.array(storedAlert).optional(),
  careStatus: z.enum(careStatuses),
  active: z.boolean(),
  isDemo: z.boolean(),
  version: z.number().int().min(1),
  createdAt: isoInstant,
  createdBy: z.guid().nullable(),
  updatedAt: isoInstant,
  updatedBy: z.guid().nullable(),
  withheldFields,
});

/** One row of a search: enough to tell people apart, nothing more. */
export const patientListItem = patientResponse.pick({
  id: true,
  mrn: true,
  legalGivenName: true,
  legalFamilyName: true,
  preferredName: true,
  birthDate: true,
  sexAtBirth: true,
  careStatus: true,
  active: true,
  isDemo: true,
});

/**
 * A search answer. At most 500 candidates are ranked: `more` says there were more (refine the
 * search); `nameMatch` says whether names matched at their start or anywhere.
 */
export const patientSearchResponse = page(patientListItem).extend({
  more: z.boolean(),
  nameMatch: z.enum(['prefix', 'substring']),
});

/** One version of a record, with the snapshot of the whole record as saved. */
export const patientHistoryEntry = z.object({
  version: z.number().int().min(1),
  changedAt: isoInstant,
  changedBy: z.guid().nullable(),
  /** The display name of whoever saved it, whatever the reader's role. */
  changedByLabel: z.string().nullable(),
  changedFields: z.array(z.string()),
  reason: z.string().nullable(),
  /**
   * The record as it was saved, less the fields the reader's role may not read; older versions may
   * lack fields added since.
   */
  snapshot: z.record(z.string(), z.unknown()),
});

export const patientHistoryResponse = z.object({
  items: z.array(patientHistoryEntry),
  /** Left out of every snapshot for the reader's role (see `withheldFields` of a patient). */
  withheldFields,
});

export type Patient = z.infer<typeof patientResponse>;
export type PatientListItem = z.infer<typeof patientListItem>;
export type PatientSearchResult = z.infer<typeof patientSearchResponse>;
export type PatientHistoryEntry = z.infer<typeof patientHistoryEntry>;
export type PatientHistory = z.infer<typeof patientHistoryResponse>;
