import { z } from 'zod';
import { careStatuses } from './care-status.js';
import { isWellFormedIcd10 } from './conditions.js';

const trimmed = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'is not a real calendar date');

export const sexAtBirthValues = ['female', 'male', 'intersex', 'unknown'] as const;

export const addressSchema = z
  .object({
    line1: optionalText(200),
    line2: optionalText(200),
    city: optionalText(100),
    region: optionalText(100),
    postalCode: optionalText(20),
    country: optionalText(60),
  })
  .strict();

export const contactPersonSchema = z
  .object({
    name: trimmed(200),
    relationship: optionalText(100),
    phone: optionalText(40),
    email: z.string().trim().email().max(254).nullish(),
  })
  .strict();

export const referringClinicianSchema = z
  .object({
    name: trimmed(200),
    organisation: optionalText(200),
    phone: optionalText(40),
    email: z.string().trim().email().max(254).nullish(),
    npi: z
      .string()
      .regex(/^\d{10}$/, 'must be 10 digits')
      .nullish(),
  })
  .strict();

export const conditionSchema = z
  .object({
    code: z.string().trim().toUpperCase().refine(isWellFormedIcd10, 'is not a well-formed ICD-10-CM code'),
    display: trimmed(200),
    onsetDate: isoDate.nullish(),
    status: z.enum(['active', 'resolved']).default('active'),
  })
  .strict();

export const alertSchema = z
  .object({
    text: trimmed(200),
    severity: z.enum(['info', 'warning', 'critical']).default('warning'),
  })
  .strict();

/** The demographic fields a person may enter or change; server-owned fields are not accepted. */
const patientFieldShape = {
  legalGivenName: trimmed(100),
  legalFamilyName: trimmed(100),
  preferredName: optionalText(100),
  birthDate: isoDate,
  sexAtBirth: z.enum(sexAtBirthValues),
  genderIdentity: optionalText(100),
  pronouns: optionalText(40),
  phone: optionalText(40),
  email: z.string().trim().email().max(254).nullish(),
  address: addressSchema.nullish(),
  emergencyContact: contactPersonSchema.nullish(),
  referringClinician: referringClinicianSchema.nullish(),
  conditions: z.array(conditionSchema).max(50),
  alerts: z.array(alertSchema).max(20),
  careStatus: z.enum(careStatuses),
};

/** Registration: lists start empty and a new patient starts as referred unless stated. */
export const patientFieldsSchema = z
  .object({
    ...patientFieldShape,
    conditions: patientFieldShape.conditions.default([]),
    alerts: patientFieldShape.alerts.default([]),
    careStatus: patientFieldShape.careStatus.default('referred'),
  })
  .strict();

/** An edit names only what changes: no defaults, so an omitted list is left as it was. */
export const patientChangesSchema = z.object(patientFieldShape).partial().strict();

export type PatientFields = z.infer<typeof patientFieldsSchema>;

/** A birth date must be in the past and within a human lifetime. */
export function birthDateProblem(birthDate: string, today: string): string | undefined {
  if (birthDate > today) return 'must not be in the future';
  const [year] = today.split('-').map(Number) as [number];
  if (birthDate < `${year - 130}-01-01`) return 'is more than 130 years ago';
  return undefined;
}
