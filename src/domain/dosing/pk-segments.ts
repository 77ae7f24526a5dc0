import type { ComputedDose } from './compute-dose';

/**
 * The dose plan the pharmacokinetic simulator consumes. Times are minutes from the start of the plan;
 * an infusion delivers totalMg at a constant rate between startMin and endMin.
 */
export type PkDoseSegment =
  | { kind: 'bolus'; atMin: number; mg: number }
  | { kind: 'infusion'; startMin: number; endMin: number; totalMg: number };

export function canSimulate(dose: ComputedDose): boolean {
  return dose.route === 'iv';
}

/**
 * Turn a computed IV dose into simulator segments starting at `startMin`. The infusion lasts as long as
 * the pump takes at the programmed (rounded) rate, since that is what the patient receives.
 *
 * The models scale with total body weight (docs/clinical-sources.md#pk-covariates), so simulate with
 * `dose.patient.weightKg`, not the dosing weight `dose.weightBasis.weightUsedKg`.
 *
 * Intranasal doses are refused: the simulator's models are IV models with no nasal absorption phase, so
 * treating devices as IV boluses would overstate concentrations.
 */
export function doseToPkSegments(dose: ComputedDose, startMin = 0): PkDoseSegment[] {
  if (dose.route !== 'iv')
    throw new RangeError('intranasal doses cannot be simulated with the IV pharmacokinetic models');
  // The simulator's plan parser rejects negative times, so fail here where the cause is clear.
  if (!Number.isFinite(startMin) || startMin < 0)
    throw new RangeError('startMin must be a finite number ≥ 0');
  if (dose.delivery === 'bolus') return [{ kind: 'bolus', atMin: startMin, mg: dose.totalMg }];
  return [{ kind: 'infusion', startMin, endMin: startMin + dose.infusionTimeMin, totalMg: dose.totalMg }];
}
