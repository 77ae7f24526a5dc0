import { describe, expect, it } from 'vitest';
import {
  clinicNow,
  dobWithAge,
  formatDayLong,
  formatDayShort,
  formatWallDateTime,
  formatWallTime,
  formatWallWeekdayDateTime,
  formatDate,
  formatDateTime,
  formatRelativeAge,
  fullName,
  setClinicTimeZone,
  todayIso,
  type DisplayZone,
} from './format';

const newYork: DisplayZone = { locale: 'en-US', timeZone: 'America/New_York' };
const london: DisplayZone = { locale: 'en-GB', timeZone: 'Europe/London' };

describe('format helpers', () => {
  it('counts age up to the local day', () => {
    expect(dobWithAge('1980-06-15', '2025-06-14', newYork)).toBe('Jun 15, 1980 (44 y)');
    expect(dobWithAge('1980-06-15', '2025-06-15', newYork)).toBe('Jun 15, 1980 (45 y)');
    // A date of birth is a calendar date: the same day in every zone.
    expect(dobWithAge('1980-06-15', '2025-06-15', { locale: 'en-GB', timeZone: 'Pacific/Kiritimati' })).toBe(
      '15 Jun 1980 (45 y)',
    );
  });
  it('formats today in local time', () => {
    expect(todayIso(new Date(2024, 0, 5, 23, 30))).toBe('2024-01-05');
  });
  it('puts the family name first', () => {
    expect(fullName({ legalGivenName: 'Ada', legalFamilyName: 'Lovelace' })).toBe('Lovelace, Ada');
  });
});

describe('formatDateTime: one date-time format in the clinic locale and time zone', () => {
  it.each([
    ['2024-03-05T15:20:00Z', newYork, 'Mar 5, 2024, 10:20 AM'],
    // Late evening UTC is the next day in neither zone; early UTC is the previous day in New York.
    ['2024-03-06T02:30:00Z', newYork, 'Mar 5, 2024, 9:30 PM'],
    ['2024-03-06T02:30:00Z', london, '6 Mar 2024, 02:30'],
    // Daylight saving time in both zones.
    ['2024-07-01T12:00:00.000Z', newYork, 'Jul 1, 2024, 8:00 AM'],
    ['2024-07-01T12:00:00.000Z', london, '1 Jul 2024, 13:00'],
  ])('%s in %o → %s', (iso, zone, expected) => {
    expect(formatDateTime(iso, zone).replace(/\u202f/g, ' ')).toBe(expected);
  });

  it.each([[''], ['not a date'], [null], [undefined]])(
    '%o → an empty or verbatim value, never "Invalid Date"',
    (v) => {
      const out = formatDateTime(v, newYork);
      expect(out).not.toMatch(/Invalid/);
      expect(out).toBe(typeof v === 'string' ? v : '');
    },
  );
});

describe('formatDate: a date without a time', () => {
  it.each([
    ['2024-03-06T02:30:00Z', newYork, 'Mar 5, 2024'],
    ['2024-03-06T02:30:00Z', london, '6 Mar 2024'],
    // A calendar date (no time) is that day everywhere, not shifted by the zone.
    ['2024-03-06', newYork, 'Mar 6, 2024'],
    ['1980-02-03', london, '3 Feb 1980'],
  ])('%s in %o → %s', (iso, zone, expected) => {
    expect(formatDate(iso, zone)).toBe(expected);
  });
});

describe('formatRelativeAge: how long ago', () => {
  const now = new Date('2024-03-10T12:00:00Z');
  it.each([
    ['2024-03-10T11:59:40Z', 'now'],
    ['2024-03-10T11:55:00Z', '5 minutes ago'],
    ['2024-03-10T09:00:00Z', '3 hours ago'],
    ['2024-03-09T11:00:00Z', 'yesterday'],
    ['2024-03-01T12:00:00Z', '9 days ago'],
    ['2023-12-10T12:00:00Z', '3 months ago'],
    ['2022-03-10T12:00:00Z', '2 years ago'],
    ['2024-03-10T14:00:00Z', 'in 2 hours'],
  ])('%s → %s', (iso, expected) => {
    expect(formatRelativeAge(iso, now, newYork)).toBe(expected);
  });
});

describe('the clinic zone every screen uses', () => {
  it("shows an instant in the signed-in clinic's zone, whatever the device's, and forgets it at sign-out", () => {
    // 20:30 UTC on the day US clocks move forward: 1:30 PM in Los Angeles (PDT), the next morning in Tokyo.
    const instant = '2026-03-08T20:30:00Z';
    try {
      setClinicTimeZone('America/Los_Angeles');
      expect(formatDateTime(instant)).toMatch(/Mar 8, 2026.*1:30/);
      setClinicTimeZone('Asia/Tokyo');
      expect(formatDateTime(instant)).toMatch(/5:30/);
      expect(formatDate(instant)).toMatch(/Mar 9, 2026|9 Mar 2026/);
    } finally {
      setClinicTimeZone(undefined);
    }
    expect(formatDateTime(instant)).toBe(formatDateTime(instant, {}));
  });
});

describe('clinic wall times: shown as the API gives them, whatever the device zone', () => {
  const us: DisplayZone = { locale: 'en-US', timeZone: 'Pacific/Kiritimati' };
  const gb: DisplayZone = { locale: 'en-GB' };
  it('formats a wall time or clock time without moving it', () => {
    expect(formatWallTime('2024-03-05T09:00', us)).toBe('9:00 AM');
    expect(formatWallTime('21:30', us)).toBe('9:30 PM');
    expect(formatWallTime('2024-03-05T09:00', gb)).toBe('09:00');
    expect(formatWallDateTime('2024-03-10T02:30', us)).toBe('Mar 10, 2024, 2:30 AM');
    expect(formatWallWeekdayDateTime('2024-03-05T14:05', us)).toBe('Tue, Mar 5, 2024, 2:05 PM');
    expect(formatWallTime('not a time', us)).toBe('not a time');
  });
  it('names days', () => {
    expect(formatDayShort('2024-03-05', us)).toBe('Tue, Mar 5');
    expect(formatDayLong('2024-03-05', us)).toBe('Tuesday, March 5, 2024');
  });
  it("reads now on the clinic's clock", () => {
    const instant = new Date('2024-03-06T02:30:00Z');
    expect(clinicNow(instant, newYork)).toEqual({ date: '2024-03-05', time: '21:30' });
    expect(clinicNow(instant, london)).toEqual({ date: '2024-03-06', time: '02:30' });
    expect(clinicNow(new Date('2024-03-06T00:05:00Z'), { timeZone: 'UTC' })).toEqual({
      date: '2024-03-06',
      time: '00:05',
    });
  });
});
