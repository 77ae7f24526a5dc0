import { z } from 'zod';
import {
  dosingSettingsSchema,
  type ComputedDose,
  type WarningCode,
  type WeightBasis,
} from '../domain/dosing/index.js';
import { citationSchema, protocolSchema } from '../domain/protocols/index.js';
import { isoInstant } from './common.js';

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

/**
 * An acknowledgement lifts one hard stop. The calculator checks the reason (at least three characters,
 * a stop naming `acknowledgements.<name>.reason` otherwise), so the schema only bounds its size.
 */
const acknowledgement = z.object({ acknowledged: z.boolean(), reason: z.string().max(1000) }).strict();

export const doseAcknowledgementsBody = z
  .object({
    /** Below the ideal-weight formula's range: the basis chosen (actual or ideal), acknowledged. */
    weightBasis: z
      .object({ basis: z.enum(['actual', 'ideal']), acknowledged: z.boolean() })
      .strict()
      .optional(),
    /** A dose above the step that the escalation rules and the session history do not cover. */
    escalation: acknowledgement.optional(),
    /** A dose above the protocol's absolute mg cap. */
    highDose: acknowledgement.optional(),
    /** A first esketamine session above the label's start: a physician only. */
    firstSession: acknowledgement.optional(),
  })
  .strict();
export type DoseAcknowledgementsBody = z.infer<typeof doseAcknowledgementsBody>;

/**
 * What the calculator reads: the protocol step, the preparation and the clinician's choices. The
 * patient's sex, age, session history and latest body measurement come from the chart on the server.
 * `patient.weight` and `patient.height` are today's values when the clinician enters them (both, or
 * neither): they are used instead of the latest measurement and recorded as one when the dose is
 * ordered. `patient.sex` is checked against the chart and flagged when it differs.
 */
export const doseInputsBody = z
  .object({
    protocol: protocolRef,
    stepId: z.string().trim().min(1).max(80),
    patient: z
      .object({
        weight: quantity.optional(),
        height: quantity.optional(),
        sex: z.string().max(20).optional(),
      })
      .strict()
      .optional(),
    preparation: z
      .object({ vialConcentration: quantity, bagVolume: quantity.optional() })
      .strict()
      .optional(),
    doseOverride: quantity.optional(),
    history: z.object({ sessionsWithoutResponse: z.number() }).strict().optional(),
    acknowledgements: doseAcknowledgementsBody.optional(),
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

/** A correction of a dose ready to administer: a new order plus the reason for it. */
export const doseAmendBody = doseOrderBody.extend({ reason: z.string().trim().min(3).max(1000) }).strict();
export type DoseAmend = z.infer<typeof doseAmendBody>;

/** Verify and mark-ready take an optional note; cancel needs a reason. */
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

/**
 * ordered → verified → ready_to_administer, or cancelled. 'ready_to_administer' is not "given":
 * 'administered' is reserved for the infusion session and no dosing route sets it.
 */
export const doseStatus = z.enum(['ordered', 'verified', 'ready_to_administer', 'administered', 'cancelled']);
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
  markedReady: doseActor.nullable(),
  /** The dated body measurement the weight and height came from; null for intranasal doses. */
  bodyMeasurementId: z.string().nullable(),
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

// ---------------------------------------------------------------------------------------------
// Body measurements
// ---------------------------------------------------------------------------------------------

export const bodyMeasurementSource = z.enum([
  'clinic-scale',
  'patient-reported',
  'outside-record',
  'dose-entry',
  'infusion-session',
]);
export type BodyMeasurementSource = z.infer<typeof bodyMeasurementSource>;

/** Sources a person records through the route; dose-entry and infusion-session are written by those flows. */
export const recordedBodyMeasurementSource = z.enum(['clinic-scale', 'patient-reported', 'outside-record']);

/**
 * A dated weight and height. The units are checked (kg, cm) and the values must fall in the clinic's
 * plausible ranges, as for a dose. `measuredAt` defaults to now and may not be in the future. A
 * correction amends an earlier measurement, with a reason; nothing is overwritten.
 */
export const bodyMeasurementBody = z
  .object({
    weight: quantity,
    height: quantity,
    source: recordedBodyMeasurementSource,
    measuredAt: isoInstant.optional(),
    amends: z
      .object({ id: z.uuid(), reason: z.string().trim().min(3).max(1000) })
      .strict()
      .optional(),
  })
  .strict();
export type BodyMeasurementInput = z.infer<typeof bodyMeasurementBody>;

export const bodyMeasurementResponse = z.object({
  id: z.string(),
  patientId: z.string(),
  weightKg: z.number(),
  heightCm: z.number(),
  measuredAt: z.string(),
  source: bodyMeasurementSource,
  recordedBy: z.object({ id: z.string(), label: z.string() }),
  recordedAt: z.string(),
  amends: z.object({ id: z.string(), reason: z.string().nullable() }).nullable(),
  /** The measurement that corrects this one, when there is one: this one is then not used. */
  amendedBy: z.string().nullable(),
});
export type BodyMeasurement = z.infer<typeof bodyMeasurementResponse>;

/** A patient's measurements, newest first, and the one a dose would use (the newest not amended). */
export const patientBodyMeasurementsResponse = z.object({
  items: z.array(bodyMeasurementResponse),
  latest: bodyMeasurementResponse.nullable(),
});
export type PatientBodyMeasurements = z.infer<typeof patientBodyMeasurementsResponse>;
