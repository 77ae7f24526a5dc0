import { describe, expect, it } from 'vitest';
import {
  addDays,
  clockOf,
  daysBetween,
  isCalendarDate,
  isoWeekday,
  minutesOfDay,
  wallToInstant,
  weekStart,
} from './wall-time';

describe('calendar dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    // The day clocks change in New York is still one calendar day.
    expect(addDays('2024-03-09', 2)).toBe('2024-03-11');
  });

  it('numbers weekdays 1 (Monday) to 7 (Sunday) and finds the Monday of the week', () => {
    expect(isoWeekday('2024-03-04')).toBe(1);
    expect(isoWeekday('2024-03-10')).toBe(7);
    expect(weekStart('2024-03-10')).toBe('2024-03-04');
    expect(weekStart('2024-03-04')).toBe('2024-03-04');
    expect(weekStart('2025-01-01')).toBe('2024-12-30');
  });

  it('counts whole days between dates and knows a real date', () => {
    expect(daysBetween('2024-03-05', '2024-03-12')).toBe(7);
    expect(daysBetween('2024-03-12', '2024-03-05')).toBe(-7);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-3-5')).toBe(false);
  });

  it('reads and writes clock times', () => {
    expect(minutesOfDay('2024-03-05T09:15')).toBe(555);
    expect(minutesOfDay('24:00')).toBe(1440);
    expect(clockOf(555)).toBe('09:15');
    expect(clockOf(0)).toBe('00:00');
  });
});

describe('wallToInstant', () => {
  it.each([
    ['2024-01-15T09:00', 'America/New_York', '2024-01-15T14:00:00.000Z'],
    ['2024-07-15T09:00', 'America/New_York', '2024-07-15T13:00:00.000Z'],
    ['2024-07-15T09:00', 'Europe/London', '2024-07-15T08:00:00.000Z'],
    ['2024-07-15T09:00', 'Asia/Kolkata', '2024-07-15T03:30:00.000Z'],
    ['2024-07-15T09:00', 'Australia/Sydney', '2024-07-14T23:00:00.000Z'],
    // Either side of the spring change in New York (02:00 EST → 03:00 EDT on 10 March 2024).
    ['2024-03-10T01:00', 'America/New_York', '2024-03-10T06:00:00.000Z'],
    ['2024-03-10T10:00', 'America/New_York', '2024-03-10T14:00:00.000Z'],
    // The skipped hour is read with the offset before the change: 02:30 EST is 03:30 EDT.
    ['2024-03-10T02:30', 'America/New_York', '2024-03-10T07:30:00.000Z'],
    // The repeated hour in autumn is its first occurrence (EDT).
    ['2024-11-03T01:30', 'America/New_York', '2024-11-03T05:30:00.000Z'],
    ['2024-11-03T09:00', 'America/New_York', '2024-11-03T14:00:00.000Z'],
  ])('%s in %s is %s', (local, zone, iso) => {
    expect(wallToInstant(local, zone)).toBe(iso);
  });
});
