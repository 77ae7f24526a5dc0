import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { federalHolidayDatesAround, federalHolidays } from './federal-holidays.js';
import { lossReportDeadlines } from './significant-loss.js';

// The Office of Personnel Management's published federal holiday calendars (opm.gov, "Federal Holidays").
const OPM: Record<number, string[]> = {
  2021: [
    '2021-01-01',
    '2021-01-18',
    '2021-02-15',
    '2021-05-31',
    '2021-06-18',
    '2021-07-05',
    '2021-09-06',
    '2021-10-11',
    '2021-11-11',
    '2021-11-25',
    '2021-12-24',
    '2021-12-31',
  ],
  2026: [
    '2026-01-01',
    '2026-01-19',
    '2026-02-16',
    '2026-05-25',
    '2026-06-19',
    '2026-07-03',
    '2026-09-07',
    '2026-10-12',
    '2026-11-11',
    '2026-11-26',
    '2026-12-25',
  ],
  2027: [
    '2027-01-01',
    '2027-01-18',
    '2027-02-15',
    '2027-05-31',
    '2027-06-18',
    '2027-07-05',
    '2027-09-06',
    '2027-10-11',
    '2027-11-11',
    '2027-11-25',
    '2027-12-24',
    '2027-12-31',
  ],
};

describe('federal holidays', () => {
  it.each(Object.entries(OPM))('matches the published calendar for %s', (year, dates) => {
    expect(federalHolidays(Number(year)).map((h) => h.date)).toEqual(dates);
  });

  it('observes 1 January 2022 (a Saturday) on Friday 31 December 2021, not in 2022', () => {
    expect(federalHolidays(2021).at(-1)).toEqual({ date: '2021-12-31', name: "New Year's Day" });
    expect(federalHolidays(2022).map((h) => h.date)).not.toContain('2022-01-01');
  });

  it('has Juneteenth only from 2021', () => {
    expect(federalHolidays(2020).map((h) => h.name)).not.toContain('Juneteenth National Independence Day');
    expect(federalHolidays(2020)).toHaveLength(10);
  });

  it('never falls on a weekend, and has 9 to 12 days a year (a Saturday 1 January belongs to the year before)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1972, max: 2200 }), (year) => {
        const days = federalHolidays(year);
        expect(days.length).toBeGreaterThanOrEqual(9);
        expect(days.length).toBeLessThanOrEqual(12);
        for (const h of days) expect([0, 6]).not.toContain(new Date(`${h.date}T00:00:00Z`).getUTCDay());
      }),
    );
  });

  it('moves the written-notice deadline past a holiday', () => {
    // Discovered Wednesday 25 November 2026: Thanksgiving is the 26th, so notice is due Friday the 27th.
    const holidays = federalHolidayDatesAround('2026-11-25');
    expect(lossReportDeadlines('2026-11-25', holidays).writtenNoticeBy).toBe('2026-11-27');
    // Discovered Thursday 2 July 2026: Independence Day is observed Friday the 3rd → Monday 6 July.
    expect(lossReportDeadlines('2026-07-02', holidays).writtenNoticeBy).toBe('2026-07-06');
    // Discovered Thursday 30 December 2027: the 31st is New Year's Day observed → Monday 3 January 2028.
    expect(lossReportDeadlines('2027-12-30', federalHolidayDatesAround('2027-12-30')).writtenNoticeBy).toBe(
      '2028-01-03',
    );
  });
});
