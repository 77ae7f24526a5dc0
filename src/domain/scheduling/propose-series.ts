import { checkSlotContext, isWeekday } from './check-slot-request.js';
import { createSlotSearch, type FoundSlot, type SlotSearch } from './find-slots.js';
import { addDays, createLocalClock, daysBetween, isLocalDate, parseHhMm, weekdayOf } from './local-time.js';
import type { Problem, Result, SeriesProposal, SeriesRequest, Weekday } from './scheduling-types.js';
import { checkSeriesRuleValues, dateRuleProblems, mayAdd } from './series-rules.js';

/**
 * An induction course proposed as one booking. Greedy, day by day from the first possible day:
 *   1. A day is allowed when the session would keep the rules with the sessions already chosen
 *      (days between, at most per week, span from the first session; series-rules.ts).
 *   2. On an allowed preferred weekday (every weekday when none are given) the course takes the free slot
 *      nearest `preferredTime` (the earliest when absent). On another weekday it takes one only when
 *      leaving the day out would make the course fail: a dry run that places the remaining sessions on
 *      preferred weekdays only, as early as the rules allow and as if every such day had room, would break
 *      `maxSpanDays` or `minPerWeek`. The first session always waits for a preferred weekday.
 *   3. Each chosen session counts as a booking for the next ones (room, clinician, nurse capacity).
 * The first session may start on any of the FIRST_SESSION_DAYS days from `startDate`: when a course
 * starting on one day does not fit, the next run starts the day after that course's first session. When
 * no course fits on preferred weekdays at all, the whole search runs once more with every weekday
 * allowed (those sessions say `onPreferredWeekday: false`). Slots come from the local grid, so every
 * session keeps its wall-clock time across a daylight-saving change.
 */

/** How many days from `startDate` the first session may be looked for. */
export const FIRST_SESSION_DAYS = 14;
const MAX_COUNT = 60;

interface Course {
  slots: FoundSlot[];
  dates: string[];
}

function checkSeriesRequest(req: SeriesRequest): Problem[] {
  const problems = [...checkSlotContext(req), ...checkSeriesRuleValues(req.rules)];
  if (!Number.isInteger(req.count) || req.count < 1 || req.count > MAX_COUNT) {
    problems.push({ field: 'count', message: `must be a whole number, 1 to ${MAX_COUNT}` });
  }
  if (!isLocalDate(req.startDate))
    problems.push({ field: 'startDate', message: 'must be a date as YYYY-MM-DD' });
  if (req.preferredWeekdays && !req.preferredWeekdays.every(isWeekday)) {
    problems.push({ field: 'preferredWeekdays', message: 'each must be 1 (Monday) to 7 (Sunday)' });
  }
  if (req.preferredTime !== undefined && parseHhMm(req.preferredTime) === null) {
    problems.push({ field: 'preferredTime', message: 'must be a time as HH:MM' });
  }
  return problems;
}

/** The free slot nearest the preferred minute of the day; the earlier one on a tie, the first without one. */
function pick(slots: readonly FoundSlot[], preferredMinute: number | null): FoundSlot | undefined {
  if (preferredMinute === null) return slots[0];
  let best: FoundSlot | undefined;
  for (const s of slots) {
    if (!best || Math.abs(s.localMinute - preferredMinute) < Math.abs(best.localMinute - preferredMinute))
      best = s;
  }
  return best;
}

/** Would the course still keep its rules if `day` were left out and only preferred weekdays followed? */
function stillFitsWithout(
  req: SeriesRequest,
  dates: readonly string[],
  day: string,
  preferred: Set<Weekday>,
): boolean {
  const dry = [...dates];
  for (let d = addDays(day, 1); dry.length < req.count; d = addDays(d, 1)) {
    if (daysBetween(dry[0]!, d) > req.rules.maxSpanDays) return false;
    if (preferred.has(weekdayOf(d)) && mayAdd(dry, d, req.rules)) dry.push(d);
  }
  return dateRuleProblems(dry, req.rules).length === 0;
}

