import { describe, expect, it } from 'vitest';
import { DEFAULT_SERIES_RULES } from './default-appointment-types.js';
import { proposeSeries } from './propose-series.js';
import { at, booking, chairs, hoursOn, infusionContext, utc, WEEKDAYS } from './scheduling.test-helper.js';
import type { SeriesProposal, SeriesRequest } from './scheduling-types.js';

const course = (overrides: Partial<SeriesRequest> = {}): SeriesRequest => ({
  ...infusionContext(),
  count: 6,
  rules: DEFAULT_SERIES_RULES,
  startDate: '2026-03-02', // a Monday
  ...overrides,
});

function sessions(req: SeriesRequest): SeriesProposal['sessions'] {
  const result = proposeSeries(req);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value.sessions;
}

const starts = (req: SeriesRequest) => sessions(req).map((s) => s.localStart);

describe('proposeSeries across daylight-saving changes (America/New_York)', () => {
  it('keeps a 09:00 course at 09:00 local over the spring change; the UTC hour moves', () => {
    const list = sessions(course({ preferredWeekdays: [1, 3, 5], preferredTime: '09:00' }));
    expect(list.map((s) => [s.localStart, utc(s.start)])).toEqual([
      ['2026-03-02T09:00', '2026-03-02T14:00'],
      ['2026-03-04T09:00', '2026-03-04T14:00'],
      ['2026-03-06T09:00', '2026-03-06T14:00'],
      ['2026-03-09T09:00', '2026-03-09T13:00'],
      ['2026-03-11T09:00', '2026-03-11T13:00'],
      ['2026-03-13T09:00', '2026-03-13T13:00'],
    ]);
    expect(list.every((s) => s.end - s.start === 70 * 60_000)).toBe(true);
  });

  it('keeps a 09:00 course at 09:00 local over the autumn change; the UTC hour moves back', () => {
    const list = sessions(
      course({ startDate: '2026-10-26', preferredWeekdays: [1, 3, 5], preferredTime: '09:00' }),
    );
    expect(list.map((s) => [s.localStart, utc(s.start)])).toEqual([
      ['2026-10-26T09:00', '2026-10-26T13:00'],
      ['2026-10-28T09:00', '2026-10-28T13:00'],
      ['2026-10-30T09:00', '2026-10-30T13:00'],
      ['2026-11-02T09:00', '2026-11-02T14:00'],
      ['2026-11-04T09:00', '2026-11-04T14:00'],
      ['2026-11-06T09:00', '2026-11-06T14:00'],
    ]);
  });
});

describe('proposeSeries', () => {
  it('without preferences takes the earliest slot of every allowed day: Monday–Wednesday–Friday', () => {
    expect(starts(course())).toEqual([
      '2026-03-02T08:00',
      '2026-03-04T08:00',
      '2026-03-06T08:00',
      '2026-03-09T08:00',
      '2026-03-11T08:00',
      '2026-03-13T08:00',
    ]);
  });

  it('keeps to preferred weekdays when the rules allow: twice a week for three weeks', () => {
    const list = sessions(course({ preferredWeekdays: [1, 4], preferredTime: '13:00' }));
    expect(list.map((s) => s.localStart)).toEqual([
      '2026-03-02T13:00',
      '2026-03-05T13:00',
      '2026-03-09T13:00',
      '2026-03-12T13:00',
      '2026-03-16T13:00',
      '2026-03-19T13:00',
    ]);
    expect(list.every((s) => s.onPreferredWeekday)).toBe(true);
  });

  it('falls back to other weekdays when preferred ones alone would break the weekly minimum', () => {
    const list = sessions(course({ preferredWeekdays: [2] }));
    expect(list[0]!.localStart).toBe('2026-03-03T08:00');
    expect(list.some((s) => !s.onPreferredWeekday)).toBe(true);
    expect(list).toHaveLength(6);
  });

  it('takes the free slot nearest the preferred time when that time is taken', () => {
    const wednesday = at('2026-03-04T09:00');
    const taken = [1, 2].map((n) =>
      booking(`w${n}`, wednesday, 70, { roomId: `chair-${n}`, usesNurse: true }),
    );
    const list = starts(course({ preferredWeekdays: [1, 3, 5], preferredTime: '09:00', bookings: taken }));
    // Before 09:00 a 70-minute infusion would run into the bookings; 10:15 is the next grid time after 10:10.
    expect(list[1]).toBe('2026-03-04T10:15');
  });

  it('lets each proposed session hold its chair for the next ones and keeps clear of bookings', () => {
    const list = sessions(
      course({
        rooms: chairs(1),
        preferredTime: '08:00',
        bookings: [booking('x', at('2026-03-04T08:00'), 60, { roomId: 'chair-1' })],
      }),
    );
    expect(list[1]!.localStart).toBe('2026-03-04T09:00');
  });

  it('starts no earlier than notBefore', () => {
    expect(starts(course({ notBefore: at('2026-03-02T15:01') }))[0]).toBe('2026-03-02T15:15');
  });

  it('names why a course does not fit: too few open days', () => {
    const result = proposeSeries(course({ clinicHours: hoursOn([1], '08:00', '17:00') }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toEqual({
      field: 'count',
      message:
        'only 4 of 6 sessions fit within 21 days of the first (2026-03-02), with at most 3 a week and at least 1 free day between sessions',
    });
    expect(result.problems.slice(1).map((p) => p.field)).toEqual([
      'rules.minPerWeek',
      'rules.minPerWeek',
      'rules.minPerWeek',
    ]);
  });

  it('names why a course does not fit: a closed week breaks the weekly minimum', () => {
    const result = proposeSeries(
      course({ closures: [{ from: '2026-03-09', to: '2026-03-15', reason: 'closed' }] }),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: 'rules.minPerWeek',
          message: 'week 2 (2026-03-09 to 2026-03-15) has 0 sessions; at least 2 are needed',
        },
      ],
    });
  });

  it('says so when there is no slot at all', () => {
    expect(proposeSeries(course({ staff: [] }))).toEqual({
      ok: false,
      problems: [
        {
          field: 'startDate',
          message: 'no free slot for this appointment type in the 14 days from 2026-03-02',
        },
      ],
    });
  });

  it('returns problems for bad input instead of throwing', () => {
    const result = proposeSeries(
      course({
        count: 0,
        startDate: '2026-02-30',
        preferredTime: '9am',
        preferredWeekdays: [8 as never],
        rules: { ...DEFAULT_SERIES_RULES, maxPerWeek: 0 },
        clinicHours: hoursOn(WEEKDAYS, '17:00', '08:00'),
      }),
    );
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual([
      'clinicHours[0].closes',
      'clinicHours[1].closes',
      'clinicHours[2].closes',
      'clinicHours[3].closes',
      'clinicHours[4].closes',
      'rules.maxPerWeek',
      'count',
      'startDate',
      'preferredWeekdays',
      'preferredTime',
    ]);
  });
});
