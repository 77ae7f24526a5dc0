import type { LocalDate, SourceRef } from './ledger-types.js';

/**
 * US federal holidays (docs/clinical-sources.md#us-federal-holidays), as observed: "within one business
 * day" of discovering a theft or significant loss skips weekends and these days. The legal public holidays
 * are 5 U.S.C. 6103(a): fixed dates (New Year's Day, Juneteenth from 2021, Independence Day, Veterans Day,
 * Christmas) and Monday/Thursday rules (Martin Luther King Jr., Washington's Birthday, Memorial Day, Labor
 * Day, Columbus Day, Thanksgiving). A fixed date on a Saturday is observed the Friday before, on a Sunday the
 * Monday after (5 U.S.C. 6103(b); Executive Order 11582) — so 1 January on a Saturday is observed on
 * 31 December of the year before.
 */

export const FEDERAL_HOLIDAYS_SOURCE: SourceRef = {
  section: 'docs/clinical-sources.md#us-federal-holidays',
  evidence: 'primary',
};

export interface FederalHoliday {
  /** The observed date (the day offices close). */
  date: LocalDate;
  name: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number): LocalDate => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();

/** The n-th given weekday (0 = Sunday) of a month; n = -1 is the last one. */
function nthWeekday(y: number, m: number, day: number, n: number): LocalDate {
  if (n > 0) {
    const first = weekday(y, m, 1);
    return iso(y, m, 1 + ((day - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDate = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const last = weekday(y, m, lastDate);
  return iso(y, m, lastDate - ((last - day + 7) % 7));
}

/** The observed date of a fixed-date holiday: Saturday → Friday before, Sunday → Monday after. */
function observed(y: number, m: number, d: number): LocalDate {
  const day = new Date(Date.UTC(y, m - 1, d));
  const shift = day.getUTCDay() === 6 ? -1 : day.getUTCDay() === 0 ? 1 : 0;
  day.setUTCDate(day.getUTCDate() + shift);
  return day.toISOString().slice(0, 10);
}

function holidaysNamedIn(y: number): FederalHoliday[] {
  const fixed: [number, number, string][] = [
    [1, 1, "New Year's Day"],
    ...(y >= 2021 ? [[6, 19, 'Juneteenth National Independence Day'] as [number, number, string]] : []),
    [7, 4, 'Independence Day'],
    [11, 11, 'Veterans Day'],
    [12, 25, 'Christmas Day'],
  ];
  return [
    ...fixed.map(([m, d, name]) => ({ date: observed(y, m, d), name })),
    { date: nthWeekday(y, 1, 1, 3), name: 'Birthday of Martin Luther King, Jr.' },
    { date: nthWeekday(y, 2, 1, 3), name: "Washington's Birthday" },
    { date: nthWeekday(y, 5, 1, -1), name: 'Memorial Day' },
    { date: nthWeekday(y, 9, 1, 1), name: 'Labor Day' },
    { date: nthWeekday(y, 10, 1, 2), name: 'Columbus Day' },
    { date: nthWeekday(y, 11, 4, 4), name: 'Thanksgiving Day' },
  ];
}

/** The federal holidays observed in a calendar year, in date order. */
export function federalHolidays(year: number): FederalHoliday[] {
  if (!Number.isInteger(year) || year < 1971 || year > 9998) return [];
  return [...holidaysNamedIn(year), ...holidaysNamedIn(year + 1)]
    .filter((h) => h.date.startsWith(`${pad(year, 4)}-`))
    .concat(holidaysNamedIn(year - 1).filter((h) => h.date.startsWith(`${pad(year, 4)}-`)))
    .filter((h, i, all) => all.findIndex((o) => o.date === h.date) === i)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Observed federal holiday dates from the year of `from` through the year after, for business-day sums. */
export function federalHolidayDatesAround(from: LocalDate): LocalDate[] {
  const year = Number(from.slice(0, 4));
  return [...federalHolidays(year), ...federalHolidays(year + 1)].map((h) => h.date);
}
