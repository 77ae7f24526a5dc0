import { getInstrument, INSTRUMENT_IDS } from '../instruments';
import {
  OUTCOME_DEFAULTS,
  type BaselineRule,
  type CitedRule,
  type RemissionRule,
  type ResponseRule,
} from './outcome-rules';
import { CLINIC_SETTING, percentChangeSummary, relapseOutcome, summariseRule } from './outcome-summary';
import type { DatedScore, OutcomeComputation, OutcomePoint, OutcomeSettings } from './outcome-types';
import { seriesErrors, settingsErrors, type IndexedScore } from './outcome-validation';
import { describeBaseline, describeRemission, describeResponse } from './rule-text';

export type {
  DatedScore,
  OutcomeComputation,
  OutcomeError,
  OutcomePoint,
  OutcomeResult,
  OutcomeSettings,
  RuleOutcome,
} from './outcome-types';
export { describeRemission, describeResponse } from './rule-text';

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
  const errors = settingsErrors(settings, defaults.response);
  const scale = defaults.score === 'total' ? def.total : def.subscales?.find((s) => s.id === defaults.score);
  if (!scale) {
    errors.push({ message: `${def.id} has no numeric score to follow over time (${defaults.score})` });
    return { ok: false, errors };
  }
  const dated: IndexedScore[] = series.map((s, index) => ({ ...s, index, time: Date.parse(s.date) }));
  errors.push(...seriesErrors(dated, def.id, scale));
  if (errors.length > 0) return { ok: false, errors };

  // Stable sort keeps same-day entries in the order given.
  dated.sort((a, b) => a.time - b.time || a.index - b.index);
  const baselineRule: BaselineRule = settings.baseline ?? { kind: 'first' };
  const baseIdx = baselineIndex(dated, baselineRule);
  if (baselineRule.kind === 'last-on-or-before' && baseIdx < 0) {
    return {
      ok: false,
      errors: [{ setting: 'baseline', message: `no score on or before ${baselineRule.date}` }],
    };
  }
  const base = dated[baseIdx]!;
  const response = ruleInForce(settings.response, defaults.response);
  const remission = ruleInForce(settings.remission, defaults.remission);
  const points = dated.slice(baseIdx).map((s) => outcomePoint(s, base.value, response, remission));

  return {
    ok: true,
    result: {
      instrument: def.id,
      score: scale.id,
      baseline: { date: base.date, value: base.value, rule: describeBaseline(baselineRule) },
      latest: points[points.length - 1]!,
      points,
      percentChange: percentChangeSummary(points, base.value),
      response: summariseRule(
        response,
        response ? describeResponse(response.rule) : '',
        points,
        (p) => p.response,
      ),
      remission: summariseRule(
        remission,
        remission ? describeRemission(remission.rule) : '',
        points,
        (p) => p.remission,
      ),
      relapse: settings.relapse && response ? relapseOutcome(points, response) : null,
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

/** Index of the baseline in the date-sorted scores; -1 when no score is on or before the baseline date. */
function baselineIndex(dated: readonly IndexedScore[], rule: BaselineRule): number {
  if (rule.kind === 'first') return 0;
  const limit = Date.parse(rule.date);
  let baseIdx = -1;
  dated.forEach((s, i) => s.time <= limit && (baseIdx = i));
  return baseIdx;
}

/** A clinic's rule (already validated) replaces the cited default; null switches the rule off. */
function ruleInForce<R>(override: R | null | undefined, cited: CitedRule<R> | null): CitedRule<R> | null {
  if (override === undefined) return cited;
  return override === null ? null : { rule: override, citation: CLINIC_SETTING };
}

function outcomePoint(
  s: DatedScore,
  baseline: number,
  response: CitedRule<ResponseRule> | null,
  remission: CitedRule<RemissionRule> | null,
): OutcomePoint {
  return {
    date: s.date,
    value: s.value,
    change: s.value - baseline,
    percentChange: baseline === 0 ? null : ((s.value - baseline) / baseline) * 100,
    response: response ? responseMet(response.rule, baseline, s.value) : null,
    remission: remission ? remissionMet(remission.rule, s.value) : null,
  };
}

function responseMet(r: ResponseRule, baseline: number, value: number): boolean | null {
  if (r.kind === 'point-reduction') return baseline - value >= r.atLeast;
  if (baseline === 0) return null;
  return ((baseline - value) / baseline) * 100 >= r.atLeast;
}

function remissionMet(r: RemissionRule, value: number): boolean {
  return r.kind === 'below' ? value < r.value : value <= r.value;
}
