import type { ExplanationInput, ExplanationLine, PkDoseSegment } from '../dosing/index.js';
import { MIN_REASON_LENGTH } from '../dosing/index.js';
import { fail, HOUR_MS, MINUTE_MS, ok, type Problem, type Result } from './session-types.js';

/**
 * The amount of drug a pump actually delivered, from its start, pause, resume, rate-change and stop
 * events, compared with the ordered dose. The sum is exact over the events: running time is added up in
 * whole milliseconds per rate and multiplied once per rate, so splitting a segment with a "change" to the
 * same rate changes nothing, and a pause can only lower the total.
 */

export type PumpRate = { value: number; unit: 'mg/h' | 'mL/h' };

export type PumpEvent =
  | { type: 'start'; at: number; rate: PumpRate }
  | { type: 'pause'; at: number }
  | { type: 'resume'; at: number }
  | { type: 'rate_change'; at: number; rate: PumpRate }
  | { type: 'stop'; at: number };

/** A stretch of time the pump ran at one rate. */
export interface RunningSegment {
  from: number;
  to: number;
  mgPerHour: number;
  /** The programmed rate in mL/h, when known (given in mL/h, or mg/h with a concentration). */
  mlPerHour: number | null;
}

export interface AmountGiven {
  givenMg: number;
  givenMl: number | null;
  runningMs: number;
  pausedMs: number;
  startedAt: number;
  /** Null while the pump still runs (or is paused) at `asOf`. */
  stoppedAt: number | null;
  segments: RunningSegment[];
  explanation: ExplanationLine[];
}

export interface AmountOptions {
  /** mg per mL of the prepared bag or syringe; needed when a rate is in mL/h. */
  concentrationMgPerMl: number | null;
  /** Where to end a segment that is still running (the server's now). */
  asOf: number;
}

const given = (name: string, value: number | string, unit: string): ExplanationInput => ({
  name,
  value,
  unit,
});
const line = (
  quantity: string,
  label: string,
  value: number,
  unit: string,
  formula: string,
  inputs: ExplanationInput[],
  sources?: ExplanationLine['sources'],
): ExplanationLine => ({
  quantity,
  label,
  value,
  unit,
  formula,
  inputs,
  rounding: null,
  ...(sources ? { sources } : {}),
});

type Rate = Pick<RunningSegment, 'mgPerHour' | 'mlPerHour'>;

function rateOf(rate: PumpRate, concentration: number | null, field: string): Result<Rate> {
  if (!Number.isFinite(rate.value) || rate.value <= 0)
    return fail([{ field, message: 'must be a rate above 0 (stop or pause the pump instead)' }]);
  if (rate.unit === 'mg/h')
    return ok({ mgPerHour: rate.value, mlPerHour: concentration ? rate.value / concentration : null });
  if (!concentration) return fail([{ field, message: 'a rate in mL/h needs the concentration (mg/mL)' }]);
  return ok({ mgPerHour: rate.value * concentration, mlPerHour: rate.value });
}

type PumpState =
  | { status: 'idle' }
  | { status: 'running' | 'paused'; since: number; rate: Rate }
  | { status: 'stopped'; at: number };

/** The pump's state after one event, or why the pump could not have had that event. */
function afterEvent(state: PumpState, e: PumpEvent, o: AmountOptions, i: number): Result<PumpState> {
  const wrong = (message: string) => fail<PumpState>([{ field: `events[${i}].type`, message }]);
  const live = state.status === 'running' || state.status === 'paused';
  switch (e.type) {
    case 'start':
    case 'rate_change': {
      if (e.type === 'start' && state.status !== 'idle') return wrong('the pump was already started');
      if (e.type === 'rate_change' && !live) return wrong('the pump is not running');
      const rate = rateOf(e.rate, o.concentrationMgPerMl, `events[${i}].rate`);
      if (!rate.ok) return rate;
      // A rate set while paused takes effect at the resume.
      return ok({ status: state.status === 'paused' ? 'paused' : 'running', since: e.at, rate: rate.value });
    }
    case 'pause':
      return state.status === 'running'
        ? ok({ ...state, status: 'paused', since: e.at })
        : wrong('the pump is not running');
    case 'resume':
      return state.status === 'paused'
        ? ok({ ...state, status: 'running', since: e.at })
        : wrong('the pump is not paused');
    case 'stop':
      return live ? ok({ status: 'stopped', at: e.at }) : wrong('the pump is not running');
  }
}

