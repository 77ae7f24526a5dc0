import { ageInYears } from '../../domain/patients';

/**
 * The staff app's one place for dates and times: every screen formats an instant or a calendar date
 * through these helpers, so a chart never mixes formats. A `DisplayZone` names the locale and the IANA
 * time zone. Screens use `clinicZone`: the browser's locale and, once someone is signed in, the
 * clinic's time zone (set from the session in app.tsx), so an appointment reads the same on
 * every device in the clinic whatever the device's own zone.
 */
export interface DisplayZone {
  /** A BCP 47 tag such as 'en-US'; undefined means the browser's. */
  locale?: string;
  /** An IANA zone such as 'America/New_York'; undefined means the browser's. */
  timeZone?: string;
}

/** The browser's locale and time zone. */
export const browserZone: DisplayZone = {};

/** The zone every screen shows: the signed-in clinic's, set once per session (see app.tsx). */
const clinicZone: DisplayZone = {};

/** Shows dates in this clinic's IANA zone from now on; undefined returns to the browser's. */
export function setClinicTimeZone(timeZone: string | undefined): void {
  clinicZone.timeZone = timeZone;
}

/** A calendar date with no time ("2024-03-06"): the same day wherever it is read. */
const calendarDate = /^\d{4}-\d{2}-\d{2}$/;

type DateInput = string | Date | null | undefined;

function toDate(value: DateInput): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** An input that is not a date is shown as it came (or empty), never as "Invalid Date". */
function fallback(value: DateInput): string {
  return typeof value === 'string' ? value : '';
}

/** "Mar 5, 2024, 10:20 AM" (en-US): an instant in the zone's wall-clock time. */
export function formatDateTime(value: DateInput, zone: DisplayZone = clinicZone): string {
  const date = toDate(value);
  if (!date) return fallback(value);
  return new Intl.DateTimeFormat(zone.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone.timeZone,
  }).format(date);
}

/** "Mar 5, 2024" (en-US): the day of an instant in the zone, or a calendar date as written. */
export function formatDate(value: DateInput, zone: DisplayZone = clinicZone): string {
  if (typeof value === 'string' && calendarDate.test(value)) {
    const date = toDate(`${value}T12:00:00Z`);
    if (!date) return value;
    return new Intl.DateTimeFormat(zone.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  }
  const date = toDate(value);
  if (!date) return fallback(value);
  return new Intl.DateTimeFormat(zone.locale, { dateStyle: 'medium', timeZone: zone.timeZone }).format(date);
}

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago", "yesterday", "in 2 hours": how far an instant is from now. */
export function formatRelativeAge(
  value: DateInput,
  now: Date = new Date(),
  zone: DisplayZone = clinicZone,
): string {
  const date = toDate(value);
  if (!date) return fallback(value);
  const seconds = (date.getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(zone.locale, { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return rtf.format(0, 'second');
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit);
  }
  return rtf.format(0, 'second');
}

/** Today's date where the browser is, as YYYY-MM-DD (ages are counted in local days). */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * "Feb 3, 1980 (45 y)": the date of birth in the same format as every other date on the chart (the
 * month is a word, so day and month cannot be swapped), with the age in whole years.
 */
export function dobWithAge(
  birthDate: string,
  today: string = todayIso(),
  zone: DisplayZone = clinicZone,
): string {
  return `${formatDate(birthDate, zone)} (${ageInYears(birthDate, today)} y)`;
}

export function fullName(p: { legalGivenName: string; legalFamilyName: string }): string {
  return `${p.legalFamilyName}, ${p.legalGivenName}`;
}

/*
 * Clinic wall-clock times. The scheduling API sends each instant with its clinic-local reading beside it
 * (`localStart: "2024-03-05T09:00"`); these helpers show such a reading as it is, whatever the device's
 * zone, and read "now" in the clinic's zone.
 */

const wallPattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;
const clockPattern = /^(\d{2}):(\d{2})$/;

/** The wall reading as a Date whose UTC fields are the reading (formatted with timeZone 'UTC'). */
function wallDate(local: string): Date | undefined {
  const clock = clockPattern.exec(local);
  if (clock) return new Date(Date.UTC(2000, 0, 1, Number(clock[1]), Number(clock[2])));
  const m = wallPattern.exec(local);
  if (!m) return undefined;
  return new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)),
  );
}

function formatWall(local: string, options: Intl.DateTimeFormatOptions, zone: DisplayZone): string {
  const date = wallDate(local);
  if (!date) return local;
  return new Intl.DateTimeFormat(zone.locale, { ...options, timeZone: 'UTC' }).format(date);
}

/** "9:00 AM" (en-US) from a clinic wall time "2024-03-05T09:00" or a clock time "09:00". */
export function formatWallTime(local: string, zone: DisplayZone = clinicZone): string {
  return formatWall(local, { timeStyle: 'short' }, zone);
}

/** "Mar 5, 2024, 9:00 AM" (en-US) from a clinic wall time "2024-03-05T09:00". */
export function formatWallDateTime(local: string, zone: DisplayZone = clinicZone): string {
  return formatWall(local, { dateStyle: 'medium', timeStyle: 'short' }, zone);
}

/** "Tue, Mar 5, 2024, 9:00 AM" (en-US): a clinic wall time with its weekday, for lists of appointments. */
export function formatWallWeekdayDateTime(local: string, zone: DisplayZone = clinicZone): string {
  return formatWall(
    local,
    { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
    zone,
  );
}

/** "Tue, Mar 5" (en-US): a short day heading for a calendar date "2024-03-05". */
export function formatDayShort(date: string, zone: DisplayZone = clinicZone): string {
  return formatWall(date, { weekday: 'short', month: 'short', day: 'numeric' }, zone);
}

/** "Tuesday, March 5, 2024" (en-US): a page title for a calendar date. */
export function formatDayLong(date: string, zone: DisplayZone = clinicZone): string {
  return formatWall(date, { dateStyle: 'full' }, zone);
}

/** The clinic's date "YYYY-MM-DD" and clock "HH:mm" at an instant (by default now), in the zone. */
export function clinicNow(
  now: Date = new Date(),
  zone: DisplayZone = clinicZone,
): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
