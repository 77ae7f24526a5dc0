/**
 * Arithmetic on the clinic's calendar dates ("2024-03-05") and wall times ("2024-03-05T09:00"), as the
 * scheduling API sends them. Dates are counted as whole UTC days, so the device's zone never shifts them;
 * `wallToInstant` turns a clinic wall time into the ISO instant the API takes.
 */

const DAY_MS = 86_400_000;

function utcDay(date: string): number {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether a string is a real calendar date "YYYY-MM-DD". */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isoDay(utcDay(value)) === value;
}

export function addDays(date: string, days: number): string {
  return isoDay(utcDay(date) + days * DAY_MS);
}

/** 1 (Monday) to 7 (Sunday), as the API numbers weekdays. */
export function isoWeekday(date: string): number {
  const day = new Date(utcDay(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week a date is in. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

export const datePart = (local: string): string => local.slice(0, 10);
export const clockPart = (local: string): string => local.slice(11, 16);

/** Minutes after midnight of "HH:mm" or of the clock in "YYYY-MM-DDTHH:mm" ("24:00" is 1440). */
export function minutesOfDay(local: string): number {
  const clock = local.length > 5 ? clockPart(local) : local;
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** "HH:mm" for minutes after midnight. */
export function clockOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The ISO instant of a clinic wall time "YYYY-MM-DDTHH:mm" in an IANA zone. On the day clocks go back, a
 * repeated hour is read as its first occurrence; in the hour skipped when clocks go forward, the time is
 * read with the offset before the change (the server refuses it if the clinic is not open then).
 */
export function wallToInstant(local: string, timeZone: string): string {
  const [y, mo, d] = local.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [h, mi] = clockPart(local).split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const before = zoneOffset(asUtc - DAY_MS / 2, timeZone);
  const after = zoneOffset(asUtc + DAY_MS / 2, timeZone);
  // Try the earlier offset first, so a repeated hour reads as its first occurrence.
  for (const offset of before === after ? [before] : [Math.max(before, after), Math.min(before, after)]) {
    const instant = asUtc - offset;
    if (zoneOffset(instant, timeZone) === offset) return new Date(instant).toISOString();
  }
  return new Date(asUtc - before).toISOString();
}
