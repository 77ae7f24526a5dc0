import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addClinicDays,
  clinicDateOf,
  clinicDayBounds,
  clinicLocalToInstant,
  instantToClinicLocal,
  isTimeZone,
} from './clinic-time';

const NY = 'America/New_York';

const iso = (instant: Temporal.Instant) => instant.toString();
const hours = (bounds: { start: Temporal.Instant; end: Temporal.Instant }) =>
  bounds.start.until(bounds.end, { largestUnit: 'hours' }).total('hours');

describe('clinic-local time at the 2026 US daylight-saving changes (America/New_York)', () => {
  it.each([
    // [local, disambiguation, instant]
    ['2026-03-07T09:00', 'compatible', '2026-03-07T14:00:00Z'], // EST, UTC−5
    ['2026-03-08T09:00', 'compatible', '2026-03-08T13:00:00Z'], // EDT, UTC−4
    ['2026-03-08T01:59', 'compatible', '2026-03-08T06:59:00Z'],
    ['2026-03-08T03:00', 'compatible', '2026-03-08T07:00:00Z'],
    // 02:30 does not exist on 8 March: the clocks go from 01:59 to 03:00.
    ['2026-03-08T02:30', 'compatible', '2026-03-08T07:30:00Z'], // shown as 03:30
    ['2026-03-08T02:30', 'later', '2026-03-08T07:30:00Z'],
    ['2026-03-08T02:30', 'earlier', '2026-03-08T06:30:00Z'], // shown as 01:30
    // 01:30 happens twice on 1 November: first in EDT, then again in EST.
    ['2026-11-01T01:30', 'compatible', '2026-11-01T05:30:00Z'],
    ['2026-11-01T01:30', 'earlier', '2026-11-01T05:30:00Z'],
    ['2026-11-01T01:30', 'later', '2026-11-01T06:30:00Z'],
    ['2026-11-01T09:00', 'compatible', '2026-11-01T14:00:00Z'], // EST again
  ] as const)('%s (%s) is %s', (local, disambiguation, instant) => {
    expect(iso(clinicLocalToInstant(local, NY, disambiguation))).toBe(instant);
  });

  it('refuses a skipped or repeated wall time when asked to', () => {
    expect(() => clinicLocalToInstant('2026-03-08T02:30', NY, 'reject')).toThrow(RangeError);
    expect(() => clinicLocalToInstant('2026-11-01T01:30', NY, 'reject')).toThrow(RangeError);
    expect(iso(clinicLocalToInstant('2026-11-01T03:30', NY, 'reject'))).toBe('2026-11-01T08:30:00Z');
  });

  it.each([
    ['2026-03-08T06:59:00Z', '2026-03-08T01:59'],
    ['2026-03-08T07:00:00Z', '2026-03-08T03:00'],
    ['2026-11-01T05:30:00Z', '2026-11-01T01:30'],
    ['2026-11-01T06:30:00Z', '2026-11-01T01:30'],
    ['2026-11-01T14:00:59.999Z', '2026-11-01T09:00'],
  ])('the instant %s is %s on the clinic clock', (instant, local) => {
    expect(instantToClinicLocal(instant, NY)).toBe(local);
  });

  it('keeps a daily 09:00 appointment at 09:00 across both changes', () => {
    for (const first of ['2026-03-06T09:00', '2026-10-30T09:00']) {
      const start = clinicLocalToInstant(first, NY);
      const series = [0, 1, 2, 3, 4].map((n) => addClinicDays(start, n, NY));
      expect(series.map((i) => instantToClinicLocal(i, NY).slice(11))).toEqual(Array(5).fill('09:00'));
      const gaps = series.slice(1).map((i, n) => series[n]!.until(i).total('hours'));
      expect(gaps).toEqual(first.startsWith('2026-03') ? [24, 23, 24, 24] : [24, 25, 24, 24]);
    }
    expect(iso(addClinicDays('2026-03-09T13:00:00Z', -2, NY))).toBe('2026-03-07T14:00:00Z');
  });

  it('moves a daily 02:30 appointment past the spring gap for that day only', () => {
    const first = clinicLocalToInstant('2026-03-07T02:30', NY);
    const local = [0, 1, 2].map((n) => instantToClinicLocal(addClinicDays(first, n, NY), NY));
    expect(local).toEqual(['2026-03-07T02:30', '2026-03-08T03:30', '2026-03-09T02:30']);
    const fallBack = clinicLocalToInstant('2026-10-31T01:30', NY);
    expect(iso(addClinicDays(fallBack, 1, NY))).toBe('2026-11-01T05:30:00Z');
    expect(iso(addClinicDays(fallBack, 2, NY))).toBe('2026-11-02T06:30:00Z');
  });

  it.each([
    ['2026-03-07', '2026-03-07T05:00:00Z', '2026-03-08T05:00:00Z', 24],
    ['2026-03-08', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 23],
    ['2026-03-09', '2026-03-09T04:00:00Z', '2026-03-10T04:00:00Z', 24],
    ['2026-11-01', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', 25],
  ])('the clinic day %s runs from %s to %s (%i hours)', (date, start, end, length) => {
    const bounds = clinicDayBounds(date, NY);
    expect([iso(bounds.start), iso(bounds.end)]).toEqual([start, end]);
    expect(hours(bounds)).toBe(length);
    expect(clinicDateOf(bounds.start, NY)).toBe(date);
    expect(clinicDateOf(bounds.end.subtract({ nanoseconds: 1 }), NY)).toBe(date);
  });

  it('starts a day at the first moment that exists where a change skips midnight', () => {
    // Chile moved its clocks from 00:00 to 01:00 on 2022-09-11.
    const bounds = clinicDayBounds('2022-09-11', 'America/Santiago');
    expect(instantToClinicLocal(bounds.start, 'America/Santiago')).toBe('2022-09-11T01:00');
    expect(hours(bounds)).toBe(23);
  });

  it('rejects malformed times, dates and zones', () => {
    expect(() => clinicLocalToInstant('2026-02-30T09:00', NY)).toThrow(RangeError);
    expect(() => clinicLocalToInstant('2026-03-08 09:00', NY)).toThrow(RangeError);
    expect(() => clinicLocalToInstant('2026-03-08T09:00:00', NY)).toThrow(RangeError);
    expect(() => clinicLocalToInstant('2026-03-08T09:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => clinicDayBounds('2026-3-8', NY)).toThrow(RangeError);
    expect(() => addClinicDays('2026-03-08T13:00:00Z', 1.5, NY)).toThrow(RangeError);
    expect(isTimeZone(NY)).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('clinic-local time properties', () => {
  const zones = [
    'America/New_York',
    'America/Chicago',
    'America/Denver',
    'America/Phoenix',
    'America/Los_Angeles',
    'America/Anchorage',
    'Pacific/Honolulu',
    'America/Santiago',
    'Europe/London',
    'Europe/Berlin',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'UTC',
  ];
  const zone = fc.constantFrom(...zones);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const localTime = fc
    .record({
      year: fc.integer({ min: 2000, max: 2040 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
    })
    .map(
      ({ year, month, day, hour, minute }) => `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`,
    );
  // Whole minutes between 2000 and 2040.
  const instant = fc
    .integer({ min: 15_778_080, max: 36_820_800 })
    .map((minutes) => Temporal.Instant.fromEpochMilliseconds(minutes * 60_000));
  const exists = (local: string, tz: string) => {
    try {
      clinicLocalToInstant(local, tz, 'reject');
      return true;
    } catch {
      // Skipped (or repeated): only a skipped time fails to round-trip below.
      return instantToClinicLocal(clinicLocalToInstant(local, tz, 'earlier'), tz) === local;
    }
  };

  it('reads every existing wall time back unchanged; only skipped ones move, and forward', () => {
    fc.assert(
      fc.property(localTime, zone, (local, tz) => {
        const back = instantToClinicLocal(clinicLocalToInstant(local, tz), tz);
        if (exists(local, tz)) expect(back).toBe(local);
        else expect(back > local).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('finds every instant again from its wall time (one of the two readings of a repeated time)', () => {
    fc.assert(
      fc.property(instant, zone, (i, tz) => {
        const local = instantToClinicLocal(i, tz);
        const earlier = clinicLocalToInstant(local, tz, 'earlier');
        const later = clinicLocalToInstant(local, tz, 'later');
        expect(earlier.equals(i) || later.equals(i)).toBe(true);
        expect(Temporal.Instant.compare(earlier, later)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('adds days keeping the wall-clock time whenever that time exists on the target day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -400, max: 400 }), zone, (i, days, tz) => {
        const local = instantToClinicLocal(i, tz);
        const expected = Temporal.PlainDateTime.from(local)
          .add({ days })
          .toString({ smallestUnit: 'minute' });
        const got = instantToClinicLocal(addClinicDays(i, days, tz), tz);
        if (exists(expected, tz)) expect(got).toBe(expected);
        else expect(got > expected).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('places every instant inside its clinic day, and days tile without gaps', () => {
    fc.assert(
      fc.property(instant, zone, (i, tz) => {
        const date = clinicDateOf(i, tz);
        const bounds = clinicDayBounds(date, tz);
        expect(Temporal.Instant.compare(bounds.start, i)).toBeLessThanOrEqual(0);
        expect(Temporal.Instant.compare(i, bounds.end)).toBeLessThan(0);
        const next = Temporal.PlainDate.from(date).add({ days: 1 }).toString();
        expect(clinicDayBounds(next, tz).start.equals(bounds.end)).toBe(true);
        const length = hours(bounds);
        expect(length).toBeGreaterThanOrEqual(23);
        expect(length).toBeLessThanOrEqual(25);
      }),
      { numRuns: 500 },
    );
  });
});
