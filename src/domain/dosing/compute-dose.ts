import type { DoseRequest, DoseResult, DoseWarning, HardStop } from './dose-types';
import type { DosingSettings } from './dosing-settings';
import { computeIntranasal } from './intranasal-dose';
import { computeIv } from './iv-dose';
import { readHistory } from './escalation';
import { prescribedAmount, resolveSetup } from './prescription';

/**
 * The weight-based dose calculator. Pure: the same request and settings always give the same result,
 * and every number in the result comes with the formula and inputs that produced it.
 *
 * Order of work, one file per stage:
 * 1. prescription.ts — valid settings, protocol and step; the amount (step or override); the history's shape.
 * 2. intranasal-dose.ts — a device count checked against the ceiling, then the label's first-session
 *    rule (esketamine-label.ts), the escalation rules and the absolute cap; nothing weight-based.
 * For IV steps (iv-dose.ts runs these in order):
 * 3. iv-inputs.ts — patient and preparation, checked for unit, sign and plausibility, with the chart's sex
 *    and a recent enough measurement (chart-facts.ts). All hard stops so far are collected before
 *    stopping, so the clinician fixes them in one pass.
 * 4. weight-basis.ts — actual or ideal body weight, by the clinic's rule; below the formula's range the
 *    clinician chooses.
 * 5. exact-dose.ts — the exact mg the step prescribes on that weight.
 * 6. dose-ceiling.ts — the protocol's ceilings, checked on the exact dose.
 * 7. escalation.ts and absolute-cap.ts — what the clinician must acknowledge, with a reason.
 * 8. dose-rounding.ts — round to what the syringe can measure, never over a ceiling or an unconfirmed cap.
 * 9. dose-volumes.ts — final volume, concentration and pump rate from the rounded amounts.
 * explain.ts builds the explanation lines; dose-types.ts holds the request and result shapes;
 * acknowledgements.ts reads the clinician's acknowledgements.
 */

export { absoluteMgCapFor } from './absolute-cap';
export { MIN_REASON_LENGTH } from './acknowledgements';
export {
  ESKETAMINE_TRD_ID,
  ESKETAMINE_TRD_OLDER_ADULT_ID,
  firstSessionLimitMg,
  isEsketamineTrd,
  protocolAgeBand,
  TRD_FIRST_SESSION_MG,
} from './esketamine-label';
export { weightBasisOptions } from './weight-basis';
export type {
  Acknowledgement,
  BodyMeasurementFact,
  ChartFacts,
  ComputedDose,
  ComputedIntranasalDose,
  ComputedIvDose,
  DoseAcknowledgements,
  DoseRequest,
  DoseResult,
  DoseWarning,
  ExplanationInput,
  ExplanationLine,
  ExplanationRounding,
  ExplanationSource,
  HardStop,
  HardStopCode,
  IvStep,
  WarningCode,
  WeightBasisOption,
} from './dose-types';

export function computeDose(request: DoseRequest, settings: DosingSettings): DoseResult {
  const warnings: DoseWarning[] = [];
  const setup = resolveSetup(request, settings);
  if (!setup.ok) return { ok: false, hardStops: setup.hardStops, warnings };
  const { s, protocol, step } = setup;

  const stops: HardStop[] = [];
  const prescribed = prescribedAmount(step, request.doseOverride, stops, warnings);
  const sessionsWithoutResponse = readHistory(request.history, stops);

  if (step.kind === 'devices') {
    if (stops.length > 0) return { ok: false, hardStops: stops, warnings };
    return computeIntranasal(request, protocol, step, prescribed, sessionsWithoutResponse, s, warnings);
  }
  return computeIv(request, protocol, step, prescribed, sessionsWithoutResponse, s, stops, warnings);
}
