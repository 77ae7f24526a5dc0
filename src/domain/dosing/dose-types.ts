import type { ConfidenceTag, Protocol, ProtocolStep } from '../protocols';
import type { Sex, WeightBasis, WeightBasisRule } from './body-weight';
import type { BagVolumeConvention, RoundingSettings } from './dosing-settings';
import type { RoundingMode } from './rounding';
import type { DoseUnit, Quantity } from './units';

/**
 * The shapes the dose calculator takes and returns. They live apart from the calculation so every stage
 * file can name them without importing the orchestrator; compute-dose.ts re-exports the public ones.
 */

export interface DoseRequest {
  protocol: Protocol;
  stepId: string;
  /** Required for IV protocols; ignored for intranasal ones (esketamine is not weight-based). */
  patient?: {
    weight: Quantity;
    height: Quantity;
    /** The Devine formula defines ideal body weight for these two values only. */
    sex: Sex;
  };
  /** Required for IV protocols. The bag is optional for a bolus (durationMin 0) step. */
  preparation?: {
    vialConcentration: Quantity;
    bagVolume?: Quantity;
  };
  /** A clinician-chosen amount in the step's own unit (e.g. 0.6 mg/kg, 1.2 mg/kg/h, 3 devices). */
  doseOverride?: Quantity;
  /** Sessions so far at the step being escalated from, without response, as the clinician judges it. */
  history?: { sessionsWithoutResponse: number };
  /** The clinician's answers to the questions a hard stop asks; each lifts exactly one stop. */
  acknowledgements?: DoseAcknowledgements;
  /**
   * Facts the server reads from the chart, never from the client. A calculation without them assumes
   * the cautious value: no sessions given, and no age (the protocol's own age band applies).
   */
  chart?: ChartFacts;
}

/** "I have seen this and I take responsibility", with the reason that is stored with the dose. */
export interface Acknowledgement {
  acknowledged: boolean;
  reason: string;
}

export interface DoseAcknowledgements {
  /** Below the ideal-weight formula's range: the weight basis the clinician chose. */
  weightBasis?: { basis: WeightBasis; acknowledged: boolean };
  /** A dose above the step that no met escalation rule or higher step covers. */
  escalation?: Acknowledgement;
  /** A dose above the protocol's absolute mg cap (a high-dose confirmation). */
  highDose?: Acknowledgement;
  /** A first-session dose above the label's starting dose; only a physician may give it. */
  firstSession?: Acknowledgement;
}

/** Where the weight and height came from: a dated measurement on the chart, or entered now. */
export interface BodyMeasurementFact {
  source: 'stored' | 'entered';
  /** The stored measurement's id; null for an entry not stored yet. */
  id: string | null;
  measuredAt: string;
  /** Days between the measurement and the calculation (fractional). */
  ageDays: number;
}

export interface ChartFacts {
  /** Sex at birth as the chart records it; the Devine formula uses it when it is male or female. */
  sexAtBirth?: string;
  /** Whole years from the date of birth to the calculation day. */
  ageYears?: number;
  /** Sessions of this protocol family the patient has been given (docs/dosing.md §4.2). */
  sessionsGiven?: number;
  /** Actual body weight of the patient's last dose, for the weight-change warning. */
  lastDoseWeightKg?: number | null;
  measurement?: BodyMeasurementFact;
  /** The person calculating is a physician (a first-session override needs one). */
  prescriberIsPhysician?: boolean;
}

export type HardStopCode =
  | 'invalid-settings'
  | 'invalid-protocol'
  | 'unknown-step'
  | 'missing-input'
  | 'unit-mismatch'
  | 'not-a-number'
  | 'not-positive'
  | 'implausible-weight'
  | 'implausible-height'
  | 'invalid-value'
  | 'not-whole-devices'
  | 'above-ceiling'
  | 'drug-volume-exceeds-bag'
  | 'measurement-too-old'
  // Stops that an acknowledgement in the request lifts (field `acknowledgements.<name>`).
  | 'weight-basis-choice-required'
  | 'escalation-not-acknowledged'
  | 'above-absolute-cap'
  | 'first-session-dose-above-label'
  | 'physician-override-required'
  | 'reason-required';

/** What one weight basis would give, shown beside the choice when the formula is out of its range. */
export interface WeightBasisOption {
  basis: WeightBasis;
  weightKg: number;
  exactMg: number;
  mgPerKgActualWeight: number;
}

export interface HardStop {
  code: HardStopCode;
  /** The request field (dotted path) that must change, e.g. `patient.weight` or `doseOverride`. */
  field: string;
  message: string;
  /** For `weight-basis-choice-required`: each basis and the dose it gives. */
  options?: WeightBasisOption[];
}

