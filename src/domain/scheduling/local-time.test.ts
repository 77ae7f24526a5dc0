import { describe, expect, it } from 'vitest';
import {
  addDays,
  createLocalClock,
  daysBetween,
  formatHhMm,
  isLocalDate,
  parseHhMm,
  weekdayOf,
} from './local-time.js';
import { NY, utc } from './scheduling.test-helper.js';

describe('HH:MM', () => {
  it.each([
    ['00:00', 0],
    ['09:15', 555],
    ['23:59', 1439],
  ])('%s is minute %i', (text, minutes) => {
    expect(parseHhMm(text)).toBe(minutes);
    expect(formatHhMm(minutes)).toBe(text);
  });

  it.each(['24:00', '9:00', '09:60', '25:00', '', '09:00:00'])('refuses %j', (text) => {
    expect(parseHhMm(text)).toBeNull();
  });

  it('takes 24:00 only as a closing time', () => {
    expect(parseHhMm('24:00', true)).toBe(1440);
    expect(parseHhMm('24:01', true)).toBeNull();
  });
});

describe('calendar dates', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-02', 21, '2026-03-23'],
  ])('%s + %i days is %s', (date, days, result) => {
    expect(addDays(date, days)).toBe(result);
    expect(daysBetween(date, result)).toBe(days);
  });

  it.each([
    ['2026-03-02', 1],
    ['2026-03-08', 7],
    ['2026-12-08', 2],
    ['1969-12-31', 3],
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it('knows real dates', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-3-1')).toBe(false);
  });
});

describe('the clinic clock', () => {
  const clock = createLocalClock(NY);

  it('converts wall-clock times by the zone rules on both sides of a change', () => {
    expect(utc(clock.instant('2026-03-07', 9 * 60))).toBe('2026-03-07T14:00');
    expect(utc(clock.instant('2026-03-08', 9 * 60))).toBe('2026-03-08T13:00');
    // 02:30 does not exist on 8 March: it moves forward to 03:30 EDT.
    expect(clock.localOf(clock.instant('2026-03-08', 150))).toBe('2026-03-08T03:30');
  });

  it('reads 24:00 as the next day’s midnight', () => {
    expect(clock.instant('2026-03-08', 1440)).toBe(clock.instant('2026-03-09', 0));
  });

  it('gives the clinic-local date of an instant', () => {
    expect(clock.dateOf(Date.parse('2026-03-09T03:59:00Z'))).toBe('2026-03-08');
    expect(clock.dateOf(Date.parse('2026-03-09T04:00:00Z'))).toBe('2026-03-09');
  });
});
