import { z } from 'zod';
import type { CitationId } from '../protocols';

/**
 * Clinic-level dosing settings. Every value here is a default a clinic may change; each carries the
 * source it came from in DOSING_SETTING_SOURCES so the settings screen can show why it is what it is.
 */

const increment = z.number().positive('must be > 0').nullable();
const positive = z.number().positive('must be > 0');
const range = z
  .object({ min: z.number().positive('must be > 0'), max: z.number().positive('must be > 0') })
  .refine((r) => r.min < r.max, { message: 'min must be < max', path: ['min'] });

export const dosingSettingsSchema = z.object({
  weightBasis: z.discriminatedUnion('rule', [
    z.object({ rule: z.literal('actual') }),
    z.object({ rule: z.literal('ideal') }),
    z.object({
      rule: z.literal('ideal-when-bmi-at-least'),
      bmiThreshold: z.number().positive('must be > 0').max(100, 'must be ≤ 100'),
    }),
  ]),
  useActualWhenBelowIdeal: z.boolean(),
  plausibleWeightKg: range,
  plausibleHeightCm: range,
  /**
   * How the drug volume relates to the bag's labelled volume:
   * - 'drug-added-to-bag': the drug is injected into the bag; final volume = bag + drug volume.
   * - 'equal-volume-withdrawn': diluent equal to the drug volume is withdrawn first; final volume = bag.
   */
  bagVolumeConvention: z.enum(['drug-added-to-bag', 'equal-volume-withdrawn']),
  rounding: z.object({
    /** Round the prescribed mg before converting to volume; null = no separate mg rounding. */
    mgIncrement: increment,
    /** Smallest volume the syringe can measure; null = no rounding. */
    drugVolumeIncrementMl: increment,
    /** Pump programming resolution; null = no rounding. */
    pumpRateIncrementMlPerHour: increment,
  }),
  /** A second clinician must verify the dose before it is ready to administer. */
  verificationRequired: z.boolean(),
  /**
   * An ideal dosing weight never goes below this (per sex). The default is Devine's own value at 60 in,
   * the lowest height the formula is defined for (docs/clinical-sources.md#ideal-body-weight-range).
   */
  idealWeightFloorKg: z.object({ male: positive, female: positive }).default({ male: 50, female: 45.5 }),
  /**
   * The most mg one dose may hold without a high-dose confirmation: `byProtocol[id]` when set (a clinic
   * copy uses the entry of the protocol it was copied from), else the protocol's ceiling at
   * `referenceWeightKg` (docs/clinical-sources.md#absolute-mg-cap).
   */
  absoluteMgCap: z
    .object({ referenceWeightKg: positive, byProtocol: z.record(z.string(), positive) })
    .default({ referenceWeightKg: 100, byProtocol: { 'iv-crps-continuous-22mg-h': 528 } }),
  /** How old a body measurement may be for dosing, and the weight change since the last dose that warns. */
  bodyMeasurement: z
    .object({
      maxAgeDays: positive,
      weightChangeWarnPercent: positive.max(100, 'must be ≤ 100'),
    })
    .default({ maxAgeDays: 30, weightChangeWarnPercent: 5 }),
  /** SPRAVATO for TRD: the age from which the 65-and-over start applies, and that start in mg. */
  esketamine: z
    .object({ olderAdultAgeYears: positive.max(120, 'must be ≤ 120'), olderAdultStartMg: positive })
    .default({ olderAdultAgeYears: 65, olderAdultStartMg: 28 }),
});

export type DosingSettings = z.infer<typeof dosingSettingsSchema>;
export type BagVolumeConvention = DosingSettings['bagVolumeConvention'];
export type RoundingSettings = DosingSettings['rounding'];

