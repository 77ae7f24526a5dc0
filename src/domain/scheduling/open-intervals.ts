import { isTimeZone } from '../clinic/index.js';
import { clipIntervals, mergeIntervals, subtractIntervals } from './intervals.js';
import {
  addDays,
  createLocalClock,
  isLocalDate,
  type LocalClock,
  parseHhMm,
  weekdayOf,
} from './local-time.js';
import type { Closure, Interval, Weekday, WeeklyHours } from './scheduling-types.js';

/**
 * When the clinic (or a staff member) is open, as instants. Hours are wall-clock times, so each day is
 * built from its own local date: a 09:00–17:00 day stays 09:00–17:00 local on a daylight-saving day
 * (8 or 9 hours long, not a fixed offset), and an opening time the clock skips moves forward by the gap,
 * as clinic-time.ts does.
 */

/** One day's stretch of hours: local minutes after midnight and the instants they fall on. */
export interface DailyOpening {
  date: string;
  weekday: Weekday;
  opensMinute: number;
  closesMinute: number;
  start: number;
  end: number;
}

interface ParsedHours {
  weekday: Weekday;
  opens: number;
  closes: number;
}

/** Entries that make sense; malformed or overnight ones are left out (checkSlotRequest reports them). */
function parseHours(hours: readonly WeeklyHours[]): ParsedHours[] {
  const out: ParsedHours[] = [];
  for (const h of hours) {
    const opens = parseHhMm(h.opens);
    const closes = parseHhMm(h.closes, true);
    if (opens === null || closes === null || closes <= opens) continue;
    if (!Number.isInteger(h.weekday) || h.weekday < 1 || h.weekday > 7) continue;
    out.push({ weekday: h.weekday, opens, closes });
  }
  return out;
}

/** The clinic-local dates that `[from, to)` touches. */
export function datesCovering(clock: LocalClock, from: number, to: number): string[] {
  if (!(to > from)) return [];
  const last = clock.dateOf(to - 1);
  const dates: string[] = [];
  for (let d = clock.dateOf(from); d <= last; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** Each day's opening stretches between `from` and `to`, unclipped, in date then opening order. */
export function dailyOpenings(
  clock: LocalClock,
  hours: readonly WeeklyHours[],
  from: number,
  to: number,
): DailyOpening[] {
  const parsed = parseHours(hours).sort((a, b) => a.opens - b.opens);
  const out: DailyOpening[] = [];
  for (const date of datesCovering(clock, from, to)) {
    const weekday = weekdayOf(date);
    for (const h of parsed) {
      if (h.weekday !== weekday) continue;
      const start = clock.instant(date, h.opens);
      const end = clock.instant(date, h.closes);
      if (end > start) out.push({ date, weekday, opensMinute: h.opens, closesMinute: h.closes, start, end });
    }
  }
  return out;
}

/** Closures that touch the dates of `[from, to)`, as instants from the first day's start to the day after. */
function closedIntervals(
  clock: LocalClock,
  closures: readonly Closure[],
  from: number,
  to: number,
): Interval[] {
  const first = clock.dateOf(from);
  const last = clock.dateOf(to - 1);
  const out: Interval[] = [];
  for (const c of closures) {
    // ISO dates compare as strings; malformed ones are skipped (checkSlotRequest reports them).
    if (!isLocalDate(c.from) || !isLocalDate(c.to)) continue;
    if (c.to < first || c.from > last || c.to < c.from) continue;
    out.push({ start: clock.instant(c.from, 0), end: clock.instant(addDays(c.to, 1), 0) });
  }
  return out;
}

/** `openIntervals` with a shared clock, so one search converts each local time once. */
export function openIntervalsWith(
  clock: LocalClock,
  hours: readonly WeeklyHours[],
  closures: readonly Closure[],
  timeOff: readonly Interval[],
  from: number,
  to: number,
): Interval[] {
  if (!(to > from)) return [];
  const open = mergeIntervals(dailyOpenings(clock, hours, from, to));
  const shut = [...closedIntervals(clock, closures, from, to), ...timeOff];
  return clipIntervals(subtractIntervals(open, shut), from, to);
}

/**
 * The instants open between `from` and `to`: weekly hours day by day in `timeZone`, minus closures and
 * time off, merged and sorted. An unknown time zone or an empty window gives no open time.
 */
export function openIntervals(
  hours: readonly WeeklyHours[],
  closures: readonly Closure[],
  timeOff: readonly Interval[],
  from: number,
  to: number,
  timeZone: string,
): Interval[] {
  if (!(to > from) || !Number.isFinite(from) || !Number.isFinite(to) || !isTimeZone(timeZone)) return [];
  return openIntervalsWith(createLocalClock(timeZone), hours, closures, timeOff, from, to);
}
