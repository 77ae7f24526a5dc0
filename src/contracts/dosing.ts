import { z } from 'zod';
import {
  dosingSettingsSchema,
  type ComputedDose,
  type WarningCode,
  type WeightBasis,
} from '../domain/dosing/index.js';
import { citationSchema, protocolSchema } from '../domain/protocols/index.js';

/**
 * The wire shapes of the dosing capability: protocols (library and clinic versions) and dose orders.
 * The server validates requests and checks responses with these schemas; the staff app takes its types
 * from them, so a dose order's shape is declared here and nowhere else.
 */

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/** A protocol as a dose names it: where it lives, its id and the exact version. */
export const protocolRef = z
  .object({
    origin: z.enum(['library', 'clinic']),
    id: z.string().trim().min(1).max(80),
    version: z.number().int().min(1).max(100_000),
  })
  .strict();
export type ProtocolRef = z.infer<typeof protocolRef>;
export type ProtocolOrigin = ProtocolRef['origin'];

/**
 * Every physical input is { value, unit } and the unit is checked by the calculator (a wrong unit is a
 * hard stop naming `<input>.unit`), so the schema only bounds the shapes and sizes here. Likewise `sex`
 * is free text: the calculator refuses anything but 'male' or 'female' with a hard stop naming it.
 */
const quantity = z.object({ value: z.number(), unit: z.string().max(20) }).strict();

/** What the calculator reads: the protocol step, the patient, the preparation and the clinician's choices. */
export const doseInputsBody = z
  .object({
    protocol: protocolRef,
    stepId: z.string().trim().min(1).max(80),
    patient: z
      .object({ weight: quantity, height: quantity, sex: z.string().max(20) })
      .strict()
      .optional(),
    preparation: z
      .object({ vialConcentration: quantity, bagVolume: quantity.optional() })
      .strict()
      .optional(),
    doseOverride: quantity.optional(),
    history: z.object({ sessionsWithoutResponse: z.number() }).strict().optional(),
  })
  .strict();
export type DoseInputs = z.infer<typeof doseInputsBody>;

export const doseOrderBody = doseInputsBody
  .extend({
    /** The total mg shown to the prescriber; the server recomputes and refuses a mismatch (409). */
    confirmTotalMg: z.number().positive(),
  })
  .strict();
export type DoseOrder = z.infer<typeof doseOrderBody>;

/** A correction of a final dose: a new order plus the reason for it. */
export const doseAmendBody = doseOrderBody.extend({ reason: z.string().trim().min(3).max(1000) }).strict();
export type DoseAmend = z.infer<typeof doseAmendBody>;

/** Verify and finalise take an optional note; cancel needs a reason. */
export const doseVerifyBody = z.object({ note: z.string().trim().max(1000).optional() }).strict();
export type DoseVerify = z.infer<typeof doseVerifyBody>;
export const doseCancelBody = z.object({ reason: z.string().trim().min(3).max(1000) }).strict();
export type DoseCancel = z.infer<typeof doseCancelBody>;

export const protocolCopyBody = z
  .object({
    source: protocolRef,
    id: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    name: z.string().trim().min(1).max(200).optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type ProtocolCopy = z.infer<typeof protocolCopyBody>;

/**
 * The revision's changes are checked in full by validateProtocol (the domain's single gate), which names
 * every failing field; here only the envelope is checked, and identity fields are refused by reviseProtocol.
 */
export const protocolReviseBody = z
  .object({
    changes: z
      .record(z.string(), z.unknown())
      .refine((c) => Object.keys(c).length > 0, 'change at least one field'),
    note: z.string().trim().min(3).max(1000),
  })
  .strict();
export type ProtocolRevise = z.infer<typeof protocolReviseBody>;

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

/**
 * computeDose's result (route, amounts, volumes, explanation lines) is a large domain object typed in
 * src/domain/dosing; the response check only makes sure it is a dose at all.
 */
export const computedDose = z.custom<ComputedDose>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { totalMg?: unknown }).totalMg === 'number' &&
    Array.isArray((v as { explanation?: unknown }).explanation),
  'must be a computed dose',
);

