import type { ExplanationLine, IvStep } from './dose-types';
import { given } from './explain';

/**
 * The exact amount in mg a step prescribes for the weight used, before any rounding. The ceiling is
 * checked on this value, so a dose the protocol forbids is refused before rounding can hide it.
 */

export interface ExactDose {
  exactMg: number;
  /** The prescribed-mg explanation line, less its value and rounding, which are known only after rounding. */
  mgLine: Omit<ExplanationLine, 'value' | 'rounding'>;
}

export function exactDose(
  kind: IvStep['kind'],
  value: number,
  W: number,
  hours: number,
  durationMin: number,
): ExactDose {
  const base = { quantity: 'prescribedMg', label: 'Prescribed dose', unit: 'mg' };
  switch (kind) {
    case 'mg-per-kg':
      return {
        exactMg: value * W,
        mgLine: {
          ...base,
          formula: 'dose (mg/kg) × weight used (kg)',
          inputs: [given('dose', value, 'mg/kg'), given('weight used', W, 'kg')],
        },
      };
    case 'mg-per-kg-per-hour':
      return {
        exactMg: value * W * hours,
        mgLine: {
          ...base,
          formula: 'rate (mg/kg/h) × weight used (kg) × duration (min) ÷ 60',
          inputs: [
            given('rate', value, 'mg/kg/h'),
            given('weight used', W, 'kg'),
            given('duration', durationMin, 'min'),
          ],
        },
      };
    case 'fixed-mg':
      return {
        exactMg: value,
        mgLine: { ...base, formula: 'fixed dose', inputs: [given('dose', value, 'mg')] },
      };
    case 'fixed-mg-per-hour':
      return {
        exactMg: value * hours,
        mgLine: {
          ...base,
          formula: 'rate (mg/h) × duration (min) ÷ 60',
          inputs: [given('rate', value, 'mg/h'), given('duration', durationMin, 'min')],
        },
      };
  }
}
