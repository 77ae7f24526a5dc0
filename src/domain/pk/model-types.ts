/**
 * Shapes of the pharmacokinetic model data. Models are parameter tables with their sources, not code paths:
 * adding a model means adding a table in `models.ts`, never a branch in the engine.
 */

/** The names a parameter table may use. Rate constants in min⁻¹; volumes in L; clearances in L/min or L/h. */
export type ParameterName = 'V1' | 'V2' | 'V3' | 'CL' | 'Q2' | 'Q3' | 'k10' | 'k12' | 'k13' | 'k21' | 'k31';

export type ParameterUnit = 'L' | 'L/kg' | 'L/min' | 'L/h' | '1/min';

export interface ModelParameter {
  name: ParameterName;
  /** Value at the reference weight (per kg when `referenceWeightKg` is 1). */
  value: number;
  unit: ParameterUnit;
  /** Scaled as value · (W / referenceWeightKg)^weightExponent; exponent 0 means not scaled. */
  referenceWeightKg: number;
  weightExponent: number;
  /** Where the number comes from: the paper or code it was taken from, and its clinical-sources.md entry. */
  source: string;
}

/** How a model's effect-site rate constant is obtained, each with its provenance shown to users. */
export type Ke0Rule =
  | { kind: 'fixed'; perMin: number; source: string }
  /** ke0 = a · ln(W) + b, as SimTIVA does for Kamp. */
  | { kind: 'log-weight'; a: number; b: number; source: string }
  /** ke0 solved so that the Ce curve after a bolus peaks at tPeakMin (as stanpumpR does). */
  | { kind: 'time-to-peak'; tPeakMin: number; source: string };

/** A published alternative ke0 that the UI can offer next to the default. */
export interface Ke0Alternative {
  rule: Ke0Rule;
  label: string;
}

export type CaveatTopic =
  | 'weight-scaling'
  | 'parameter-unverified'
  | 'ke0-provenance'
  | 'population'
  | 'analyte'
  | 'sampling-site'
  | 'reference-citation'
  | 'metabolites';

/** A known weakness of a model, in a form the UI and the docs can both render. */
export interface ModelCaveat {
  topic: CaveatTopic;
  severity: 'info' | 'warning';
  text: string;
  source: string;
}

export interface ValidityRange {
  ageYears?: readonly [number, number];
  weightKg?: readonly [number, number];
}

export interface PkModelData {
  id: string;
  name: string;
  /** The analyte whose plasma concentration the model predicts. */
  analyte: 'racemic ketamine' | 'S-ketamine';
  population: 'adult' | 'pediatric';
  /** Where the data behind the model were sampled, when known. */
  samplingSite: 'arterial' | 'venous' | 'unknown';
  compartments: 1 | 2 | 3;
  /**
   * Either V1 and rate constants, or volumes and clearances; the engine derives the other form.
   * A model lists exactly one of these sets.
   */
  parameterization: 'rate-constants' | 'volumes-clearances';
  parameters: readonly ModelParameter[];
  ke0: Ke0Rule;
  ke0Alternatives: readonly Ke0Alternative[];
  validity?: ValidityRange;
  caveats: readonly ModelCaveat[];
  reference: string;
}

/** A model's disposition for one patient weight, in L and min⁻¹: what the engine needs besides ke0. */
export interface RateConstants {
  v1L: number;
  k10: number;
  /** Transfer rate constants to and from each peripheral compartment (k1j, kj1), min⁻¹. */
  peripheral: readonly { k1j: number; kj1: number }[];
}
