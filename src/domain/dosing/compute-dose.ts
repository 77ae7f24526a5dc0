import type { DoseRequest, DoseResult, DoseWarning, HardStop } from './dose-types';
import type { DosingSettings } from './dosing-settings';
import { computeIntranasal } from './intranasal-dose';
import { computeIv } from './iv-dose';
import { escalationWarnings, prescribedAmount, resolveSetup } from './prescription';

/**
 * The weight-based dose calculator. Pure: the same request and settings always give the same result,
 * and every number in the result comes with the formula and inputs that produced it.
 *
 * Order of work, one file per stage:
 * 1. prescription.ts — valid settings, protocol and step; the amount (step or override); escalation checks.
 * 2. intranasal-dose.ts — a device count checked against the ceiling; nothing weight-based.
 * For IV steps (iv-dose.ts runs these in order):
 * 3. iv-inputs.ts — patient and preparation, checked for unit, sign and plausibility. All hard stops so
 *    far are collected before stopping, so the clinician fixes them in one pass.
 * 4. weight-basis.ts — actual or ideal body weight, by the clinic's rule.
 * 5. exact-dose.ts — the exact mg the step prescribes on that weight.
 * 6. dose-ceiling.ts — the protocol's ceilings, checked on the exact dose.
 * 7. dose-rounding.ts — round to what the syringe can measure, never over a ceiling.
 * 8. dose-volumes.ts — final volume, concentration and pump rate from the rounded amounts.
 * explain.ts builds the explanation lines; dose-types.ts holds the request and result shapes.
 */

export type {
  ComputedDose,
  ComputedIntranasalDose,
  ComputedIvDose,
  DoseRequest,
  DoseResult,
  DoseWarning,
  ExplanationInput,
  ExplanationLine,
  ExplanationRounding,
  HardStop,
  HardStopCode,
  WarningCode,
} from './dose-types';

export function computeDose(request: DoseRequest, settings: DosingSettings): DoseResult {
  const warnings: DoseWarning[] = [];
  const setup = resolveSetup(request, settings);
  if (!setup.ok) return { ok: false, hardStops: setup.hardStops, warnings };
  const { s, protocol, step } = setup;

  const stops: HardStop[] = [];
  const prescribed = prescribedAmount(step, request.doseOverride, stops, warnings);
  escalationWarnings(protocol, step, request.history, stops, warnings);

  if (step.kind === 'devices') {
    if (stops.length > 0) return { ok: false, hardStops: stops, warnings };
    return computeIntranasal(protocol, step, prescribed, s, warnings);
  }
  return computeIv(request, protocol, step, prescribed, s, stops, warnings);
}
