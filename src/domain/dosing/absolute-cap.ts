import { CITATIONS, type Protocol } from '../protocols';
import { acknowledgementOf } from './acknowledgements';
import { exceeds, round4 } from './dose-ceiling';
import type { DoseRequest, DoseWarning, ExplanationInput, ExplanationLine, HardStop } from './dose-types';
import type { DosingSettings } from './dosing-settings';
import { explain, given } from './explain';
import { clean } from './rounding';

/**
 * A protocol's ceilings are per kg (or per kg per hour), which scale without limit with the weight used:
 * 300 kg × 1.0 mg/kg is 300 mg. The absolute cap bounds the mg of one dose whatever the weight
 * (docs/clinical-sources.md#absolute-mg-cap). Above it a dose is a hard stop unless the request carries a
 * high-dose confirmation with a reason.
 */

export interface AbsoluteMgCap {
  mg: number;
  origin: 'setting' | 'derived';
  formula: string;
  inputs: ExplanationInput[];
}

/** The longest step of an IV protocol in hours (0 for a protocol of boluses or devices). */
function longestHours(protocol: Protocol): number {
  return Math.max(0, ...protocol.steps.map((s) => (s.kind === 'devices' ? 0 : s.durationMin / 60)));
}

/**
 * The cap for a protocol: the clinic's per-protocol setting (a copy uses the entry of the protocol it was
 * copied from), else the smallest of its ceilings expressed in mg at the reference weight.
 */
export function absoluteMgCapFor(protocol: Protocol, s: DosingSettings): AbsoluteMgCap {
  const { byProtocol, referenceWeightKg: ref } = s.absoluteMgCap;
  for (const id of [protocol.id, protocol.lineage?.copiedFrom?.id]) {
    const mg = id === undefined ? undefined : byProtocol[id];
    if (mg !== undefined)
      return {
        mg,
        origin: 'setting',
        formula: 'clinic setting absoluteMgCap.byProtocol',
        inputs: [given('protocol', id ?? '', '')],
      };
  }
  const c = protocol.ceiling;
  const hours = longestHours(protocol);
  const candidates: Array<{ mg: number; formula: string; inputs: ExplanationInput[] }> = [];
  if (c.totalMg !== undefined)
    candidates.push({
      mg: c.totalMg,
      formula: 'protocol ceiling.totalMg',
      inputs: [given('ceiling', c.totalMg, 'mg')],
    });
  if (c.mgPerKg !== undefined)
    candidates.push({
      mg: clean(c.mgPerKg * ref),
      formula: 'ceiling (mg/kg) × reference weight (kg)',
      inputs: [given('ceiling', c.mgPerKg, 'mg/kg'), given('reference weight', ref, 'kg')],
    });
  if (c.mgPerKgPerHour !== undefined && hours > 0)
    candidates.push({
      mg: clean(c.mgPerKgPerHour * ref * hours),
      formula: 'ceiling (mg/kg/h) × reference weight (kg) × longest step (h)',
      inputs: [
        given('ceiling', c.mgPerKgPerHour, 'mg/kg/h'),
        given('reference weight', ref, 'kg'),
        given('longest step', hours, 'h'),
      ],
    });
  const lowest = candidates.reduce((a, b) => (b.mg < a.mg ? b : a));
  return { ...lowest, origin: 'derived' };
}

/** Above the cap: a hard stop, or the clinician's high-dose confirmation recorded as a warning. */
export function absoluteCapGate(
  request: DoseRequest,
  cap: AbsoluteMgCap,
  exactMg: number,
  warnings: DoseWarning[],
): HardStop[] {
  if (!exceeds(exactMg, cap.mg)) return [];
  const what = `${round4(exactMg)} mg is above this protocol's absolute cap of ${cap.mg} mg (${cap.formula})`;
  const state = acknowledgementOf(request.acknowledgements?.highDose, {
    code: 'above-absolute-cap',
    field: 'acknowledgements.highDose',
    message: `${what}. Confirm the high dose with a reason, or lower it.`,
  });
  if (!state.given) return [state.stop];
  warnings.push({
    code: 'high-dose-confirmed',
    field: 'acknowledgements.highDose',
    message: `${what}. High dose confirmed by the clinician: ${state.reason}`,
  });
  return [];
}

/** True when the request confirms a dose above the cap (rounding may then cross it, never a ceiling). */
export function highDoseConfirmed(request: DoseRequest): boolean {
  return acknowledgementOf(request.acknowledgements?.highDose, {
    code: 'above-absolute-cap',
    field: 'acknowledgements.highDose',
    message: '',
  }).given;
}

export function absoluteCapLine(cap: AbsoluteMgCap, mgDrawn: number): ExplanationLine {
  const c = CITATIONS['absolute-mg-cap'];
  return {
    ...explain('absoluteMgCap', 'Absolute cap checked', cap.mg, 'mg', cap.formula, [
      given('dose as drawn', mgDrawn, 'mg'),
      ...cap.inputs,
    ]),
    sources: [{ id: c.id, source: c.source, tag: c.tag, reference: c.reference }],
  };
}