/** Walk the events in time order (same-time events in the order given) into running segments. */
function segmentsOf(
  events: readonly PumpEvent[],
  o: AmountOptions,
): Result<{ segments: RunningSegment[]; stoppedAt: number | null }> {
  const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at);
  const segments: RunningSegment[] = [];
  let state: PumpState = { status: 'idle' };
  for (const { e, i } of ordered) {
    if (!Number.isFinite(e.at) || e.at > o.asOf)
      return fail([{ field: `events[${i}].at`, message: 'must be a time no later than now' }]);
    const next = afterEvent(state, e, o, i);
    if (!next.ok) return next;
    if (state.status === 'running' && e.at > state.since)
      segments.push({ from: state.since, to: e.at, ...state.rate });
    state = next.value;
  }
  if (state.status === 'idle') return fail([{ field: 'events', message: 'the pump was never started' }]);
  if (state.status === 'running' && o.asOf > state.since)
    segments.push({ from: state.since, to: o.asOf, ...state.rate });
  return ok({ segments, stoppedAt: state.status === 'stopped' ? state.at : null });
}

/** Σ rate × time, with time summed in whole milliseconds per rate first (see the file comment). */
function exactSum(segments: readonly RunningSegment[], rate: (s: RunningSegment) => number): number {
  const msByRate = new Map<number, number>();
  for (const s of segments) msByRate.set(rate(s), (msByRate.get(rate(s)) ?? 0) + (s.to - s.from));
  return [...msByRate].sort(([a], [b]) => a - b).reduce((sum, [r, ms]) => sum + (r * ms) / HOUR_MS, 0);
}

const minutesFrom = (origin: number, t: number) => (t - origin) / MINUTE_MS;

function amountLines(a: Omit<AmountGiven, 'explanation'>, o: AmountOptions): ExplanationLine[] {
  const span = (s: RunningSegment, i: number) =>
    `segment ${i + 1}: ${minutesFrom(a.startedAt, s.from)}–${minutesFrom(a.startedAt, s.to)} min`;
  const lines = [
    line(
      'runningMinutes',
      'Running time',
      a.runningMs / MINUTE_MS,
      'min',
      'Σ (segment end − segment start); pauses excluded',
      [
        ...a.segments.map((s, i) => given(span(s, i), (s.to - s.from) / MINUTE_MS, 'min')),
        given('paused', a.pausedMs / MINUTE_MS, 'min'),
      ],
    ),
    line(
      'givenMg',
      'Amount given',
      a.givenMg,
      'mg',
      'Σ rate (mg/h) × segment minutes ÷ 60',
      a.segments.map((s, i) => given(`${span(s, i)} rate`, s.mgPerHour, 'mg/h')),
    ),
  ];
  if (a.givenMl !== null)
    lines.push(
      line('givenMl', 'Volume given', a.givenMl, 'mL', 'Σ rate (mL/h) × segment minutes ÷ 60', [
        given('concentration', o.concentrationMgPerMl ?? '', 'mg/mL'),
      ]),
    );
  return lines;
}

/** The amount the pump delivered from its events, as of `asOf` when it has not stopped. */
export function amountGiven(events: readonly PumpEvent[], options: AmountOptions): Result<AmountGiven> {
  const walked = segmentsOf(events, options);
  if (!walked.ok) return walked;
  const { segments, stoppedAt } = walked.value;
  const startedAt = Math.min(...events.map((e) => e.at));
  const runningMs = segments.reduce((sum, s) => sum + (s.to - s.from), 0);
  const withMl = segments.every((s) => s.mlPerHour !== null);
  const base = {
    givenMg: exactSum(segments, (s) => s.mgPerHour),
    givenMl: withMl ? exactSum(segments, (s) => s.mlPerHour!) : null,
    runningMs,
    pausedMs: (stoppedAt ?? options.asOf) - startedAt - runningMs,
    startedAt,
    stoppedAt,
    segments,
  };
  return ok({ ...base, explanation: amountLines(base, options) });
}

