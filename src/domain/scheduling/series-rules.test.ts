import { describe, expect, it } from 'vitest';
import { DEFAULT_SERIES_RULES } from './default-appointment-types.js';
import { at, NY } from './scheduling.test-helper.js';
import { checkSeriesRules, checkSeriesRuleValues, mayAdd } from './series-rules.js';

/** The default rules without the count, for courses of any length. */
const { count: _count, source: _source, ...rules } = DEFAULT_SERIES_RULES;
const nineOn = (dates: string[]) => dates.map((d) => at(`${d}T09:00`));
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('induction course rules (6 sessions, 2–3 a week, 1 free day between, within 21 days)', () => {
  it('accepts Monday–Wednesday–Friday for two weeks (Murrough 2013) and twice a week for three (ELEKT-D)', () => {
    const mwf = nineOn(['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-11', '2026-03-13']);
    const twice = nineOn([
      '2026-03-02',
      '2026-03-05',
      '2026-03-09',
      '2026-03-12',
      '2026-03-16',
      '2026-03-19',
    ]);
    expect(checkSeriesRules(mwf, DEFAULT_SERIES_RULES, NY)).toEqual([]);
    expect(checkSeriesRules(twice, DEFAULT_SERIES_RULES, NY)).toEqual([]);
    expect(checkSeriesRules([...twice].reverse(), DEFAULT_SERIES_RULES, NY)).toEqual([]);
  });

  it('counts days between on the clinic calendar: consecutive days have none', () => {
    const problems = checkSeriesRules(nineOn(['2026-03-02', '2026-03-03']), rules, NY);
    expect(problems).toEqual([
      {
        field: 'rules.minDaysBetween',
        message:
          'sessions 1 and 2 (2026-03-02 and 2026-03-03) have 0 days between them; at least 1 day must be left between sessions',
      },
    ]);
    expect(
      checkSeriesRules(nineOn(['2026-03-02', '2026-03-03']), { ...rules, minDaysBetween: 0 }, NY),
    ).toEqual([]);
    expect(
      fields(
        checkSeriesRules(
          [at('2026-03-02T09:00'), at('2026-03-02T15:00')],
          { ...rules, minDaysBetween: 0 },
          NY,
        ),
      ),
    ).toEqual(['rules.minDaysBetween']);
  });

  it('takes the calendar day in the clinic’s zone, not in UTC', () => {
    // 20:00 in New York on 2 March is already 3 March in UTC.
    const starts = [at('2026-03-02T20:00'), at('2026-03-04T08:00')];
    expect(checkSeriesRules(starts, rules, NY)).toEqual([]);
    expect(fields(checkSeriesRules(starts, rules, 'UTC'))).toEqual(['rules.minDaysBetween']);
  });

  it('limits sessions per week, weeks counted from the first session', () => {
    const four = nineOn(['2026-03-04', '2026-03-06', '2026-03-08', '2026-03-10']);
    expect(checkSeriesRules(four, rules, NY)).toEqual([
      {
        field: 'rules.maxPerWeek',
        message: 'week 1 (2026-03-04 to 2026-03-10) has 4 sessions; the most allowed is 3',
      },
    ]);
  });

  it('needs the minimum in every week before the last one', () => {
    const thin = nineOn(['2026-03-02', '2026-03-09', '2026-03-11', '2026-03-16']);
    expect(checkSeriesRules(thin, rules, NY)).toEqual([
      {
        field: 'rules.minPerWeek',
        message: 'week 1 (2026-03-02 to 2026-03-08) has 1 session; at least 2 are needed',
      },
    ]);
    const gap = nineOn(['2026-03-02', '2026-03-04', '2026-03-16', '2026-03-18']);
    expect(fields(checkSeriesRules(gap, rules, NY))).toEqual(['rules.minPerWeek']);
  });

  it('limits the span from the first to the last session', () => {
    const long = nineOn([
      '2026-03-02',
      '2026-03-04',
      '2026-03-09',
      '2026-03-11',
      '2026-03-16',
      '2026-03-18',
      '2026-03-23',
      '2026-03-25',
    ]);
    expect(checkSeriesRules(long, DEFAULT_SERIES_RULES, NY)).toEqual([
      { field: 'count', message: 'the course has 8 sessions; it should have 6' },
      {
        field: 'rules.maxSpanDays',
        message: 'the first to the last session is 23 days; the most allowed is 21',
      },
    ]);
  });

  it('checks the rule values and the zone before the sessions', () => {
    expect(
      fields(checkSeriesRuleValues({ minPerWeek: 4, maxPerWeek: 3, minDaysBetween: -1, maxSpanDays: 1.5 })),
    ).toEqual(['rules.maxPerWeek', 'rules.minDaysBetween', 'rules.maxSpanDays']);
    expect(fields(checkSeriesRules([0], rules, 'Nowhere/Zone'))).toEqual(['timeZone']);
    expect(fields(checkSeriesRules([Number.NaN], rules, NY))).toEqual(['starts']);
  });

  it('lets a session follow only where every rule still holds', () => {
    expect(mayAdd([], '2026-03-02', rules)).toBe(true);
    expect(mayAdd(['2026-03-02'], '2026-03-03', rules)).toBe(false);
    expect(mayAdd(['2026-03-02'], '2026-03-04', rules)).toBe(true);
    expect(mayAdd(['2026-03-02', '2026-03-04', '2026-03-06'], '2026-03-08', rules)).toBe(false);
    expect(mayAdd(['2026-03-02', '2026-03-04', '2026-03-06'], '2026-03-09', rules)).toBe(true);
    expect(mayAdd(['2026-03-02'], '2026-03-24', rules)).toBe(false);
  });
});
