/**
 * Shapes shared by the controlled-substance ledger rules. An instant is epoch milliseconds (a plain
 * `number`) passed in by the caller; a local date is a clinic-local `YYYY-MM-DD`. Every rule here is a pure
 * function of its arguments.
 */

/** A problem with the input, named by the field it is about, in words a user can act on. */
export interface Problem {
  field: string;
  message: string;
}

/** What a rule returns instead of throwing when the input is wrong in an ordinary way. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(problems: Problem[]): Result<T> => ({ ok: false, problems });

/** Evidence levels of the clinical source register (docs/clinical-sources.md#evidence-levels). */
export type Evidence = 'primary' | 'secondary' | 'unverified' | 'engineering';

/** Where a rule or default comes from: a register entry (null for an engineering choice) and its level. */
export interface SourceRef {
  section: string | null;
  evidence: Evidence;
}

/** A clinic-local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a valid `YYYY-MM-DD`, or null (2026-02-30 is not a date). */
function utcDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && utcDay(value) !== null;
}

/** The date `days` calendar days after `date` (a valid `YYYY-MM-DD`). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(((utcDay(date) ?? Number.NaN) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Calendar days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return (utcDay(b) ?? Number.NaN) - (utcDay(a) ?? Number.NaN);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const day = utcDay(date) ?? Number.NaN; // 1970-01-01 was a Thursday (ISO 4)
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** True for a whole number of epoch milliseconds. */
export function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** True for a non-empty string after trimming. */
export function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
