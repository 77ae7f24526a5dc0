import { isTimeZone } from '../clinic/index.js';
import { isLocalDate, parseHhMm } from './local-time.js';
import type { Closure, Problem, SlotContext, SlotRequest, WeeklyHours } from './scheduling-types.js';

/**
 * Input checks for slot searches. The search itself never throws: it treats what these checks reject as
 * "no slot", so a caller that wants to tell the user why runs the check first (proposeSeries does).
 */

/** A longer window is a mistake or an attempt to make the server walk years of days. */
export const MAX_SEARCH_DAYS = 92;
const DAY_MS = 86_400_000;

const isWholeIn = (n: unknown, min: number, max: number): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;

export function isWeekday(n: unknown): boolean {
  return isWholeIn(n, 1, 7);
}

export function checkWeeklyHours(hours: readonly WeeklyHours[], field: string): Problem[] {
  const problems: Problem[] = [];
  hours.forEach((h, i) => {
    const at = `${field}[${i}]`;
    if (!isWeekday(h.weekday))
      problems.push({ field: `${at}.weekday`, message: 'must be 1 (Monday) to 7 (Sunday)' });
    const opens = parseHhMm(h.opens);
    const closes = parseHhMm(h.closes, true);
    if (opens === null) problems.push({ field: `${at}.opens`, message: 'must be a time as HH:MM' });
    if (closes === null)
      problems.push({ field: `${at}.closes`, message: 'must be a time as HH:MM (24:00 for midnight)' });
    if (opens !== null && closes !== null && closes <= opens) {
      problems.push({
        field: `${at}.closes`,
        message: 'must be after the opening time (overnight hours are not supported)',
      });
    }
  });
  return problems;
}

function checkClosures(closures: readonly Closure[]): Problem[] {
  const problems: Problem[] = [];
  closures.forEach((c, i) => {
    if (!isLocalDate(c.from))
      problems.push({ field: `closures[${i}].from`, message: 'must be a date as YYYY-MM-DD' });
    if (!isLocalDate(c.to))
      problems.push({ field: `closures[${i}].to`, message: 'must be a date as YYYY-MM-DD' });
    else if (isLocalDate(c.from) && c.to < c.from) {
      problems.push({ field: `closures[${i}].to`, message: 'must be on or after the first closed day' });
    }
  });
  return problems;
}

function checkFilters(ctx: SlotContext): Problem[] {
  const f = ctx.filters;
  if (!f) return [];
  const problems: Problem[] = [];
  if (f.weekdays && !f.weekdays.every(isWeekday)) {
    problems.push({ field: 'filters.weekdays', message: 'each must be 1 (Monday) to 7 (Sunday)' });
  }
  const earliest = f.earliest === undefined ? 0 : parseHhMm(f.earliest);
  const latest = f.latest === undefined ? 0 : parseHhMm(f.latest);
  if (earliest === null) problems.push({ field: 'filters.earliest', message: 'must be a time as HH:MM' });
  if (latest === null) problems.push({ field: 'filters.latest', message: 'must be a time as HH:MM' });
  if (
    f.earliest !== undefined &&
    f.latest !== undefined &&
    earliest !== null &&
    latest !== null &&
    latest < earliest
  ) {
    problems.push({ field: 'filters.latest', message: 'must not be before the earliest start time' });
  }
  return problems;
}

function checkRequirements(ctx: SlotContext): Problem[] {
  const problems: Problem[] = [];
  if (!isWholeIn(ctx.requirements.durationMinutes, 1, 24 * 60)) {
    problems.push({
      field: 'requirements.durationMinutes',
      message: 'must be a whole number of minutes, 1 to 1440',
    });
  }
  if (ctx.requirements.usesNurse && !(Number.isFinite(ctx.chairsPerNurse) && ctx.chairsPerNurse > 0)) {
    problems.push({ field: 'chairsPerNurse', message: 'must be a number above 0' });
  }
  return problems;
}

/** Problems with everything a search needs apart from its window. */
export function checkSlotContext(ctx: SlotContext): Problem[] {
  const problems: Problem[] = [];
  if (!isTimeZone(ctx.timeZone)) {
    problems.push({
      field: 'timeZone',
      message: 'is not a known time zone (use an IANA name such as America/New_York)',
    });
  }
  if (!Number.isFinite(ctx.notBefore)) problems.push({ field: 'notBefore', message: 'must be an instant' });
  if (ctx.stepMinutes !== undefined && !isWholeIn(ctx.stepMinutes, 1, 24 * 60)) {
    problems.push({ field: 'stepMinutes', message: 'must be a whole number of minutes, 1 to 1440' });
  }
  problems.push(...checkRequirements(ctx), ...checkWeeklyHours(ctx.clinicHours, 'clinicHours'));
  ctx.staff.forEach((s, i) => problems.push(...checkWeeklyHours(s.hours, `staff[${i}].hours`)));
  return [...problems, ...checkClosures(ctx.closures), ...checkFilters(ctx)];
}

export function checkSlotRequest(req: SlotRequest): Problem[] {
  const problems = checkSlotContext(req);
  if (!Number.isFinite(req.from)) problems.push({ field: 'from', message: 'must be an instant' });
  if (!Number.isFinite(req.to)) problems.push({ field: 'to', message: 'must be an instant' });
  else if (Number.isFinite(req.from) && req.to <= req.from)
    problems.push({ field: 'to', message: 'must be after from' });
  else if (req.to - req.from > MAX_SEARCH_DAYS * DAY_MS) {
    problems.push({ field: 'to', message: `the search window may be at most ${MAX_SEARCH_DAYS} days` });
  }
  if (!isWholeIn(req.limit, 0, Number.MAX_SAFE_INTEGER))
    problems.push({ field: 'limit', message: 'must be a whole number, 0 or more' });
  return problems;
}
