import { describe, expect, it } from 'vitest';
import { openIntervals } from './open-intervals.js';
import { ALL_DAYS, at, HOUR, hoursOn, local, NY, utc } from './scheduling.test-helper.js';
import type { Interval } from './scheduling-types.js';

const localPairs = (list: Interval[], tz = NY) => list.map((i) => [local(i.start, tz), local(i.end, tz)]);
const dayOf = (date: string) => [at(`${date}T00:00`), at(`${date}T23:59`) + 60_000] as const;

describe('open intervals on the 2026 daylight-saving days (America/New_York)', () => {
  const hours = hoursOn(ALL_DAYS, '09:00', '17:00');

  it.each([
    // [date, UTC start, UTC end]: the same local hours, a different UTC hour after the change.
    ['2026-03-07', '2026-03-07T14:00', '2026-03-07T22:00'],
    ['2026-03-08', '2026-03-08T13:00', '2026-03-08T21:00'],
    ['2026-10-31', '2026-10-31T13:00', '2026-10-31T21:00'],
    ['2026-11-01', '2026-11-01T14:00', '2026-11-01T22:00'],
  ])('%s is open 09:00–17:00 local (%s–%s UTC)', (date, start, end) => {
    const [from, to] = dayOf(date);
    const open = openIntervals(hours, [], [], from, to, NY);
    expect(localPairs(open)).toEqual([[`${date}T09:00`, `${date}T17:00`]]);
    expect(open.map((i) => [utc(i.start), utc(i.end)])).toEqual([[start, end]]);
    expect(open[0]!.end - open[0]!.start).toBe(8 * HOUR);
  });

  it('moves a 02:30 opening forward on the spring day, as a wall clock would', () => {
    const [from, to] = dayOf('2026-03-08');
    const open = openIntervals([{ weekday: 7, opens: '02:30', closes: '06:00' }], [], [], from, to, NY);
    expect(localPairs(open)).toEqual([['2026-03-08T03:30', '2026-03-08T06:00']]);
    expect(utc(open[0]!.start)).toBe('2026-03-08T07:30');
  });

  it('keeps a whole-day opening as long as the day: 23 hours in spring, 25 in autumn', () => {
    for (const [date, hoursLong] of [
      ['2026-03-08', 23],
      ['2026-11-01', 25],
    ] as const) {
      const [from, to] = dayOf(date);
      const open = openIntervals([{ weekday: 7, opens: '00:00', closes: '24:00' }], [], [], from, to, NY);
      expect(open).toHaveLength(1);
      expect((open[0]!.end - open[0]!.start) / HOUR).toBe(hoursLong);
    }
  });
});

describe('open intervals', () => {
  const from = at('2026-03-02T00:00'); // a Monday
  const to = at('2026-03-09T00:00');

  it('joins split shifts that meet and keeps those that do not apart', () => {
    const hours = [
      { weekday: 1 as const, opens: '13:00', closes: '17:00' },
      { weekday: 1 as const, opens: '08:00', closes: '12:00' },
      { weekday: 2 as const, opens: '08:00', closes: '12:00' },
      { weekday: 2 as const, opens: '12:00', closes: '16:00' },
    ];
    expect(localPairs(openIntervals(hours, [], [], from, to, NY))).toEqual([
      ['2026-03-02T08:00', '2026-03-02T12:00'],
      ['2026-03-02T13:00', '2026-03-02T17:00'],
      ['2026-03-03T08:00', '2026-03-03T16:00'],
    ]);
  });

  it('leaves out closed days (inclusive) and time off', () => {
    const hours = hoursOn([1, 2, 3, 4, 5], '09:00', '17:00');
    const closures = [{ from: '2026-03-03', to: '2026-03-04', reason: 'training' }];
    const timeOff = [{ start: at('2026-03-05T12:00'), end: at('2026-03-05T13:00') }];
    expect(localPairs(openIntervals(hours, closures, timeOff, from, to, NY))).toEqual([
      ['2026-03-02T09:00', '2026-03-02T17:00'],
      ['2026-03-05T09:00', '2026-03-05T12:00'],
      ['2026-03-05T13:00', '2026-03-05T17:00'],
      ['2026-03-06T09:00', '2026-03-06T17:00'],
    ]);
  });

  it('clips to the window', () => {
    const hours = hoursOn([1], '09:00', '17:00');
    expect(
      localPairs(openIntervals(hours, [], [], at('2026-03-02T10:30'), at('2026-03-02T12:00'), NY)),
    ).toEqual([['2026-03-02T10:30', '2026-03-02T12:00']]);
  });

  it('ignores malformed and overnight entries and answers nothing for an unknown zone', () => {
    const bad = [
      { weekday: 1 as const, opens: '9:00', closes: '17:00' },
      { weekday: 1 as const, opens: '22:00', closes: '06:00' },
      { weekday: 8 as never, opens: '09:00', closes: '17:00' },
    ];
    expect(openIntervals(bad, [], [], from, to, NY)).toEqual([]);
    expect(openIntervals(hoursOn([1], '09:00', '17:00'), [], [], from, to, 'Mars/Olympus')).toEqual([]);
    expect(openIntervals(hoursOn([1], '09:00', '17:00'), [], [], to, from, NY)).toEqual([]);
  });
});
