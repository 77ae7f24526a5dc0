import { Temporal } from 'temporal-polyfill';

/**
 * Clinic-local time for scheduling. Appointments are booked in the clinic's wall-clock time and stored as
 * instants; these helpers convert between the two in the clinic's IANA zone (clinic settings `timeZone`)
 * with Temporal, so daylight-saving changes are handled by the time zone rules, not by adding hours.
 *
 * Strings at the edges: a wall-clock time is `YYYY-MM-DDTHH:mm`, a date `YYYY-MM-DD`, and an instant may be
 * given as an ISO string with an offset or `Z` (as the database and API return them).
 */

/** A clinic-local wall-clock time, `YYYY-MM-DDTHH:mm` (e.g. `2026-03-08T09:00`). */
export type ClinicLocalTime = string;

/** A clinic-local calendar date, `YYYY-MM-DD`. */
export type ClinicLocalDate = string;

/**
 * What a wall-clock time means when the clock skips it (spring forward) or shows it twice (fall back):
 * `compatible` (the default) moves a skipped time forward by the length of the gap and takes the first of
 * a repeated time, like a wall clock would; `earlier` and `later` pick one side; `reject` throws.
 */
export type Disambiguation = 'compatible' | 'earlier' | 'later' | 'reject';

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function plainDateTime(local: ClinicLocalTime): Temporal.PlainDateTime {
  if (!LOCAL_TIME.test(local)) {
    throw new RangeError(`expected a clinic-local time as YYYY-MM-DDTHH:mm, got "${local}"`);
  }
  return Temporal.PlainDateTime.from(local, { overflow: 'reject' });
}

function plainDate(date: ClinicLocalDate): Temporal.PlainDate {
  if (!LOCAL_DATE.test(date)) throw new RangeError(`expected a date as YYYY-MM-DD, got "${date}"`);
  return Temporal.PlainDate.from(date, { overflow: 'reject' });
}

function toInstant(instant: Temporal.Instant | string): Temporal.Instant {
  return typeof instant === 'string' ? Temporal.Instant.from(instant) : instant;
}

/** True for a time zone Temporal knows (an IANA name such as `America/New_York`, or `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    Temporal.Now.zonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The instant a clinic-local wall-clock time refers to. Throws a RangeError for a malformed time or zone. */
export function clinicLocalToInstant(
  local: ClinicLocalTime,
  timeZone: string,
  disambiguation: Disambiguation = 'compatible',
): Temporal.Instant {
  return plainDateTime(local).toZonedDateTime(timeZone, { disambiguation }).toInstant();
}

/** The clinic-local wall-clock time of an instant, to the minute (seconds are dropped, not rounded). */
export function instantToClinicLocal(instant: Temporal.Instant | string, timeZone: string): ClinicLocalTime {
  return toInstant(instant)
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}

/** The clinic-local date an instant falls on. */
export function clinicDateOf(instant: Temporal.Instant | string, timeZone: string): ClinicLocalDate {
  return toInstant(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/**
 * The same wall-clock time `days` days later (negative: earlier) in the clinic's zone: a 09:00
 * appointment repeated daily stays at 09:00 across a daylight-saving change, so consecutive occurrences
 * are 23 or 25 hours apart on those days. If that time does not exist on the target day it moves forward
 * by the gap. Compute each occurrence of a series from its first one (`addClinicDays(first, n)`), not from
 * the previous occurrence, so a time moved by a gap does not stay moved.
 */
export function addClinicDays(
  instant: Temporal.Instant | string,
  days: number,
  timeZone: string,
): Temporal.Instant {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  return toInstant(instant).toZonedDateTimeISO(timeZone).add({ days }).toInstant();
}

/**
 * The instants a clinic-local day starts and ends: `start` inclusive, `end` exclusive (the next day's
 * start). A day is 24 hours long except on daylight-saving changes (23 hours in spring, 25 in autumn in
 * the US); where a change skips midnight, the day starts at the first moment that exists.
 */
export function clinicDayBounds(
  date: ClinicLocalDate,
  timeZone: string,
): { start: Temporal.Instant; end: Temporal.Instant } {
  const day = plainDate(date);
  return {
    start: day.toZonedDateTime({ timeZone }).toInstant(),
    end: day.add({ days: 1 }).toZonedDateTime({ timeZone }).toInstant(),
  };
}
