import {
  BMI_SHOWN_INCREMENT,
  DEVINE_BASE_HEIGHT_IN,
  DEVINE_MIN_HEIGHT_CM,
  chooseWeightBasis,
  type Sex,
  type WeightBasisChoice,
  type WeightBasisRule,
} from './body-weight';
import { round4 } from './dose-ceiling';
import type {
  ComputedIvDose,
  DoseAcknowledgements,
  DoseWarning,
  ExplanationLine,
  HardStop,
  IvStep,
  WeightBasisOption,
} from './dose-types';
import type { DosingSettings } from './dosing-settings';
import { exactDose } from './exact-dose';
import { explain, given } from './explain';
import type { IvInputs } from './iv-inputs';
import { clean } from './rounding';

/**
 * The weight an IV dose is calculated on: actual or Devine ideal body weight, by the clinic's rule. The
 * choice itself lives in body-weight.ts; this file adds what happens outside the formula's range (the
 * clinician chooses, and an ideal dosing weight never goes below the clinic's floor), the dose-time
 * warnings and the explanation.
 */

export type WeightBasisOutcome =
  | { kind: 'chosen'; basis: WeightBasisChoice }
  /** Below the formula's range with a rule that asks for ideal weight: the clinician must choose. */
  | { kind: 'choice-required'; actual: WeightBasisChoice; ideal: WeightBasisChoice };

const rangeText = `the Devine formula's range (from ${DEVINE_MIN_HEIGHT_CM} cm, ${DEVINE_BASE_HEIGHT_IN} in)`;

/** The clinic rule applied to this patient, or the two options the clinician chooses between. */
export function weightBasisFor(
  inputs: IvInputs,
  s: DosingSettings,
  acknowledgements: DoseAcknowledgements | undefined,
  warnings: DoseWarning[],
): WeightBasisOutcome {
  const floor = s.idealWeightFloorKg[inputs.sex];
  const ruled = chooseWeightBasis(
    inputs.weightKg,
    inputs.heightCm,
    inputs.sex,
    s.weightBasis,
    s.useActualWhenBelowIdeal,
    floor,
  );
  if (!ruled.idealExtrapolated || ruled.basis === 'actual') return chosen(ruled, s, warnings);

  const below = `height ${inputs.heightCm} cm is below ${rangeText}`;
  const actual: WeightBasisChoice = {
    ...ruled,
    basis: 'actual',
    weightUsedKg: inputs.weightKg,
    reason: `${below}; the clinician chose actual body weight and acknowledged it`,
  };
  const ideal: WeightBasisChoice = {
    ...ruled,
    basis: 'ideal',
    weightUsedKg: ruled.idealDosingWeightKg,
    reason: `${below}; the clinician chose ideal body weight (not below the ${floor} kg floor) and acknowledged it`,
  };
  const ack = acknowledgements?.weightBasis;
  if (ack?.acknowledged !== true || (ack.basis !== 'actual' && ack.basis !== 'ideal'))
    return { kind: 'choice-required', actual, ideal };
  const choice = ack.basis === 'actual' ? actual : ideal;
  warnings.push({
    code: 'weight-basis-chosen-below-formula-range',
    field: 'acknowledgements.weightBasis',
    message: `${below}: Devine gives ${ruled.idealBodyWeightKg.toFixed(1)} kg there. The clinician chose ${choice.basis} weight (${round4(choice.weightUsedKg)} kg).`,
  });
  return chosen(choice, s, warnings);
}

function chosen(basis: WeightBasisChoice, s: DosingSettings, warnings: DoseWarning[]): WeightBasisOutcome {
  const W = basis.weightUsedKg;
  if (W < s.plausibleWeightKg.min)
    warnings.push({
      code: 'weight-used-below-plausible-range',
      field: 'patient.height',
      message: `the weight used (${W.toFixed(1)} kg ideal) is below the plausible range for actual weight`,
    });
  return { kind: 'chosen', basis };
}

/**
 * What each basis gives for this step and amount: actual weight, and ideal weight not below the floor.
 * The calculator shows these in its stop; the dosing form shows the same numbers beside the choice.
 */
export function weightBasisOptions(
  patient: { weightKg: number; heightCm: number; sex: Sex },
  step: IvStep,
  value: number,
  s: DosingSettings,
): WeightBasisOption[] {
  const ideal = chooseWeightBasis(
    patient.weightKg,
    patient.heightCm,
    patient.sex,
    { rule: 'ideal' },
    false,
    s.idealWeightFloorKg[patient.sex],
  ).idealDosingWeightKg;
  return [
    { basis: 'actual' as const, weightKg: patient.weightKg },
    { basis: 'ideal' as const, weightKg: ideal },
  ].map(({ basis, weightKg }) => {
    const mg = exactDose(step.kind, value, weightKg, step.durationMin / 60, step.durationMin).exactMg;
    return { basis, weightKg, exactMg: clean(mg), mgPerKgActualWeight: clean(mg / patient.weightKg) };
  });
}

/** The stop that asks for the choice, with what each basis gives. */
export function weightBasisChoiceStop(
  inputs: IvInputs,
  ideal: WeightBasisChoice,
  options: WeightBasisOption[],
): HardStop {
  const text = options
    .map(
      (o) =>
        `${o.basis} weight ${round4(o.weightKg)} kg gives ${round4(o.exactMg)} mg (${round4(o.mgPerKgActualWeight)} mg/kg of actual weight)`,
    )
    .join('; ');
  return {
    code: 'weight-basis-choice-required',
    field: 'acknowledgements.weightBasis',
    message: `height ${inputs.heightCm} cm is below ${rangeText}, where ideal body weight is an extrapolation (${ideal.idealBodyWeightKg.toFixed(1)} kg; an ideal dosing weight never goes below the ${ideal.idealWeightFloorKg} kg floor). Choose the weight basis and acknowledge it: ${text}.`,
    options,
  };
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
    idealWeightFloorKg: basis.idealWeightFloorKg,
    belowFormulaRange: basis.idealExtrapolated,
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
    explain(
      'bmi',
      'Body-mass index',
      basis.bmiShown,
      'kg/m²',
      'weight ÷ (height in m)², compared with the threshold at one decimal as shown',
      [given('weight', weightKg, 'kg'), given('height', heightCm, 'cm')],
      { increment: BMI_SHOWN_INCREMENT, mode: 'nearest', unrounded: basis.bmi },
    ),
    explain(
      'idealBodyWeightKg',
      'Ideal body weight (Devine)',
      basis.idealBodyWeightKg,
      'kg',
      `${sex === 'male' ? '50' : '45.5'} + 2.3 × (height in inches − 60); defined from 60 in (${DEVINE_MIN_HEIGHT_CM} cm)`,
      [
        given('height', heightCm, 'cm'),
        given('height in inches', heightCm / 2.54, 'in'),
        given('sex', sex, ''),
        given('formula defined from', DEVINE_MIN_HEIGHT_CM, 'cm'),
        ...(basis.idealExtrapolated
          ? [given('range', 'below the formula’s range: the value is an extrapolation', '')]
          : []),
      ],
    ),
    explain(
      'weightUsedKg',
      'Weight used for dosing',
      basis.weightUsedKg,
      'kg',
      basis.basis === 'ideal'
        ? 'ideal body weight, never below the floor: max(ideal body weight, floor)'
        : 'actual body weight',
      [
        given('rule', ruleText(rule), ''),
        given('reason', basis.reason, ''),
        ...(basis.basis === 'ideal' ? [given('floor', basis.idealWeightFloorKg, 'kg')] : []),
      ],
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
