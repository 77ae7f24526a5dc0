/**
 * The shapes of Arbor's scheduling rules. Inside this folder an instant is epoch milliseconds (a plain
 * `number`), so interval arithmetic stays cheap; wall-clock times are clinic-local strings and are turned
 * into instants only through src/domain/clinic's clinic-time helpers (the time zone's rules, not added hours).
 */

/** A problem with the input, named by the field it is about, in words a user can act on. */
export interface Problem {
  field: string;
  message: string;
}

/** What a rule returns instead of throwing when the input is wrong in an ordinary way. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** ISO weekday: Monday = 1 … Sunday = 7 (Temporal's `dayOfWeek`). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * Opening hours of one weekday in clinic-local time, `HH:MM` (`closes` may be `24:00`). A weekday may have
 * several entries (a split shift); an entry that closes at or before it opens is ignored, since overnight
 * hours are not supported.
 */
export interface WeeklyHours {
  weekday: Weekday;
  opens: string;
  closes: string;
}

/** Days the clinic is closed, `from` to `to` inclusive, as clinic-local dates `YYYY-MM-DD`. */
export interface Closure {
  from: string;
  to: string;
  reason: string;
}

/** Half-open `[start, end)` in epoch milliseconds: back-to-back intervals do not overlap. */
export interface Interval {
  start: number;
  end: number;
}

export type RoomKind = 'infusion_chair' | 'spravato_room' | 'consult_room';

export interface Room {
  id: string;
  kind: RoomKind;
  name: string;
}

/** A clinician is a prescriber or physician; a nurse staffs chairs. */
export type StaffRole = 'nurse' | 'clinician';

export interface StaffMember {
  id: string;
  role: StaffRole;
  /** Working hours in clinic-local time. */
  hours: WeeklyHours[];
  /** Leave, training, sickness: instants the member is not working although the hours say so. */
  timeOff: Interval[];
}

/**
 * What an appointment type needs. `clinician`: `none`; `assigned` — one clinician is booked for the whole
 * slot (a consultation); `on_site` — some clinician must be working for the whole slot but is not booked
 * by it (Spravato: the prescriber on site). `usesNurse`: the appointment takes a share of nurse capacity.
 */
export interface AppointmentTypeRequirements {
  durationMinutes: number;
  roomKind: RoomKind | null;
  clinician: 'none' | 'assigned' | 'on_site';
  usesNurse: boolean;
}

/** A live booking (the caller leaves out cancelled and no-show ones). */
export interface Booking {
  id: string;
  start: number;
  end: number;
  roomId: string | null;
  clinicianId: string | null;
  usesNurse: boolean;
}

export interface Slot {
  start: number;
  end: number;
  roomId: string | null;
  clinicianId: string | null;
}

export interface SlotFilters {
  weekdays?: Weekday[];
  /** Earliest local start time, `HH:MM`. */
  earliest?: string;
  /** Latest local START time, `HH:MM` (the slot may end after it). */
  latest?: string;
  /** Only this clinician: booked by an `assigned` type, required on site by an `on_site` type. */
  clinicianId?: string;
}

/** Everything a slot search needs apart from the window and the number of answers. */
export interface SlotContext {
  /** The clinic's IANA time zone. */
  timeZone: string;
  /** Nothing starts before this instant (now). */
  notBefore: number;
  /** Grid step in minutes, counted from local midnight (default 15). */
  stepMinutes?: number;
  requirements: AppointmentTypeRequirements;
  clinicHours: WeeklyHours[];
  closures: Closure[];
  rooms: Room[];
  staff: StaffMember[];
  /** A clinic setting: no public standard sets a nurse:chair ratio. */
  chairsPerNurse: number;
  bookings: Booking[];
  filters?: SlotFilters;
}

export interface SlotRequest extends SlotContext {
  from: number;
  to: number;
  /** At most this many slots are returned. */
  limit: number;
}

/**
 * Rules of an induction course. A week is the 7 calendar days from the first session's date (week 1),
 * the next 7 (week 2), and so on.
 * - `minDaysBetween`: whole calendar days with no session between two consecutive sessions (Monday →
 *   Wednesday has 1). 0 allows consecutive days; two sessions on one day are never allowed.
 * - `minPerWeek` / `maxPerWeek`: sessions in each week. `minPerWeek` applies to every week before the
 *   week of the last session; the last week may hold fewer because the course ends in it.
 * - `maxSpanDays`: calendar days from the first session's date to the last one's (Monday → Monday is 7).
 */
export interface SeriesRules {
  minPerWeek: number;
  maxPerWeek: number;
  minDaysBetween: number;
  maxSpanDays: number;
}

export interface SeriesRequest extends SlotContext {
  count: number;
  rules: SeriesRules;
  /** First day the course may start, clinic-local `YYYY-MM-DD`. */
  startDate: string;
  /** Weekdays tried first; other days only when the rules need them (see propose-series.ts). */
  preferredWeekdays?: Weekday[];
  /** Local `HH:MM`: each day takes the free slot nearest to it (the earliest when absent). */
  preferredTime?: string;
}

export interface ProposedSession extends Slot {
  /** Clinic-local start, `YYYY-MM-DDTHH:mm`. */
  localStart: string;
  /** False when the session was put on a day outside `preferredWeekdays` to keep the rules. */
  onPreferredWeekday: boolean;
}

export interface SeriesProposal {
  sessions: ProposedSession[];
}