/** One greedy run whose first session is on `earliest` or later. */
function walk(
  search: SlotSearch,
  req: SeriesRequest,
  preferred: Set<Weekday> | null,
  earliest: string,
): Course {
  const course: Course = { slots: [], dates: [] };
  const lastFirst = addDays(req.startDate, FIRST_SESSION_DAYS - 1);
  const preferredMinute = req.preferredTime === undefined ? null : parseHhMm(req.preferredTime);
  let current = search;
  for (let d = earliest; course.slots.length < req.count; d = addDays(d, 1)) {
    const first = course.dates[0];
    if (first === undefined ? d > lastFirst : daysBetween(first, d) > req.rules.maxSpanDays) break;
    if (!mayAdd(course.dates, d, req.rules)) continue;
    const onPreferred = preferred === null || preferred.has(weekdayOf(d));
    if (!onPreferred && (first === undefined || stillFitsWithout(req, course.dates, d, preferred))) continue;
    const slot = pick(current.onDate(d), preferredMinute);
    if (!slot) continue;
    course.slots.push(slot);
    course.dates.push(d);
    current = current.withBooking({
      id: `proposed:${course.slots.length}`,
      start: slot.start,
      end: slot.end,
      roomId: slot.roomId,
      clinicianId: slot.clinicianId,
      usesNurse: req.requirements.usesNurse,
    });
  }
  return course;
}

const fits = (req: SeriesRequest, c: Course) =>
  c.slots.length === req.count && dateRuleProblems(c.dates, req.rules).length === 0;

/** A fitting course with the earliest possible first session, or the fullest one that did not fit. */
function bestCourse(search: SlotSearch, req: SeriesRequest, preferred: Set<Weekday> | null): Course {
  let best: Course = { slots: [], dates: [] };
  let earliest = req.startDate;
  while (daysBetween(req.startDate, earliest) < FIRST_SESSION_DAYS) {
    const course = walk(search, req, preferred, earliest);
    if (fits(req, course)) return course;
    if (course.slots.length > best.slots.length) best = course;
    const first = course.dates[0];
    if (first === undefined) break;
    earliest = addDays(first, 1);
  }
  return best;
}

function whyNot(req: SeriesRequest, best: Course): Problem[] {
  const { count, rules, startDate } = req;
  if (best.slots.length === 0) {
    return [
      {
        field: 'startDate',
        message: `no free slot for this appointment type in the ${FIRST_SESSION_DAYS} days from ${startDate}`,
      },
    ];
  }
  const gap = rules.minDaysBetween === 1 ? '1 free day' : `${rules.minDaysBetween} free days`;
  const problems: Problem[] = [];
  if (best.slots.length < count) {
    problems.push({
      field: 'count',
      message:
        `only ${best.slots.length} of ${count} sessions fit within ${rules.maxSpanDays} days of the first ` +
        `(${best.dates[0]}), with at most ${rules.maxPerWeek} a week and at least ${gap} between sessions`,
    });
  }
  return [...problems, ...dateRuleProblems(best.dates, rules)];
}

function proposalOf(req: SeriesRequest, course: Course, preferred: Set<Weekday> | null): SeriesProposal {
  const clock = createLocalClock(req.timeZone);
  return {
    sessions: course.slots.map((s) => ({
      start: s.start,
      end: s.end,
      roomId: s.roomId,
      clinicianId: s.clinicianId,
      localStart: clock.localOf(s.start),
      onPreferredWeekday: preferred === null || preferred.has(weekdayOf(s.date)),
    })),
  };
}

export function proposeSeries(req: SeriesRequest): Result<SeriesProposal> {
  const problems = checkSeriesRequest(req);
  if (problems.length > 0) return { ok: false, problems };
  const clock = createLocalClock(req.timeZone);
  const end = addDays(req.startDate, FIRST_SESSION_DAYS + req.rules.maxSpanDays);
  const search = createSlotSearch(req, clock.instant(req.startDate, 0), clock.instant(end, 0));
  if (!search) return { ok: false, problems: [{ field: 'request', message: 'cannot be searched' }] };
  const preferred = req.preferredWeekdays?.length ? new Set(req.preferredWeekdays) : null;
  const first = bestCourse(search, req, preferred);
  if (fits(req, first)) return { ok: true, value: proposalOf(req, first, preferred) };
  const anyDay = preferred === null ? first : bestCourse(search, req, null);
  if (fits(req, anyDay)) return { ok: true, value: proposalOf(req, anyDay, preferred) };
  return { ok: false, problems: whyNot(req, anyDay.slots.length > first.slots.length ? anyDay : first) };
}
