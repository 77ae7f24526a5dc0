import { chooseWeightBasis, type WeightBasisChoice, type WeightBasisRule } from './body-weight';
import type { ComputedIvDose, DoseWarning, ExplanationLine } from './dose-types';
import type { DosingSettings } from './dosing-settings';
import { explain, given } from './explain';
import type { IvInputs } from './iv-inputs';

/**
 * The weight an IV dose is calculated on: actual or Devine ideal body weight, by the clinic's rule. The
 * choice itself lives in body-weight.ts; this file adds the dose-time warnings and the explanation.
 */

/** The clinic rule applied to this patient; warns when ideal weight is less trustworthy than usual. */
export function weightBasisFor(
  inputs: IvInputs,
  s: DosingSettings,
  warnings: DoseWarning[],
): WeightBasisChoice {
  const basis = chooseWeightBasis(
    inputs.weightKg,
    inputs.heightCm,
    inputs.sex,
    s.weightBasis,
    s.useActualWhenBelowIdeal,
  );
  const W = basis.weightUsedKg;
  if (basis.idealExtrapolated && basis.basis === 'ideal')
    warnings.push({
      code: 'ideal-weight-extrapolated',
      field: 'patient.height',
      message: 'height is under 5 ft; the Devine formula is extrapolated below its base height',
    });
  if (W < s.plausibleWeightKg.min)
    warnings.push({
      code: 'weight-used-below-plausible-range',
      field: 'patient.height',
      message: `the weight used (${W.toFixed(1)} kg ideal) is below the plausible range for actual weight`,
    });
  return basis;
}

/** What the dose record stores so mg/kg can be recomputed, and the rule audited, later. */
export function weightBasisRecord(
  basis: WeightBasisChoice,
  s: DosingSettings,
): ComputedIvDose['weightBasis'] {
  return {
    basis: basis.basis,
    rule: s.weightBasis,
    useActualWhenBelowIdeal: s.useActualWhenBelowIdeal,
    weightUsedKg: basis.weightUsedKg,
    idealBodyWeightKg: basis.idealBodyWeightKg,
    reason: basis.reason,
  };
}

/** BMI, ideal body weight and the weight used, in that order. */
export function weightBasisLines(
  inputs: IvInputs,
  basis: WeightBasisChoice,
  rule: WeightBasisRule,
): ExplanationLine[] {
  const { weightKg, heightCm, sex } = inputs;
  return [
    explain('bmi', 'Body-mass index', basis.bmi, 'kg/m²', 'weight ÷ (height in m)²', [
      given('weight', weightKg, 'kg'),
      given('height', heightCm, 'cm'),
    ]),
    explain(
      'idealBodyWeightKg',
      'Ideal body weight (Devine)',
      basis.idealBodyWeightKg,
      'kg',
      `${sex === 'male' ? '50' : '45.5'} + 2.3 × (height in inches − 60)`,
      [
        given('height', heightCm, 'cm'),
        given('height in inches', heightCm / 2.54, 'in'),
        given('sex', sex, ''),
      ],
    ),
    explain(
      'weightUsedKg',
      'Weight used for dosing',
      basis.weightUsedKg,
      'kg',
      basis.basis === 'ideal' ? 'ideal body weight' : 'actual body weight',
      [given('rule', ruleText(rule), ''), given('reason', basis.reason, '')],
    ),
  ];
}

function ruleText(rule: WeightBasisRule): string {
  switch (rule.rule) {
    case 'actual':
      return 'actual body weight';
    case 'ideal':
      return 'ideal body weight';
    case 'ideal-when-bmi-at-least':
      return `ideal body weight when BMI ≥ ${rule.bmiThreshold}`;
  }
}
