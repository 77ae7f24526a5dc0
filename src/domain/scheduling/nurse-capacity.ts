import { coversInterval } from './intervals.js';
import { openIntervals } from './open-intervals.js';
import type { Booking, Interval, StaffMember } from './scheduling-types.js';

/**
 * Nurse capacity. No public standard sets how many chairs one nurse may watch, so `chairsPerNurse` is a
 * clinic setting. A new appointment fits when at every moment of its interval
 *   (nurse-using bookings overlapping that moment) + 1 ≤ (nurses working the WHOLE interval) × chairsPerNurse.
 * Only nurses on duty for the whole appointment count: a nurse leaving halfway cannot watch it to the end.
 *
 * The server calls this again under a lock just before it inserts, with only the bookings that overlap the
 * interval, so it needs nothing beyond its arguments.
 */

export interface NurseCapacityInput {
  interval: Interval;
  /** Live bookings; those that do not use a nurse or do not overlap `interval` are ignored. */
  bookings: readonly Booking[];
  /** Staff members; only those with role `nurse` count. */
  nurses: readonly StaffMember[];
  chairsPerNurse: number;
  timeZone: string;
  /**
   * A nurse's working time as normalised intervals covering `interval` (sorted, merged). Default: built
   * from the nurse's weekly hours and time off in `timeZone`. A slot search passes its precomputed ones.
   */
  hoursOf?: (nurse: StaffMember) => readonly Interval[];
}

/** `peak`: appointments needing a nurse at the busiest moment, the new one included; `at`: the first moment over capacity. */
export type NurseCapacityResult = { ok: true } | { ok: false; peak: number; capacity: number; at: number };

function nursesOnDuty(input: NurseCapacityInput): number {
  const { interval, timeZone } = input;
  const hoursOf =
    input.hoursOf ??
    ((n: StaffMember) => openIntervals(n.hours, [], n.timeOff, interval.start, interval.end, timeZone));
  return input.nurses.filter(
    (n) => n.role === 'nurse' && coversInterval(hoursOf(n), interval.start, interval.end),
  ).length;
}

/** +1 / −1 steps of the nurse-using bookings inside the interval; ends sort before starts ([) intervals). */
function steps(interval: Interval, bookings: readonly Booking[]): { at: number; delta: number }[] {
  const seen = new Set<string>();
  const out: { at: number; delta: number }[] = [];
  for (const b of bookings) {
    if (!b.usesNurse || seen.has(b.id) || !(b.start < interval.end && b.end > interval.start)) continue;
    seen.add(b.id);
    out.push({ at: Math.max(b.start, interval.start), delta: 1 });
    out.push({ at: Math.min(b.end, interval.end), delta: -1 });
  }
  return out.sort((a, b) => a.at - b.at || a.delta - b.delta);
}

export function nurseCapacityCheck(input: NurseCapacityInput): NurseCapacityResult {
  const { interval, chairsPerNurse } = input;
  const perNurse = Number.isFinite(chairsPerNurse) && chairsPerNurse > 0 ? chairsPerNurse : 0;
  const capacity = nursesOnDuty(input) * perNurse;
  let current = 0;
  let peak = 1;
  let at: number | null = capacity < 1 ? interval.start : null;
  for (const s of steps(interval, input.bookings)) {
    current += s.delta;
    if (current + 1 > peak) peak = current + 1;
    if (at === null && current + 1 > capacity) at = s.at;
  }
  return at === null ? { ok: true } : { ok: false, peak, capacity, at };
}
