import { Temporal } from 'temporal-polyfill';
import { clinicLocalToInstant, instantToClinicLocal } from '../clinic/index.js';
import type { Booking, Room, SlotContext, StaffMember, Weekday, WeeklyHours } from './scheduling-types.js';

/** Fixtures shared by the scheduling tests. */

export const NY = 'America/New_York';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The instant of a clinic-local `YYYY-MM-DDTHH:mm`. */
export const at = (local: string, timeZone = NY): number =>
  clinicLocalToInstant(local, timeZone).epochMilliseconds;

/** The clinic-local `YYYY-MM-DDTHH:mm` of an instant. */
export const local = (instant: number, timeZone = NY): string =>
  instantToClinicLocal(Temporal.Instant.fromEpochMilliseconds(instant), timeZone);

export const utc = (instant: number): string => new Date(instant).toISOString().slice(0, 16);

export const ALL_DAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
export const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];

export function hoursOn(days: readonly Weekday[], opens: string, closes: string): WeeklyHours[] {
  return days.map((weekday) => ({ weekday, opens, closes }));
}

export const chairs = (n: number): Room[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `chair-${i + 1}`,
    kind: 'infusion_chair',
    name: `Chair ${i + 1}`,
  }));

export const staffMember = (
  id: string,
  role: StaffMember['role'],
  hours: WeeklyHours[],
  timeOff: StaffMember['timeOff'] = [],
): StaffMember => ({ id, role, hours, timeOff });

export function booking(id: string, start: number, minutes: number, more: Partial<Booking> = {}): Booking {
  return {
    id,
    start,
    end: start + minutes * MINUTE,
    roomId: null,
    clinicianId: null,
    usesNurse: false,
    ...more,
  };
}

/** A clinic open 08:00–17:00 on weekdays with two chairs, one nurse and one clinician, nothing booked. */
export function infusionContext(overrides: Partial<SlotContext> = {}): SlotContext {
  const hours = hoursOn(WEEKDAYS, '08:00', '17:00');
  return {
    timeZone: NY,
    notBefore: 0,
    requirements: { durationMinutes: 70, roomKind: 'infusion_chair', clinician: 'none', usesNurse: true },
    clinicHours: hours,
    closures: [],
    rooms: chairs(2),
    staff: [staffMember('nurse-1', 'nurse', hours), staffMember('doc-1', 'clinician', hours)],
    chairsPerNurse: 2,
    bookings: [],
    ...overrides,
  };
}
