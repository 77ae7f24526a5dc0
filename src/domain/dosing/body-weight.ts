/**
 * Body-size formulas used to pick the weight a dose is calculated on.
 *
 * Ideal body weight uses the Devine (1974) formula: 50 kg (men) or 45.5 kg (women) + 2.3 kg per inch of
 * height over 5 ft (docs/clinical-sources.md#ideal-body-weight-formula). Adjusted body weight is deliberately
 * absent: no source was found for dosing ketamine on it (docs/clinical-sources.md#weight-basis).
 */

import { roundToIncrement } from './rounding';

export type Sex = 'male' | 'female';

export const CM_PER_INCH = 2.54;
/** 5 ft: the height at which the Devine formula's base weight applies. */
export const DEVINE_BASE_HEIGHT_IN = 60;
export const DEVINE_KG_PER_INCH = 2.3;
export const DEVINE_BASE_KG: Readonly<Record<Sex, number>> = { male: 50, female: 45.5 };
/** The formula is defined from 5 ft (60 in = 152.4 cm); below it a value is an extrapolation. */
export const DEVINE_MIN_HEIGHT_CM = DEVINE_BASE_HEIGHT_IN * CM_PER_INCH;

export function bodyMassIndex(weightKg: number, heightCm: number): number {
  const m = heightCm / 100;
  return weightKg / (m * m);
}

/** BMI is shown to one decimal, so that is the precision a threshold is compared at. */
export const BMI_SHOWN_INCREMENT = 0.1;

/**
 * BMI as the clinician sees it: one decimal, half up, after snapping binary noise (76.8 kg at 160 cm is
 * 29.999999999999993 in floating point, and 30.0 on the screen).
 */
export function shownBmi(bmi: number): number {
  return roundToIncrement(bmi, BMI_SHOWN_INCREMENT, 'nearest');
}

export function heightInches(heightCm: number): number {
  return heightCm / CM_PER_INCH;
}

/**
 * Devine ideal body weight in kg. Below 5 ft the formula is extrapolated linearly (it was not derived for
 * short stature); the dose calculator then asks the clinician to choose the basis and never doses an ideal
 * weight below the clinic's floor (weight-basis.ts).
 */
export function devineIdealBodyWeightKg(heightCm: number, sex: Sex): number {
  return DEVINE_BASE_KG[sex] + DEVINE_KG_PER_INCH * (heightInches(heightCm) - DEVINE_BASE_HEIGHT_IN);
}

export type WeightBasis = 'actual' | 'ideal';

export type WeightBasisRule =
  { rule: 'actual' } | { rule: 'ideal' } | { rule: 'ideal-when-bmi-at-least'; bmiThreshold: number };

export interface WeightBasisChoice {
  basis: WeightBasis;
  weightUsedKg: number;
  actualWeightKg: number;
  /** Devine as computed, extrapolated below 5 ft. */
  idealBodyWeightKg: number;
  /** The weight an ideal basis doses on: Devine, never below the floor. */
  idealDosingWeightKg: number;
  idealWeightFloorKg: number;
  bmi: number;
  /** BMI to one decimal: what the threshold is compared with and what the clinician sees. */
  bmiShown: number;
  /** Plain-language reason, shown beside the dose. */
  reason: string;
  /** True when the height is below the formula's range (152.4 cm). */
  idealExtrapolated: boolean;
}

/**
 * Apply the clinic's weight-basis rule. When the rule asks for ideal weight but ideal exceeds actual,
 * `useActualWhenBelowIdeal` (default on) doses on actual: ideal weight is meant to lower the dose in
 * obesity, never to raise it above what actual weight gives. An ideal dosing weight is never below
 * `idealWeightFloorKg` (0 = no floor).
 */
export function chooseWeightBasis(
  weightKg: number,
  heightCm: number,
  sex: Sex,
  rule: WeightBasisRule,
  useActualWhenBelowIdeal: boolean,
  idealWeightFloorKg = 0,
): WeightBasisChoice {
  const bmi = bodyMassIndex(weightKg, heightCm);
  const bmiShown = shownBmi(bmi);
  const ibw = devineIdealBodyWeightKg(heightCm, sex);
  const idealDosing = Math.max(ibw, idealWeightFloorKg);
  const base = {
    actualWeightKg: weightKg,
    idealBodyWeightKg: ibw,
    idealDosingWeightKg: idealDosing,
    idealWeightFloorKg,
    bmi,
    bmiShown,
    idealExtrapolated: heightCm < DEVINE_MIN_HEIGHT_CM,
  };
  const bmiText = bmiShown.toFixed(1);

  let wantIdeal: boolean;
  let why: string;
  switch (rule.rule) {
    case 'actual':
      wantIdeal = false;
      why = 'clinic rule: always actual body weight';
      break;
    case 'ideal':
      wantIdeal = true;
      why = 'clinic rule: always ideal body weight (Devine)';
      break;
    case 'ideal-when-bmi-at-least':
      wantIdeal = bmiShown >= rule.bmiThreshold;
      why = wantIdeal
        ? `BMI ${bmiText} ≥ ${rule.bmiThreshold}: ideal body weight (Devine)`
        : `BMI ${bmiText} < ${rule.bmiThreshold}: actual body weight`;
      break;
  }

  if (wantIdeal && useActualWhenBelowIdeal && idealDosing > weightKg)
    return {
      ...base,
      basis: 'actual',
      weightUsedKg: weightKg,
      reason: `${why}; ideal ${idealDosing.toFixed(1)} kg exceeds actual ${weightKg} kg, so actual weight is used`,
    };
  const floored =
    idealDosing > ibw ? `; Devine gives ${ibw.toFixed(1)} kg, below the ${idealWeightFloorKg} kg floor` : '';
  return wantIdeal
    ? { ...base, basis: 'ideal', weightUsedKg: idealDosing, reason: `${why}${floored}` }
    : { ...base, basis: 'actual', weightUsedKg: weightKg, reason: why };
}
