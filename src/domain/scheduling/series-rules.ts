import { isTimeZone } from '../clinic/index.js';
import { addDays, createLocalClock, daysBetween } from './local-time.js';
import type { Problem, SeriesRules } from './scheduling-types.js';

/**
 * The rules of an induction course, on clinic-local calendar dates (see SeriesRules for the
 * definitions). The server re-checks a series staff have edited with checkSeriesRules, so the same rules
 * hold for proposed and hand-made courses.
 */

const isWhole = (n: unknown, min: number): boolean =>
  typeof n === 'number' && Number.isInteger(n) && n >= min;

/** Problems with the rule values themselves. */
export function checkSeriesRuleValues(rules: SeriesRules): Problem[] {
  const problems: Problem[] = [];
  if (!isWhole(rules.minPerWeek, 0))
    problems.push({ field: 'rules.minPerWeek', message: 'must be a whole number, 0 or more' });
  if (!isWhole(rules.maxPerWeek, 1))
    problems.push({ field: 'rules.maxPerWeek', message: 'must be a whole number, 1 or more' });
  else if (isWhole(rules.minPerWeek, 0) && rules.minPerWeek > rules.maxPerWeek) {
    problems.push({ field: 'rules.maxPerWeek', message: 'must not be below the minimum per week' });
  }
  if (!isWhole(rules.minDaysBetween, 0)) {
    problems.push({ field: 'rules.minDaysBetween', message: 'must be a whole number of days, 0 or more' });
  }
  if (!isWhole(rules.maxSpanDays, 0))
    problems.push({ field: 'rules.maxSpanDays', message: 'must be a whole number of days, 0 or more' });
  return problems;
}

/** Week number of `date` in a course that starts on `first`: 0 for the first 7 days, 1 for the next 7. */
export function weekOf(first: string, date: string): number {
  return Math.floor(daysBetween(first, date) / 7);
}

/** Whether a session on `date` may follow the sessions on `dates` (sorted) without breaking a rule. */
export function mayAdd(dates: readonly string[], date: string, rules: SeriesRules): boolean {
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (first === undefined || last === undefined) return true;
  const gap = daysBetween(last, date);
  if (gap < 1 || gap - 1 < rules.minDaysBetween) return false;
  if (daysBetween(first, date) > rules.maxSpanDays) return false;
  const week = weekOf(first, date);
  return dates.filter((d) => weekOf(first, d) === week).length < rules.maxPerWeek;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function gapProblems(dates: readonly string[], rules: SeriesRules): Problem[] {
  const problems: Problem[] = [];
  for (let i = 1; i < dates.length; i++) {
    const [a, b] = [dates[i - 1]!, dates[i]!];
    const between = daysBetween(a, b) - 1;
    const which = `sessions ${i} and ${i + 1}`;
    if (between < 0)
      problems.push({ field: 'rules.minDaysBetween', message: `${which} are on the same day (${a})` });
    else if (between < rules.minDaysBetween) {
      problems.push({
        field: 'rules.minDaysBetween',
        message: `${which} (${a} and ${b}) have ${plural(between, 'day')} between them; at least ${plural(rules.minDaysBetween, 'day')} must be left between sessions`,
      });
    }
  }
  return problems;
}

function weekProblems(dates: readonly string[], rules: SeriesRules): Problem[] {
  const first = dates[0];
  if (first === undefined) return [];
  const lastWeek = weekOf(first, dates[dates.length - 1]!);
  const problems: Problem[] = [];
  for (let w = 0; w <= lastWeek; w++) {
    const n = dates.filter((d) => weekOf(first, d) === w).length;
    const span = `week ${w + 1} (${addDays(first, 7 * w)} to ${addDays(first, 7 * w + 6)})`;
    if (n > rules.maxPerWeek) {
      problems.push({
        field: 'rules.maxPerWeek',
        message: `${span} has ${plural(n, 'session')}; the most allowed is ${rules.maxPerWeek}`,
      });
    }
    // The week of the last session may hold fewer: the course ends in it.
    if (w < lastWeek && n < rules.minPerWeek) {
      problems.push({
        field: 'rules.minPerWeek',
        message: `${span} has ${plural(n, 'session')}; at least ${rules.minPerWeek} are needed`,
      });
    }
  }
  return problems;
}

/** Rule problems of a course given as sorted clinic-local dates. */
export function dateRuleProblems(dates: readonly string[], rules: SeriesRules, count?: number): Problem[] {
  const problems: Problem[] = [];
  if (count !== undefined && dates.length !== count) {
    problems.push({
      field: 'count',
      message: `the course has ${plural(dates.length, 'session')}; it should have ${count}`,
    });
  }
  problems.push(...gapProblems(dates, rules), ...weekProblems(dates, rules));
  const [first, last] = [dates[0], dates[dates.length - 1]];
  if (first !== undefined && last !== undefined && daysBetween(first, last) > rules.maxSpanDays) {
    problems.push({
      field: 'rules.maxSpanDays',
      message: `the first to the last session is ${plural(daysBetween(first, last), 'day')}; the most allowed is ${rules.maxSpanDays}`,
    });
  }
  return problems;
}

/**
 * Problems of a course given by its start instants (any order), counted on the clinic's calendar in
 * `timeZone`; `rules.count`, when given, must match the number of sessions. An empty list means it keeps
 * every rule.
 */
export function checkSeriesRules(
  starts: readonly number[],
  rules: SeriesRules & { count?: number },
  timeZone: string,
): Problem[] {
  const problems = checkSeriesRuleValues(rules);
  if (!isTimeZone(timeZone)) problems.push({ field: 'timeZone', message: 'is not a known time zone' });
  if (!starts.every(Number.isFinite))
    problems.push({ field: 'starts', message: 'every start must be an instant' });
  if (problems.length > 0) return problems;
  const clock = createLocalClock(timeZone);
  const dates = [...starts].sort((a, b) => a - b).map((s) => clock.dateOf(s));
  return dateRuleProblems(dates, rules, rules.count);
}
