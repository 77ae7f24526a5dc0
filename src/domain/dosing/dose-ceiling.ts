import { STEP_DOSE_FIELD, type Protocol } from '../protocols';
import type { HardStop, IvStep, Prescribed } from './dose-types';

/** Tolerance for comparing a computed value with a limit, so float noise is never a hard stop. */
const EPS = 1e-9;
export const exceeds = (value: number, limit: number) => value > limit * (1 + EPS);

/** Four decimals: enough to show why a limit was crossed without printing float noise. */
export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** The request field a clinician changes to lower the dose: the override, or else the step's amount. */
export function doseField(step: IvStep, source: Prescribed['source']): string {
  return source === 'override' ? 'doseOverride' : `protocol.steps.${step.id}.${STEP_DOSE_FIELD[step.kind]}`;
}

/** Every ceiling the protocol sets, checked against an amount in mg on the weight used. */
export function ceilingCheck(
  protocol: Protocol,
  mg: number,
  W: number,
  hours: number,
  field: string,
): HardStop[] {
  const c = protocol.ceiling;
  const stops: HardStop[] = [];
  const mgPerKg = mg / W;
  if (c.mgPerKg !== undefined && exceeds(mgPerKg, c.mgPerKg))
    stops.push({
      code: 'above-ceiling',
      field,
      message: `${round4(mgPerKg)} mg/kg exceeds the protocol ceiling of ${c.mgPerKg} mg/kg (ceiling.mgPerKg)`,
    });
  if (c.mgPerKgPerHour !== undefined && hours > 0 && exceeds(mgPerKg / hours, c.mgPerKgPerHour))
    stops.push({
      code: 'above-ceiling',
      field,
      message: `${round4(mgPerKg / hours)} mg/kg/h exceeds the protocol ceiling of ${c.mgPerKgPerHour} mg/kg/h (ceiling.mgPerKgPerHour)`,
    });
  if (c.totalMg !== undefined && exceeds(mg, c.totalMg))
    stops.push({
      code: 'above-ceiling',
      field,
      message: `${round4(mg)} mg exceeds the protocol ceiling of ${c.totalMg} mg (ceiling.totalMg)`,
    });
  return stops;
}
