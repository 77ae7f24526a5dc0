import type { Protocol, ProtocolStep } from '../protocols';
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
  /** Sessions so far at the step being escalated from, without response; used for escalation warnings. */
  history?: { sessionsWithoutResponse: number };
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
  | 'drug-volume-exceeds-bag';

export interface HardStop {
  code: HardStopCode;
  /** The request field (dotted path) that must change, e.g. `patient.weight` or `doseOverride`. */
  field: string;
  message: string;
}

export type WarningCode =
  | 'escalation-before-minimum-sessions'
  | 'escalation-history-missing'
  | 'dose-outside-step-range'
  | 'dose-differs-from-step'
  | 'ideal-weight-extrapolated'
  | 'weight-used-below-plausible-range'
  | 'rounded-down-to-stay-under-ceiling';

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
    idealBodyWeightKg: number;
    reason: string;
  };
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