export type WarningCode =
  // Written by earlier versions of the calculator; kept so stored doses stay typed.
  | 'escalation-before-minimum-sessions'
  | 'escalation-history-missing'
  | 'ideal-weight-extrapolated'
  | 'dose-outside-step-range'
  | 'dose-differs-from-step'
  | 'weight-used-below-plausible-range'
  | 'rounded-down-to-stay-under-ceiling'
  | 'weight-basis-chosen-below-formula-range'
  | 'escalation-acknowledged'
  | 'history-exceeds-sessions-given'
  | 'high-dose-confirmed'
  | 'first-session-override'
  | 'protocol-for-other-age'
  | 'sex-differs-from-chart'
  | 'sex-not-in-chart'
  | 'weight-changed-since-last-dose';

export interface DoseWarning {
  code: WarningCode;
  field: string;
  message: string;
}

export interface ExplanationInput {
  name: string;
  value: number | string;
  unit: string;
}

export interface ExplanationRounding {
  increment: number;
  mode: RoundingMode;
  unrounded: number;
  note?: string;
}

/** A source behind a value (a ceiling, a setting), with its evidence tag. */
export interface ExplanationSource {
  id: string;
  source: string;
  tag: ConfidenceTag;
  /** The clinical source register entry, e.g. `docs/clinical-sources.md#askp-dose-range`. */
  reference: string;
}

/** One computed number with everything needed to show how it was obtained. */
export interface ExplanationLine {
  /** Stable key, e.g. 'totalMg', 'pumpRateMlPerHour'. */
  quantity: string;
  label: string;
  value: number;
  unit: string;
  formula: string;
  inputs: ExplanationInput[];
  rounding: ExplanationRounding | null;
  /** The sources of a limit the dose was checked against (ceilings, caps). */
  sources?: ExplanationSource[];
}

/** An amount in a step's own unit, e.g. 0.5 mg/kg or 3 devices. */
export interface Prescribed {
  value: number;
  unit: DoseUnit;
  source: 'protocol-step' | 'override';
}

export interface DoseCommon {
  protocol: { id: string; version: number; name: string };
  step: { id: string; label: string; kind: ProtocolStep['kind'] };
  /** The amount asked for, in the step's unit, and whether it came from the step or an override. */
  prescribed: Prescribed;
  totalMg: number;
  verificationRequired: boolean;
  warnings: DoseWarning[];
  explanation: ExplanationLine[];
}

/** An IV dose: everything needed to prepare it, give it, store it and recompute mg/kg later. */
export interface ComputedIvDose extends DoseCommon {
  route: 'iv';
  delivery: 'infusion' | 'bolus';
  patient: { weightKg: number; heightCm: number; sex: Sex; bmi: number };
  weightBasis: {
    basis: WeightBasis;
    rule: WeightBasisRule;
    useActualWhenBelowIdeal: boolean;
    weightUsedKg: number;
    /** Devine as computed (extrapolated below the formula's range); the dose uses it no lower than the floor. */
    idealBodyWeightKg: number;
    /** The floor an ideal dosing weight never goes below (absent on doses stored before it existed). */
    idealWeightFloorKg?: number;
    /** Height below the formula's range (152.4 cm), where the clinician chose the basis. */
    belowFormulaRange?: boolean;
    reason: string;
  };
  /** The dated measurement the weight and height came from; null when the caller gave none. */
  bodyMeasurement?: BodyMeasurementFact | null;
  preparation: {
    vialConcentrationMgPerMl: number;
    /** null for a bolus drawn straight from the vial. */
    bagVolumeMl: number | null;
    bagVolumeConvention: BagVolumeConvention;
  };
  rounding: RoundingSettings;
  /** Exact amount before any rounding (for audit). */
  exactMg: number;
  drugVolumeMl: number;
  finalVolumeMl: number;
  finalConcentrationMgPerMl: number;
  /** null for a bolus. */
  pumpRateMlPerHour: number | null;
  /** The protocol step's duration (0 for a bolus). */
  durationMin: number;
  /** Time the pump takes for the final volume at the programmed (rounded) rate. */
  infusionTimeMin: number;
  /** Delivered mg per kg of the weight used. */
  mgPerKg: number;
  /** Delivered mg/kg/h over durationMin; null for a bolus. */
  mgPerKgPerHour: number | null;
}

/** An intranasal esketamine dose: a count of 28 mg devices, never mg/kg. */
export interface ComputedIntranasalDose extends DoseCommon {
  route: 'intranasal';
  devices: number;
  mgPerDevice: number;
  minutesBetweenDevices: number;
  /** From the first device to the last (the monitoring period starts at the first device). */
  administrationMin: number;
}

export type ComputedDose = ComputedIvDose | ComputedIntranasalDose;

export type DoseResult =
  | { ok: true; dose: ComputedDose; warnings: DoseWarning[] }
  | { ok: false; hardStops: HardStop[]; warnings: DoseWarning[] };

export type IvStep = Exclude<ProtocolStep, { kind: 'devices' }>;
export type IntranasalStep = Extract<ProtocolStep, { kind: 'devices' }>;
