/**
 * Body-size formulas used to pick the weight a dose is calculated on.
 *
 * Ideal body weight uses the Devine (1974) formula: 50 kg (men) or 45.5 kg (women) + 2.3 kg per inch of
 * height over 5 ft (docs/clinical-sources.md#ideal-body-weight-formula). Adjusted body weight is deliberately
 * absent: no source was found for dosing ketamine on it (docs/clinical-sources.md#weight-basis).
 */

export type Sex = 'male' | 'female';

export const CM_PER_INCH = 2.54;
/** 5 ft: the height at which the Devine formula's base weight applies. */
export const DEVINE_BASE_HEIGHT_IN = 60;
export const DEVINE_KG_PER_INCH = 2.3;
export const DEVINE_BASE_KG: Readonly<Record<Sex, number>> = { male: 50, female: 45.5 };

export function bodyMassIndex(weightKg: number, heightCm: number): number {
  const m = heightCm / 100;
  return weightKg / (m * m);
}

export function heightInches(heightCm: number): number {
  return heightCm / CM_PER_INCH;
}

/**
 * Devine ideal body weight in kg. Below 5 ft the formula is extrapolated linearly (it was not derived for
 * short stature); callers warn when that happens.
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
  idealBodyWeightKg: number;
  bmi: number;
  /** Plain-language reason, shown beside the dose. */
  reason: string;
  /** True when the Devine formula was applied below 5 ft. */
  idealExtrapolated: boolean;
}

/**
 * Apply the clinic's weight-basis rule. When the rule asks for ideal weight but ideal exceeds actual,
 * `useActualWhenBelowIdeal` (default on) doses on actual: ideal weight is meant to lower the dose in
 * obesity, never to raise it above what actual weight gives.
 */
export function chooseWeightBasis(
  weightKg: number,
  heightCm: number,
  sex: Sex,
  rule: WeightBasisRule,
  useActualWhenBelowIdeal: boolean,
): WeightBasisChoice {
  const bmi = bodyMassIndex(weightKg, heightCm);
  const ibw = devineIdealBodyWeightKg(heightCm, sex);
  const base = {
    actualWeightKg: weightKg,
    idealBodyWeightKg: ibw,
    bmi,
    idealExtrapolated: heightInches(heightCm) < DEVINE_BASE_HEIGHT_IN,
  };
  const bmiText = bmi.toFixed(1);

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
      wantIdeal = bmi >= rule.bmiThreshold;
      why = wantIdeal
        ? `BMI ${bmiText} ≥ ${rule.bmiThreshold}: ideal body weight (Devine)`
        : `BMI ${bmiText} < ${rule.bmiThreshold}: actual body weight`;
      break;
  }

  if (wantIdeal && useActualWhenBelowIdeal && ibw > weightKg)
    return {
      ...base,
      basis: 'actual',
      weightUsedKg: weightKg,
      reason: `${why}; ideal ${ibw.toFixed(1)} kg exceeds actual ${weightKg} kg, so actual weight is used`,
    };
  return wantIdeal
    ? { ...base, basis: 'ideal', weightUsedKg: ibw, reason: why }
    : { ...base, basis: 'actual', weightUsedKg: weightKg, reason: why };
}
