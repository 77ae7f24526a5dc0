import { STEP_DOSE_FIELD, type Protocol } from '../protocols';
import type { ExplanationLine, ExplanationSource, HardStop, IvStep, Prescribed } from './dose-types';
import { explain, given } from './explain';

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
      message: `${round4(mgPerKg)} mg/kg exceeds the protocol ceiling of ${c.mgPerKg} mg/kg`,
    });
  if (c.mgPerKgPerHour !== undefined && hours > 0 && exceeds(mgPerKg / hours, c.mgPerKgPerHour))
    stops.push({
      code: 'above-ceiling',
      field,
      message: `${round4(mgPerKg / hours)} mg/kg/h exceeds the protocol ceiling of ${c.mgPerKgPerHour} mg/kg/h`,
    });
  if (c.totalMg !== undefined && exceeds(mg, c.totalMg))
    stops.push({
      code: 'above-ceiling',
      field,
      message: `${round4(mg)} mg exceeds the protocol ceiling of ${c.totalMg} mg`,
    });
  return stops;
}

/** The register entries a protocol cites for a value, with their evidence tags. */
export function sourcesOf(protocol: Protocol, ids: readonly string[]): ExplanationSource[] {
  return ids
    .map((id) => protocol.citations.find((c) => c.id === id))
    .filter((c) => c !== undefined)
    .map((c) => ({ id: c.id, source: c.source, tag: c.tag, reference: c.reference }));
}

/**
 * One explanation line per ceiling the dose was checked against: the limit, the dose as drawn in the same
 * unit, and the sources of the ceiling with their evidence tags.
 */
export function ceilingLines(
  protocol: Protocol,
  mgDrawn: number,
  W: number,
  hours: number,
): ExplanationLine[] {
  const c = protocol.ceiling;
  const sources = sourcesOf(protocol, c.citationIds);
  const checked = 'protocol ceiling: the exact dose and the dose as drawn may not exceed it';
  const line = (key: string, label: string, limit: number, unit: string, drawn: number, field: string) => ({
    ...explain(key, label, limit, unit, `${checked} (ceiling.${field})`, [
      given('dose as drawn', drawn, unit),
    ]),
    sources,
  });
  const lines: ExplanationLine[] = [];
  if (c.mgPerKg !== undefined)
    lines.push(line('ceilingMgPerKg', 'Ceiling checked (mg/kg)', c.mgPerKg, 'mg/kg', mgDrawn / W, 'mgPerKg'));
  if (c.mgPerKgPerHour !== undefined && hours > 0)
    lines.push(
      line(
        'ceilingMgPerKgPerHour',
        'Ceiling checked (mg/kg/h)',
        c.mgPerKgPerHour,
        'mg/kg/h',
        mgDrawn / W / hours,
        'mgPerKgPerHour',
      ),
    );
  if (c.totalMg !== undefined)
    lines.push(line('ceilingTotalMg', 'Ceiling checked (total mg)', c.totalMg, 'mg', mgDrawn, 'totalMg'));
  return lines;
}
