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
 * Intranasal doses are refused: the simulator's models are IV models with no nasal absorption phase, so
 * treating devices as IV boluses would overstate concentrations.
 */
export function doseToPkSegments(dose: ComputedDose, startMin = 0): PkDoseSegment[] {
  if (dose.route !== 'iv')
    throw new RangeError('intranasal doses cannot be simulated with the IV pharmacokinetic models');
  if (!Number.isFinite(startMin)) throw new RangeError('startMin must be a finite number');
  if (dose.delivery === 'bolus') return [{ kind: 'bolus', atMin: startMin, mg: dose.totalMg }];
  return [{ kind: 'infusion', startMin, endMin: startMin + dose.infusionTimeMin, totalMg: dose.totalMg }];
}
