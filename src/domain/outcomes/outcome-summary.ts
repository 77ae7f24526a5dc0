/**
 * What a series of outcome points means for each rule: whether it holds at the latest score, when it first
 * held, and why it cannot be judged yet. Also the percentage change of the latest score, shown worked out.
 */
import type { Citation } from '../instruments';
import type { CitedRule, ResponseRule } from './outcome-rules';
import type { OutcomePoint, OutcomeResult, RuleOutcome } from './outcome-types';
import { describeResponse } from './rule-text';

/** Rules the clinic set itself carry this in place of a published source. */
export const CLINIC_SETTING: Citation = {
  section: 'clinic setting',
  source: 'Set by the clinic',
  provenance: 'unverified',
};

/** `points` starts at the baseline; the rule is judged on the scores after it. */
export function summariseRule(
  cited: CitedRule<unknown> | null,
  text: string,
  points: readonly OutcomePoint[],
  pick: (p: OutcomePoint) => boolean | null,
): RuleOutcome | null {
  if (!cited) return null;
  const latest = points[points.length - 1]!;
  const first = points.slice(1).find((p) => pick(p) === true);
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
}

/** Loss of response: after response was first met, a later score that no longer meets it. */
export function relapseOutcome(
  points: readonly OutcomePoint[],
  response: CitedRule<ResponseRule>,
): RuleOutcome {
  const follow = points.slice(1);
  const firstResponse = follow.findIndex((p) => p.response === true);
  const lost =
    firstResponse < 0 ? undefined : follow.slice(firstResponse + 1).find((p) => p.response === false);
  return {
    met: firstResponse < 0 ? false : lost !== undefined,
    rule: `relapse = after response was first met, a later score no longer meets: ${describeResponse(response.rule)}`,
    citation: CLINIC_SETTING,
    firstMetDate: lost ? lost.date : null,
    ...(firstResponse < 0 ? { reason: 'response was never met' } : {}),
  };
}

export function percentChangeSummary(
  points: readonly OutcomePoint[],
  baseline: number,
): OutcomeResult['percentChange'] {
  const latest = points[points.length - 1]!;
  const pct = latest.percentChange;
  return {
    value: points.length > 1 ? pct : null,
    formula: '(latest − baseline) / baseline × 100',
    computation:
      pct === null
        ? `baseline is 0: (${latest.value} − 0) / 0 is undefined`
        : `(${latest.value} − ${baseline}) / ${baseline} × 100 = ${round2(pct)}%`,
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
