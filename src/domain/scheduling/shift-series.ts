import { Temporal } from 'temporal-polyfill';
import { addClinicDays, isTimeZone } from '../clinic/index.js';
import type { Result } from './scheduling-types.js';

/** An appointment of a series that is moved with the ones after it. */
export interface SeriesAppointment {
  id: string;
  start: number;
  end: number;
}

const MAX_SHIFT_DAYS = 366;

/**
 * Moves the later appointments of a series by `days` calendar days, each at the same clinic-local time:
 * every new start is computed from that appointment's own start with addClinicDays (a 09:00 session stays
 * 09:00 across a daylight-saving change), and each keeps its duration in elapsed time.
 */
export function shiftSeries(
  later: readonly SeriesAppointment[],
  days: number,
  timeZone: string,
): Result<SeriesAppointment[]> {
  if (!Number.isSafeInteger(days) || Math.abs(days) > MAX_SHIFT_DAYS) {
    return {
      ok: false,
      problems: [
        { field: 'days', message: `must be a whole number of days, at most ${MAX_SHIFT_DAYS} either way` },
      ],
    };
  }
  if (!isTimeZone(timeZone))
    return { ok: false, problems: [{ field: 'timeZone', message: 'is not a known time zone' }] };
  if (!later.every((a) => Number.isFinite(a.start) && Number.isFinite(a.end) && a.end >= a.start)) {
    return {
      ok: false,
      problems: [{ field: 'later', message: 'every appointment needs a start and an end after it' }],
    };
  }
  return {
    ok: true,
    value: later.map((a) => {
      const start = addClinicDays(
        Temporal.Instant.fromEpochMilliseconds(a.start),
        days,
        timeZone,
      ).epochMilliseconds;
      return { id: a.id, start, end: start + (a.end - a.start) };
    }),
  };
}