export const DEFAULT_DOSING_SETTINGS: DosingSettings = Object.freeze({
  weightBasis: Object.freeze({
    rule: 'ideal-when-bmi-at-least',
    bmiThreshold: 30,
  }) as DosingSettings['weightBasis'],
  useActualWhenBelowIdeal: true,
  plausibleWeightKg: Object.freeze({ min: 30, max: 300 }),
  plausibleHeightCm: Object.freeze({ min: 120, max: 230 }),
  bagVolumeConvention: 'drug-added-to-bag',
  rounding: Object.freeze({
    mgIncrement: null,
    drugVolumeIncrementMl: 0.01,
    pumpRateIncrementMlPerHour: 0.1,
  }),
  verificationRequired: true,
  idealWeightFloorKg: Object.freeze({ male: 50, female: 45.5 }),
  absoluteMgCap: Object.freeze({
    referenceWeightKg: 100,
    byProtocol: Object.freeze({ 'iv-crps-continuous-22mg-h': 528 }),
  }),
  bodyMeasurement: Object.freeze({ maxAgeDays: 30, weightChangeWarnPercent: 5 }),
  esketamine: Object.freeze({ olderAdultAgeYears: 65, olderAdultStartMg: 28 }),
});

export interface SettingSource {
  setting: string;
  citationIds: CitationId[];
  rationale: string;
}

export const DOSING_SETTING_SOURCES: readonly SettingSource[] = [
  {
    setting: 'weightBasis',
    citationIds: ['sanacora-2017-ibw', 'devine-1974'],
    rationale:
      'Sanacora 2017 advises ideal body weight at BMI ≥ 30 [secondary]; the landmark trials dosed on actual weight, so clinics following the trials choose rule "actual".',
  },
  {
    setting: 'useActualWhenBelowIdeal',
    citationIds: ['sanacora-2017-ibw'],
    rationale:
      'Ideal weight is advised to avoid overdosing in obesity; it should never raise a dose above actual weight.',
  },
  {
    setting: 'plausibleWeightKg',
    citationIds: ['arbor-engineering-default'],
    rationale:
      '30–300 kg: an adult range wide enough for any outpatient, narrow enough to catch grams, a missing or extra digit, or a paediatric entry.',
  },
  {
    setting: 'plausibleHeightCm',
    citationIds: ['arbor-engineering-default'],
    rationale: '120–230 cm: catches heights typed in metres (1.75), inches (69) or millimetres (1750).',
  },
  {
    setting: 'bagVolumeConvention',
    citationIds: ['arbor-engineering-default'],
    rationale:
      'Clinics differ; adding the drug without withdrawing diluent is the default because the arithmetic then matches what is physically in the bag.',
  },
  {
    setting: 'rounding',
    citationIds: ['arbor-engineering-default'],
    rationale:
      'Drug volume to 0.01 mL (1 mL syringe graduation); pump rate to 0.1 mL/h (common pump resolution).',
  },
  {
    setting: 'verificationRequired',
    citationIds: ['arbor-engineering-default'],
    rationale:
      'Independent double-check of a weight-based IV dose of a controlled anaesthetic is on by default.',
  },
  {
    setting: 'idealWeightFloorKg',
    citationIds: ['devine-1974', 'ideal-weight-below-range'],
    rationale:
      'Devine is defined from 60 in (152.4 cm). Below it the clinician chooses the basis, and an ideal dosing weight never goes below the formula’s value at 60 in: 50 kg (men), 45.5 kg (women).',
  },
  {
    setting: 'absoluteMgCap',
    citationIds: ['absolute-mg-cap', 'cohen-2018'],
    rationale:
      'No published absolute cap was found. Default: each protocol’s ceiling at a 100 kg reference weight (IV depression 100 mg, PTSD 50 mg, chronic pain 800 mg, esketamine 84 mg); the fixed 22 mg/h CRPS regimen is capped at its own 528 mg a day. Above it: a hard stop, or a high-dose confirmation with a reason.',
  },
  {
    setting: 'bodyMeasurement',
    citationIds: ['body-measurement-freshness'],
    rationale:
      'A dose uses a dated weight no older than 30 days, or a new one; a change of more than 5% since the weight of the last dose is flagged.',
  },
  {
    setting: 'esketamine',
    citationIds: ['spravato-pi', 'spravato-elderly-mims'],
    rationale:
      'The label’s TRD dosing (56 mg on day 1) is for adults under 65 [primary]; the 28 mg start at 65 and over is from a secondary source [secondary].',
  },
];
