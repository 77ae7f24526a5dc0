import { Temporal } from 'temporal-polyfill';
import { clinicLocalToInstant, instantToClinicLocal } from '../clinic/index.js';
import type { Weekday } from './scheduling-types.js';

/**
 * Small clinic-local time tools for scheduling: `HH:MM` and `YYYY-MM-DD` parsing, calendar-date
 * arithmetic, and a memoising clock that turns (local date, minute of day) into an instant through
 * clinic-time.ts. Slot searches convert the same few opening times for many staff members and days, and a
 * Temporal conversion costs tens of microseconds, so each search keeps its own cache.
 */

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTES_PER_DAY = 24 * 60;
const MS_PER_DAY = 86_400_000;

/** Minutes after local midnight of `HH:MM`, or null when malformed. `24:00` only when `endOfDay` is set. */
export function parseHhMm(text: string, endOfDay = false): number | null {
  if (endOfDay && text === '24:00') return MINUTES_PER_DAY;
  const m = HH_MM.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function formatHhMm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return `${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Calendar dates are counted as UTC days: a date has no time zone, and UTC has no daylight saving, so
 * this is exact day arithmetic — it is never used to move an instant.
 */
function utcDay(date: string): number | null {
  const m = LOCAL_DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a real date comes back unchanged.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

export function isLocalDate(text: string): boolean {
  return utcDay(text) !== null;
}

function dayToDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (which must be a valid `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  return dayToDate((utcDay(date) ?? Number.NaN) + days);
}

/** Calendar days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return (utcDay(b) ?? Number.NaN) - (utcDay(a) ?? Number.NaN);
}

export function weekdayOf(date: string): Weekday {
  // 1970-01-01 was a Thursday (ISO 4).
  const day = utcDay(date) ?? Number.NaN;
  return (((((day + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** Clinic-local conversions for one time zone, cached for the lifetime of one search. */
export interface LocalClock {
  timeZone: string;
  /** The instant of `minutes` after local midnight on `date` (1440 = the next day's 00:00). */
  instant(date: string, minutes: number): number;
  dateOf(instant: number): string;
  /** `YYYY-MM-DDTHH:mm`. */
  localOf(instant: number): string;
}

export function createLocalClock(timeZone: string): LocalClock {
  const cache = new Map<string, number>();
  const locals = new Map<number, string>();
  const localOf = (instant: number): string => {
    let value = locals.get(instant);
    if (value === undefined) {
      value = instantToClinicLocal(Temporal.Instant.fromEpochMilliseconds(instant), timeZone);
      locals.set(instant, value);
    }
    return value;
  };
  return {
    timeZone,
    instant(date, minutes) {
      const day = minutes >= MINUTES_PER_DAY ? addDays(date, 1) : date;
      const key = `${day}T${formatHhMm(minutes % MINUTES_PER_DAY)}`;
      let value = cache.get(key);
      if (value === undefined) {
        // 'compatible': a time skipped by spring-forward moves forward by the gap, like a wall clock.
        value = clinicLocalToInstant(key, timeZone).epochMilliseconds;
        cache.set(key, value);
      }
      return value;
    },
    dateOf: (instant) => localOf(instant).slice(0, 10),
    localOf,
  };
}

/** Minutes after local midnight of a clinic-local time string `YYYY-MM-DDTHH:mm`. */
export function minuteOfDay(local: string): number {
  return parseHhMm(local.slice(11, 16)) ?? 0;
}
