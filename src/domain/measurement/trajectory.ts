import { getInstrument } from '../instruments';
import type { InstrumentDefinition, InstrumentId, ScaleDefinition } from '../instruments';
import { computeOutcomes, type OutcomeResult, type OutcomeSettings } from '../outcomes';
import { OUTCOME_DEFAULTS } from '../outcomes';

export interface ObservationPoint {
  responseId: string;
  /** ISO date-time of the administration. */
  date: string;
  value: number | null;
  severity: string | null;
  flags: readonly string[];
  /** True when this response corrects an earlier one. */
  amended?: boolean;
}

export interface TrajectoryBand {
  id: string;
  label: string;
  from: number;
  /** Inclusive upper bound (the next band's lower bound, or the scale maximum). */
  to: number;
}

export interface TrajectoryPoint extends ObservationPoint {
  change: number | null;
  percentChange: number | null;
  response: boolean | null;
  remission: boolean | null;
}

export interface Trajectory {
  instrument: InstrumentId;
  title: string;
  shortTitle: string;
  score: string;
  range: readonly [number, number];
  bands: TrajectoryBand[];
  points: TrajectoryPoint[];
  anchors: { date: string; label: string }[];
  /** Baseline, latest, response and remission with the rule used; null with fewer than one score. */
  outcomes: OutcomeResult | null;
  outcomeErrors: string[];
}

function scaleOf(def: InstrumentDefinition): ScaleDefinition | undefined {
  const score = OUTCOME_DEFAULTS[def.id].score;
  return score === 'total' ? def.total : def.subscales?.find((s) => s.id === score);
}

/** Severity bands with numeric bounds; a band bound that is a setting uses the instrument's default. */
export function bandsOf(def: InstrumentDefinition): TrajectoryBand[] {
  const cls = def.classification;
  const scale = scaleOf(def);
  if (!cls || cls.kind !== 'bands' || !scale) return [];
  const lows = cls.bands.map((b) => {
    if (typeof b.min === 'number') return b.min;
    const key = b.min.setting;
    const setting = def.settings.find((s) => s.key === key);
    return setting && setting.kind === 'number' ? setting.default : 0;
  });
  const integral = scale.expression.kind === 'sum';
  return cls.bands.map((b, i) => {
    const next = lows[i + 1];
    return {
      id: b.id,
      label: b.label,
      from: lows[i]!,
      to: next === undefined ? scale.range[1] : integral ? next - 1 : next,
    };
  });
}

/**
 * One instrument's series for a patient: points in date order with change from baseline, response
 * and remission per point (computeOutcomes, with the rule and citation), severity bands and the
 * infusion markers. Pure; the server supplies observations and anchors.
 */
export function buildTrajectory(
  instrumentId: InstrumentId,
  observations: readonly ObservationPoint[],
  anchors: readonly { date: string; label?: string | null }[],
  settings: OutcomeSettings = {},
): Trajectory {
  const def = getInstrument(instrumentId);
  if (!def) throw new Error(`unknown instrument "${instrumentId}"`);
  const scale = scaleOf(def);
  // Parse each date once; the server already sends the series in order, so this sort is usually a no-op.
  const times = new Map(observations.map((o) => [o, Date.parse(o.date)]));
  const sorted = [...observations].sort((a, b) => times.get(a)! - times.get(b)!);
  const numeric = sorted.filter((o): o is ObservationPoint & { value: number } => o.value !== null);
  let outcomes: OutcomeResult | null = null;
  const outcomeErrors: string[] = [];
  if (scale && numeric.length > 0) {
    const computed = computeOutcomes(
      instrumentId,
      numeric.map((o) => ({ date: o.date, value: o.value })),
      settings,
    );
    if (computed.ok) outcomes = computed.result;
    else outcomeErrors.push(...computed.errors.map((e) => e.message));
  }
  // computeOutcomes keeps the input order for equal dates, so points line up one to one after the baseline.
  const perPoint = new Map<ObservationPoint, OutcomeResult['points'][number]>();
  if (outcomes) {
    const offset = numeric.length - outcomes.points.length;
    outcomes.points.forEach((p, i) => perPoint.set(numeric[offset + i]!, p));
  }
  return {
    instrument: def.id,
    title: def.title,
    shortTitle: def.shortTitle,
    score: scale?.id ?? 'total',
    range: scale?.range ?? [0, 0],
    bands: bandsOf(def),
    points: sorted.map((o) => {
      const p = perPoint.get(o);
      const { amended, ...rest } = o;
      return {
        ...rest,
        // Only corrections say so: it keeps a long series' payload small.
        ...(amended ? { amended } : {}),
        change: p?.change ?? null,
        // One decimal is what anyone reads; the full float only lengthens the payload.
        percentChange: p?.percentChange == null ? null : Math.round(p.percentChange * 10) / 10,
        response: p?.response ?? null,
        remission: p?.remission ?? null,
      };
    }),
    anchors: anchors.map((a) => ({ date: a.date, label: a.label ?? 'Infusion' })),
    outcomes,
    outcomeErrors,
  };
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Leading = + - @ would be read as a formula by spreadsheet programs (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The trajectory as CSV, one row per administration, with the rules used in a trailing comment block. */
export function trajectoryCsv(t: Trajectory): string {
  const header = [
    'date',
    'instrument',
    t.score,
    'severity',
    'flags',
    'change_from_baseline',
    'percent_change',
    'response',
    'remission',
    'response_id',
  ];
  const rows = t.points.map((p) =>
    [
      p.date,
      t.instrument,
      p.value,
      p.severity,
      p.flags.join(';'),
      p.change,
      p.percentChange === null ? null : Math.round(p.percentChange * 10) / 10,
      p.response,
      p.remission,
      p.responseId,
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}
