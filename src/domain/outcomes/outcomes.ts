import { getInstrument, INSTRUMENT_IDS } from '../instruments';
import type { Citation, InstrumentId } from '../instruments';
import {
  OUTCOME_DEFAULTS,
  type BaselineRule,
  type CitedRule,
  type RelapseRule,
  type RemissionRule,
  type ResponseRule,
} from './outcome-rules';

/** One scored administration. `date` is an ISO 8601 date or date-time. */
export interface DatedScore {
  date: string;
  value: number;
}

export interface OutcomeSettings {
  baseline?: BaselineRule;
  /** Replaces the cited default; null switches response off. */
  response?: ResponseRule | null;
  remission?: RemissionRule | null;
  relapse?: RelapseRule | null;
}

export interface OutcomePoint {
  date: string;
  value: number;
  /** value − baseline (negative = fewer symptoms). */
  change: number;
  /** (value − baseline) / baseline × 100; null when the baseline is 0. */
  percentChange: number | null;
  response: boolean | null;
  remission: boolean | null;
}

export interface RuleOutcome {
  /** Whether the rule holds at the latest score; null when it cannot be evaluated (baseline 0). */
  met: boolean | null;
  rule: string;
  citation: Citation | null;
  /** First date on which the rule held. */
  firstMetDate: string | null;
  reason?: string;
}

export interface OutcomeResult {
  instrument: InstrumentId;
  score: string;
  baseline: { date: string; value: number; rule: string };
  latest: OutcomePoint;
  /** Every score from the baseline on, in date order. */
  points: OutcomePoint[];
  percentChange: { value: number | null; formula: string; computation: string };
  response: RuleOutcome | null;
  remission: RuleOutcome | null;
  relapse: RuleOutcome | null;
  notes: readonly string[];
}

export interface OutcomeError {
  /** Index in the input series, when the problem is about one score. */
  index?: number;
  setting?: string;
  message: string;
}

export type OutcomeComputation = { ok: true; result: OutcomeResult } | { ok: false; errors: OutcomeError[] };

const CLINIC_SETTING: Citation = {
  section: 'clinic setting',
  source: 'Set by the clinic',
  provenance: 'unverified',
};

export function describeResponse(r: ResponseRule): string {
  return r.kind === 'percent-reduction'
    ? `response = reduction from baseline ≥ ${r.atLeast}% ((baseline − value) / baseline × 100 ≥ ${r.atLeast})`
    : `response = reduction from baseline ≥ ${r.atLeast} points (baseline − value ≥ ${r.atLeast})`;
}

export function describeRemission(r: RemissionRule): string {
  return r.kind === 'below' ? `remission = value < ${r.value}` : `remission = value ≤ ${r.value}`;
}

function describeBaseline(b: BaselineRule): string {
  return b.kind === 'first' ? 'baseline = first score' : `baseline = last score on or before ${b.date}`;
}

function responseMet(r: ResponseRule, baseline: number, value: number): boolean | null {
  if (r.kind === 'point-reduction') return baseline - value >= r.atLeast;
  if (baseline === 0) return null;
  return ((baseline - value) / baseline) * 100 >= r.atLeast;
}

function remissionMet(r: RemissionRule, value: number): boolean {
  return r.kind === 'below' ? value < r.value : value <= r.value;
}

function ruleProblem(name: string, r: unknown): string | null {
  if (r === null || r === undefined) return null;
  if (typeof r !== 'object') return `${name} must be a rule object or null`;
  const rule = r as Record<string, unknown>;
  const numeric = (k: string) => typeof rule[k] === 'number' && Number.isFinite(rule[k]);
  switch (`${name}:${String(rule.kind)}`) {
    case 'response:percent-reduction':
      return numeric('atLeast') && (rule.atLeast as number) > 0 && (rule.atLeast as number) <= 100
        ? null
        : 'response.atLeast must be a percentage in (0, 100]';
    case 'response:point-reduction':
      return numeric('atLeast') && (rule.atLeast as number) > 0
        ? null
        : 'response.atLeast must be > 0 points';
    case 'remission:below':
    case 'remission:at-most':
      return numeric('value') ? null : 'remission.value must be a number';
    case 'relapse:loss-of-response':
      return null;
    case 'baseline:first':
      return null;
    case 'baseline:last-on-or-before':
      return typeof rule.date === 'string' && !Number.isNaN(Date.parse(rule.date))
        ? null
        : 'baseline.date must be an ISO date';
    default:
      return `unknown ${name} rule kind "${String(rule.kind)}"`;
  }
}

/**
 * Baseline, change, response, remission (and relapse when the clinic defines it) for one patient's series of
 * scores on one instrument. Pure: the caller supplies the scores (normally from scoreResponse results).
 */