export const doseWarning = z.object({
  code: z.custom<WarningCode>((v) => typeof v === 'string'),
  field: z.string(),
  message: z.string(),
});

/** A calculation without ordering: what the Dosing tab shows before the prescriber confirms. */
export const dosePreviewResponse = z.object({
  dose: computedDose,
  warnings: z.array(doseWarning),
  verificationRequired: z.boolean(),
});
export type DosePreview = z.infer<typeof dosePreviewResponse>;

export const doseStatus = z.enum(['ordered', 'verified', 'final', 'cancelled']);
export type DoseStatus = z.infer<typeof doseStatus>;

/** Who did a step of a dose's life, and when. */
const doseActor = z.object({ id: z.string(), label: z.string(), at: z.string().nullable() });

const weightBasis = z.enum(['actual', 'ideal']) satisfies z.ZodType<WeightBasis>;
const recomputedMgPerKg = z.object({ mgPerKg: z.number(), weightKg: z.number(), basis: weightBasis });

/** The stored copy of the inputs: the order as it was sent, minus the protocol (stored apart). */
const storedDoseInputs = doseOrderBody.omit({ protocol: true }).partial({ confirmTotalMg: true });

export const doseRecordResponse = z.object({
  id: z.string(),
  patientId: z.string(),
  protocol: protocolRef.extend({ name: z.string() }),
  stepId: z.string(),
  status: doseStatus,
  verificationRequired: z.boolean(),
  inputs: storedDoseInputs,
  /** The clinic's dosing settings in force when the dose was computed. */
  settings: dosingSettingsSchema,
  result: computedDose,
  /** mg/kg recomputed from the stored weight, height, sex and basis; null for intranasal doses. */
  recomputed: z.object({ onBasisUsed: recomputedMgPerKg, onActualWeight: recomputedMgPerKg }).nullable(),
  ordered: doseActor,
  verified: doseActor.nullable(),
  finalised: doseActor.nullable(),
  cancelled: doseActor.extend({ reason: z.string().nullable() }).nullable(),
  amends: z.object({ doseId: z.string(), reason: z.string().nullable() }).nullable(),
});
export type DoseRecord = z.infer<typeof doseRecordResponse>;

/** A patient's doses, newest first. */
export const patientDosesResponse = z.object({ items: z.array(doseRecordResponse) });
export type PatientDoses = z.infer<typeof patientDosesResponse>;

export const libraryProtocolEntry = z.object({
  origin: z.literal('library'),
  protocol: protocolSchema,
  latest: z.literal(true),
});
export type LibraryProtocolEntry = z.infer<typeof libraryProtocolEntry>;

/** One stored version of a clinic protocol. */
export const clinicProtocolEntry = z.object({
  rowId: z.string(),
  origin: z.literal('clinic'),
  protocol: protocolSchema,
  /** True for the newest version of its id: only that one can be revised or chosen for a new dose. */
  latest: z.boolean(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), label: z.string() }),
  copiedFrom: z.object({ origin: z.string().nullable(), id: z.string(), version: z.number() }).nullable(),
  note: z.string().nullable(),
});
export type ClinicProtocolEntry = z.infer<typeof clinicProtocolEntry>;

/** Each dosing setting's default with the reasoning and sources behind it. */
export const dosingSettingSource = z.object({
  setting: z.string(),
  citationIds: z.array(z.string()),
  rationale: z.string(),
  citations: z.array(citationSchema),
});

export const protocolListResponse = z.object({
  library: z.array(libraryProtocolEntry),
  clinic: z.array(clinicProtocolEntry),
  dosingSettings: dosingSettingsSchema,
  defaultDosingSettings: dosingSettingsSchema,
  settingSources: z.array(dosingSettingSource),
});
export type ProtocolList = z.infer<typeof protocolListResponse>;