export interface DoseComparison {
  orderedMg: number;
  givenMg: number;
  differenceMg: number;
  /** (given − ordered) ÷ ordered × 100; negative when less was given. */
  differencePercent: number;
  tolerancePercent: number;
  /** The difference is beyond the tolerance: an explanation is required. */
  flagged: boolean;
  explanation: ExplanationLine[];
}

const TOLERANCE_SOURCE = {
  id: 'amount-tolerance',
  source: 'Clinic setting amountTolerancePercent: no source sets it (clinic practice)',
  tag: 'unverified',
  reference: 'clinic setting',
} as const;

/** Compare the amount given with the ordered dose; a difference beyond the tolerance is flagged. */
export function compareWithOrder(
  givenMg: number,
  orderedMg: number,
  tolerancePercent: number,
): Result<DoseComparison> {
  if (!(orderedMg > 0)) return fail([{ field: 'orderedMg', message: 'must be above 0' }]);
  if (!(tolerancePercent >= 0)) return fail([{ field: 'tolerancePercent', message: 'must be 0 or more' }]);
  const differenceMg = givenMg - orderedMg;
  const differencePercent = (differenceMg / orderedMg) * 100;
  const flagged = Math.abs(differencePercent) > tolerancePercent;
  const inputs = [given('given', givenMg, 'mg'), given('ordered', orderedMg, 'mg')];
  return ok({
    orderedMg,
    givenMg,
    differenceMg,
    differencePercent,
    tolerancePercent,
    flagged,
    explanation: [
      line('differenceMg', 'Difference from the order', differenceMg, 'mg', 'given − ordered', inputs),
      line(
        'differencePercent',
        'Difference from the order',
        differencePercent,
        '%',
        '(given − ordered) ÷ ordered × 100',
        inputs,
      ),
      line(
        'tolerancePercent',
        flagged ? 'Beyond the tolerance: explain the difference' : 'Within the tolerance',
        tolerancePercent,
        '%',
        '|difference %| > tolerance → explanation required',
        [given('difference', Math.abs(differencePercent), '%')],
        [{ ...TOLERANCE_SOURCE }],
      ),
    ],
  });
}

/** A flagged difference needs a written explanation before the record is complete. */
export function checkDifferenceExplained(
  comparison: DoseComparison,
  explanation: string | null | undefined,
): Problem[] {
  if (!comparison.flagged || (explanation ?? '').trim().length >= MIN_REASON_LENGTH) return [];
  return [
    {
      field: 'differenceExplanation',
      message: `the amount given differs from the order by ${comparison.differencePercent.toFixed(1)}%: explain why`,
    },
  ];
}

/**
 * The infusion as pharmacokinetic dose segments, in minutes from `originAt` (the session's start unless
 * the caller chooses another), in the shape the simulator plan takes (PkDoseSegment). Contiguous segments at the
 * same rate are merged.
 */
export function toPkSegments(segments: readonly RunningSegment[], originAt: number): PkDoseSegment[] {
  const merged: RunningSegment[] = [];
  for (const s of segments) {
    const last = merged[merged.length - 1];
    if (last && last.to === s.from && last.mgPerHour === s.mgPerHour)
      merged[merged.length - 1] = { ...last, to: s.to };
    else merged.push(s);
  }
  return merged.map((s) => ({
    kind: 'infusion',
    startMin: minutesFrom(originAt, s.from),
    endMin: minutesFrom(originAt, s.to),
    totalMg: (s.mgPerHour * (s.to - s.from)) / HOUR_MS,
  }));
}