export function computeOutcomes(
  instrumentId: string,
  series: readonly DatedScore[],
  settings: OutcomeSettings = {},
): OutcomeComputation {
  const def = getInstrument(instrumentId);
  if (!def) {
    return {
      ok: false,
      errors: [{ message: `unknown instrument "${instrumentId}" (known: ${INSTRUMENT_IDS.join(', ')})` }],
    };
  }
  const defaults = OUTCOME_DEFAULTS[def.id];
  const errors: OutcomeError[] = [];
  for (const key of ['baseline', 'response', 'remission', 'relapse'] as const) {
    const p = ruleProblem(key, settings[key]);
    if (p) errors.push({ setting: key, message: p });
  }
  if (settings.relapse && !(settings.response ?? defaults.response)) {
    errors.push({ setting: 'relapse', message: 'relapse (loss of response) needs a response rule' });
  }

  const scale = defaults.score === 'total' ? def.total : def.subscales?.find((s) => s.id === defaults.score);
  if (!scale) {
    errors.push({ message: `${def.id} has no numeric score to follow over time (${defaults.score})` });
    return { ok: false, errors };
  }
  const [lo, hi] = scale.range;
  const dated = series.map((s, index) => ({ ...s, index, time: Date.parse(s.date) }));
  for (const s of dated) {
    if (Number.isNaN(s.time))
      errors.push({ index: s.index, message: `score ${s.index}: "${s.date}" is not an ISO date` });
    if (typeof s.value !== 'number' || !Number.isFinite(s.value) || s.value < lo || s.value > hi) {
      errors.push({
        index: s.index,
        message: `score ${s.index}: ${s.value} is outside ${def.id} ${scale.id} ${lo}–${hi}`,
      });
    }
  }
  if (series.length === 0) errors.push({ message: 'the series is empty: at least one score is needed' });
  if (errors.length > 0) return { ok: false, errors };

  // Stable sort keeps same-day entries in the order given.
  dated.sort((a, b) => a.time - b.time || a.index - b.index);
  const baselineRule = settings.baseline ?? { kind: 'first' };
  let baseIdx = 0;
  if (baselineRule.kind === 'last-on-or-before') {
    const limit = Date.parse(baselineRule.date);
    baseIdx = -1;
    dated.forEach((s, i) => s.time <= limit && (baseIdx = i));
    if (baseIdx < 0) {
      return {
        ok: false,
        errors: [{ setting: 'baseline', message: `no score on or before ${baselineRule.date}` }],
      };
    }
  }
  const base = dated[baseIdx]!;

  const response: CitedRule<ResponseRule> | null =
    settings.response === undefined
      ? defaults.response
      : settings.response && { rule: settings.response, citation: CLINIC_SETTING };
  const remission: CitedRule<RemissionRule> | null =
    settings.remission === undefined
      ? defaults.remission
      : settings.remission && { rule: settings.remission, citation: CLINIC_SETTING };

  const points: OutcomePoint[] = dated.slice(baseIdx).map((s) => ({
    date: s.date,
    value: s.value,
    change: s.value - base.value,
    percentChange: base.value === 0 ? null : ((s.value - base.value) / base.value) * 100,
    response: response ? responseMet(response.rule, base.value, s.value) : null,
    remission: remission ? remissionMet(remission.rule, s.value) : null,
  }));
  const latest = points[points.length - 1]!;
  const follow = points.slice(1);

  const summarise = (
    cited: CitedRule<unknown> | null,
    text: string,
    pick: (p: OutcomePoint) => boolean | null,
  ) => {
    if (!cited) return null;
    const first = follow.find((p) => pick(p) === true);
    const met = points.length > 1 ? pick(latest) : null;
    return {
      met,
      rule: text,
      citation: cited.citation,
      firstMetDate: first ? first.date : null,
      ...(points.length === 1
        ? { reason: 'only the baseline score is available' }
        : met === null
          ? { reason: 'baseline is 0: a percentage reduction is undefined' }
          : {}),
    };
  };

  let relapse: RuleOutcome | null = null;
  if (settings.relapse && response) {
    const firstResponse = follow.findIndex((p) => p.response === true);
    const lost =
      firstResponse < 0 ? undefined : follow.slice(firstResponse + 1).find((p) => p.response === false);
    relapse = {
      met: firstResponse < 0 ? false : lost !== undefined,
      rule: `relapse = after response was first met, a later score no longer meets: ${describeResponse(response.rule)}`,
      citation: CLINIC_SETTING,
      firstMetDate: lost ? lost.date : null,
      ...(firstResponse < 0 ? { reason: 'response was never met' } : {}),
    };
  }

  const pct = latest.percentChange;
  return {
    ok: true,
    result: {
      instrument: def.id,
      score: scale.id,
      baseline: { date: base.date, value: base.value, rule: describeBaseline(baselineRule) },
      latest,
      points,
      percentChange: {
        value: points.length > 1 ? pct : null,
        formula: '(latest − baseline) / baseline × 100',
        computation:
          pct === null
            ? `baseline is 0: (${latest.value} − 0) / 0 is undefined`
            : `(${latest.value} − ${base.value}) / ${base.value} × 100 = ${round2(pct)}%`,
      },
      response: summarise(response, response ? describeResponse(response.rule) : '', (p) => p.response),
      remission: summarise(remission, remission ? describeRemission(remission.rule) : '', (p) => p.remission),
      relapse,
      notes: [
        ...(defaults.notes ?? []),
        ...(settings.relapse
          ? []
          : [
              'Relapse is not computed: the clinical source register defines no relapse rule; a clinic may set one.',
            ]),
      ],
    },
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
