import { getInstrument, resolveSettings } from '../instruments';
import type {
  InstrumentDefinition,
  InstrumentId,
  ResolvedSetting,
  ScaleDefinition,
  SettingsInput,
  SettingValue,
} from '../instruments';
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
  /**
   * The instrument settings the score was computed with, as stored with it (band cut points, safety
   * level, variants). Absent for an instrument without settings.
   */
  settingsUsed?: Readonly<Record<string, SettingValue>>;
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
  /**
   * The instrument settings the bands are drawn with: the clinic's values today. Each point keeps the
   * band it was given and, in `settingsUsed`, the values it was computed with.
   */
  settings: Record<string, SettingValue>;
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

/** The settings resolved against the definition; its defaults when they do not validate. */
function resolvedSettings(def: InstrumentDefinition, input: SettingsInput): Record<string, ResolvedSetting> {
  const given = resolveSettings(def, input);
  if (given.ok) return given.settings;
  const defaults = resolveSettings(def);
  return defaults.ok ? defaults.settings : {};
}

/**
 * Severity bands with numeric bounds. A bound that is a setting (MADRS, BPI-SF) uses the clinic's value
 * when given (instrumentSettingsFor), otherwise the instrument's default.
 */
export function bandsOf(def: InstrumentDefinition, settings: SettingsInput = {}): TrajectoryBand[] {
  const cls = def.classification;
  const scale = scaleOf(def);
  if (!cls || cls.kind !== 'bands' || !scale) return [];
  const resolved = resolvedSettings(def, settings);
  const lows = cls.bands.map((b) => {
    if (typeof b.min === 'number') return b.min;
    const value = resolved[b.min.setting]?.value;
    return typeof value === 'number' ? value : 0;
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
 * and remission per point (computeOutcomes, with the rule and citation), severity bands drawn with the
 * clinic's instrument settings and the infusion markers. Pure; the server supplies observations, anchors
 * and the clinic's settings.
 */
export function buildTrajectory(
  instrumentId: InstrumentId,
  observations: readonly ObservationPoint[],
  anchors: readonly { date: string; label?: string | null }[],
  settings: OutcomeSettings = {},
  instrumentSettings: SettingsInput = {},
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
    bands: bandsOf(def, instrumentSettings),
    settings: Object.fromEntries(
      Object.entries(resolvedSettings(def, instrumentSettings)).map(([key, r]) => [key, r.value]),
    ),
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

const sameValue = (a: SettingValue, b: SettingValue) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The settings a point was scored with that differ from the ones the trajectory is drawn with (a cut
 * point changed since): why its band may not match the shading. Settings it did not record are skipped.
 */
export function scoredWithOtherSettings(
  point: Pick<TrajectoryPoint, 'settingsUsed'>,
  t: Pick<Trajectory, 'settings'>,
): Record<string, SettingValue> {
  const differ: Record<string, SettingValue> = {};
  for (const [key, value] of Object.entries(point.settingsUsed ?? {})) {
    const now = t.settings[key];
    if (now !== undefined && !sameValue(value, now)) differ[key] = value;
  }
  return differ;
}

/** Settings as `key=value` pairs in the definition's order, lists joined with `|`. */
function settingsText(def: InstrumentDefinition | undefined, used: ObservationPoint['settingsUsed']): string {
  if (!used) return '';
  const order = def?.settings.map((s) => s.key) ?? [];
  const keys = Object.keys(used).sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || a.localeCompare(b);
  });
  return keys
    .map((key) => {
      const v = used[key]!;
      return `${key}=${Array.isArray(v) ? v.join('|') : String(v)}`;
    })
    .join(';');
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
    // The instrument settings each score was computed with (cut points, safety level), as stored.
    'settings_used',
  ];
  const def = getInstrument(t.instrument);
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
      settingsText(def, p.settingsUsed),
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}
