import type { ExplanationInput, ExplanationLine, ExplanationRounding } from './dose-types';

/**
 * Builders for explanation lines. Every number the calculator returns is shown with its formula and
 * inputs, so these keep each line to one call instead of a nine-line object literal.
 */

/** One computed number; the arguments follow the field order of ExplanationLine. */
export function explain(
  quantity: string,
  label: string,
  value: number,
  unit: string,
  formula: string,
  inputs: ExplanationInput[],
  rounding: ExplanationRounding | null = null,
): ExplanationLine {
  return { quantity, label, value, unit, formula, inputs, rounding };
}

/** One named input to a formula; unit is '' for text such as a step id or a rule. */
export function given(name: string, value: number | string, unit: string): ExplanationInput {
  return { name, value, unit };
}
