import { describe, expect, it } from 'vitest';
import { getInstrument } from '../instruments';
import { OUTCOME_DEFAULTS } from './outcome-rules';
import { seriesErrors, settingsErrors, type IndexedScore } from './outcome-validation';

const phq9Total = getInstrument('phq9')!.total!;
const indexed = (date: string, value: number, index: number): IndexedScore => ({
  date,
  value,
  index,
  time: Date.parse(date),
});

describe('settingsErrors', () => {
  it('accepts no overrides, null (off) and well-formed rules', () => {
    expect(settingsErrors({}, OUTCOME_DEFAULTS.phq9.response)).toEqual([]);
    expect(
      settingsErrors(
        {
          response: { kind: 'point-reduction', atLeast: 5 },
          remission: null,
          relapse: { kind: 'loss-of-response' },
        },
        null,
      ),
    ).toEqual([]);
  });

  it('names each malformed rule by its setting', () => {
    const errors = settingsErrors(
      {
        baseline: { kind: 'last-on-or-before', date: 'soon' },
        response: { kind: 'percent-reduction', atLeast: 150 },
        remission: { kind: 'never' } as never,
      },
      null,
    );
    expect(errors).toEqual([
      { setting: 'baseline', message: 'baseline.date must be an ISO date' },
      { setting: 'response', message: 'response.atLeast must be a percentage in (0, 100]' },
      { setting: 'remission', message: 'unknown remission rule kind "never"' },
    ]);
  });

  it('needs a response rule before relapse can be judged', () => {
    expect(settingsErrors({ relapse: { kind: 'loss-of-response' }, response: null }, null)).toEqual([
      { setting: 'relapse', message: 'relapse (loss of response) needs a response rule' },
    ]);
  });
});

describe('seriesErrors', () => {
  it('reports bad dates, values outside the scale and an empty series', () => {
    expect(seriesErrors([indexed('2025-01-01', 12, 0)], 'phq9', phq9Total)).toEqual([]);
    expect(seriesErrors([indexed('yesterday', 28, 0)], 'phq9', phq9Total)).toEqual([
      { index: 0, message: 'score 0: "yesterday" is not an ISO date' },
      { index: 0, message: 'score 0: 28 is outside phq9 total 0–27' },
    ]);
    expect(seriesErrors([], 'phq9', phq9Total)).toEqual([
      { message: 'the series is empty: at least one score is needed' },
    ]);
  });
});
