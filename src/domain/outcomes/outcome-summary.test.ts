import { describe, expect, it } from 'vitest';
import { CLINIC_SETTING, percentChangeSummary, relapseOutcome, summariseRule } from './outcome-summary';
import type { OutcomePoint } from './outcome-types';

const point = (date: string, value: number, response: boolean | null): OutcomePoint => ({
  date,
  value,
  change: value - 20,
  percentChange: ((value - 20) / 20) * 100,
  response,
  remission: null,
});
const response = { rule: { kind: 'percent-reduction', atLeast: 50 } as const, citation: CLINIC_SETTING };

describe('summariseRule', () => {
  it('judges the latest score and dates the first time the rule held', () => {
    const points = [point('d0', 20, false), point('d1', 9, true), point('d2', 12, false)];
    expect(summariseRule(response, 'rule', points, (p) => p.response)).toEqual({
      met: false,
      rule: 'rule',
      citation: CLINIC_SETTING,
      firstMetDate: 'd1',
    });
  });

  it('explains why a rule cannot be judged, and is null when switched off', () => {
    expect(summariseRule(response, 'rule', [point('d0', 20, false)], (p) => p.response)).toMatchObject({
      met: null,
      reason: 'only the baseline score is available',
    });
    const zeroBaseline = [point('d0', 0, null), point('d1', 0, null)];
    expect(summariseRule(response, 'rule', zeroBaseline, (p) => p.response)?.reason).toBe(
      'baseline is 0: a percentage reduction is undefined',
    );
    expect(summariseRule(null, '', zeroBaseline, (p) => p.response)).toBeNull();
  });
});

describe('relapseOutcome', () => {
  it('is met when a score after the first response no longer meets it', () => {
    const points = [point('d0', 20, false), point('d1', 9, true), point('d2', 12, false)];
    expect(relapseOutcome(points, response)).toMatchObject({ met: true, firstMetDate: 'd2' });
  });

  it('is not met, with a reason, when response never came', () => {
    expect(relapseOutcome([point('d0', 20, false), point('d1', 15, false)], response)).toMatchObject({
      met: false,
      firstMetDate: null,
      reason: 'response was never met',
    });
  });
});

describe('percentChangeSummary', () => {
  it('shows the computation rounded to two decimals', () => {
    const summary = percentChangeSummary([point('d0', 20, false), point('d1', 13, false)], 20);
    expect(summary).toEqual({
      value: -35,
      formula: '(latest − baseline) / baseline × 100',
      computation: '(13 − 20) / 20 × 100 = -35%',
    });
  });

  it('has no value for the baseline alone', () => {
    expect(percentChangeSummary([point('d0', 20, false)], 20).value).toBeNull();
  });
});
