import { checkSlotContext, checkSlotRequest } from './check-slot-request.js';
import { addBooking, type BookingIndex, hasOverlap, indexBookings, overlapping } from './booking-index.js';
import { coversInterval } from './intervals.js';
import { createLocalClock, type LocalClock, minuteOfDay, parseHhMm } from './local-time.js';
import { nurseCapacityCheck } from './nurse-capacity.js';
import { dailyOpenings, type DailyOpening, openIntervalsWith } from './open-intervals.js';
import type {
  Booking,
  Interval,
  Room,
  Slot,
  SlotContext,
  SlotRequest,
  StaffMember,
} from './scheduling-types.js';

/**
 * Free slots for one appointment type. Candidate starts lie on a grid of `stepMinutes` counted from
 * local midnight (09:00, 09:15, … on the clinic clock, also on daylight-saving days). A candidate is a
 * slot when
 *   - the whole slot lies in the clinic's open time and in the search window, not before `notBefore`;
 *   - an `assigned` clinician works the whole slot and has no overlapping booking (the first free one by
 *     id, or the one in `filters.clinicianId`); an `on_site` type needs some clinician working it all;
 *   - nurse capacity holds with the slot added (nurse-capacity.ts);
 *   - a room of the required kind has no overlapping booking (the first free one by id).
 * Intervals are half-open, so back-to-back bookings are fine. Bookings are indexed per resource and
 * sorted by start, so each check is a binary search rather than a scan of every booking.
 */

const DEFAULT_STEP_MINUTES = 15;
const MINUTE_MS = 60_000;

/** A slot with where it sits on the clinic clock (proposeSeries picks by local time). */
export interface FoundSlot extends Slot {
  date: string;
  /** Minutes after local midnight of the start. */
  localMinute: number;
}

interface Candidate {
  start: number;
  end: number;
  date: string;
  localMinute: number;
}

/** What does not change while a series adds its own proposals as bookings. */
interface Fixed {
  ctx: SlotContext;
  candidates: Candidate[];
  byDate: Map<string, Candidate[]>;
  working: Map<string, Interval[]>;
  clinicians: StaffMember[];
  nurses: StaffMember[];
  rooms: Room[];
}

export interface SlotSearch {
  /** Slots starting in `[from, to)`, in time order, at most `limit`. */
  between(from: number, to: number, limit: number): FoundSlot[];
  /** Every slot starting on the clinic-local `date`, in time order. */
  onDate(date: string): FoundSlot[];
  /** The same search with one more booking (a session proposed earlier in a series). */
  withBooking(booking: Booking): SlotSearch;
}

function inFilters(ctx: SlotContext, weekday: number, minute: number): boolean {
  const f = ctx.filters;
  if (!f) return true;
  if (f.weekdays && !f.weekdays.some((w) => w === weekday)) return false;
  if (f.earliest !== undefined && minute < (parseHhMm(f.earliest) ?? 0)) return false;
  if (f.latest !== undefined && minute > (parseHhMm(f.latest) ?? 24 * 60)) return false;
  return true;
}

/**
 * Grid starts of one opening. When the opening's elapsed length equals its wall-clock length the UTC
 * offset does not change inside it, so grid times are minute offsets from its start; on a daylight-saving
 * day each grid time is converted by the clock instead.
 */
function gridOf(clock: LocalClock, o: DailyOpening, step: number): { start: number; localMinute: number }[] {
  const steady = o.end - o.start === (o.closesMinute - o.opensMinute) * MINUTE_MS;
  const out: { start: number; localMinute: number }[] = [];
  for (let m = Math.ceil(o.opensMinute / step) * step; m < o.closesMinute; m += step) {
    if (steady) out.push({ start: o.start + (m - o.opensMinute) * MINUTE_MS, localMinute: m });
    else {
      const start = clock.instant(o.date, m);
      out.push({ start, localMinute: minuteOfDay(clock.localOf(start)) });
    }
  }
  return out;
}

function candidatesOf(ctx: SlotContext, clock: LocalClock, from: number, to: number): Candidate[] {
  const open = openIntervalsWith(clock, ctx.clinicHours, ctx.closures, [], from, to);
  const duration = ctx.requirements.durationMinutes * MINUTE_MS;
  const step = ctx.stepMinutes ?? DEFAULT_STEP_MINUTES;
  const byStart = new Map<number, Candidate>();
  for (const o of dailyOpenings(clock, ctx.clinicHours, from, to)) {
    for (const g of gridOf(clock, o, step)) {
      const end = g.start + duration;
      if (g.start < from || end > to || byStart.has(g.start)) continue;
      if (!inFilters(ctx, o.weekday, g.localMinute) || !coversInterval(open, g.start, end)) continue;
      byStart.set(g.start, { start: g.start, end, date: o.date, localMinute: g.localMinute });
    }
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function fixedOf(ctx: SlotContext, from: number, to: number): Fixed {
  const clock = createLocalClock(ctx.timeZone);
  const lower = Math.max(from, ctx.notBefore);
  const candidates = candidatesOf(ctx, clock, lower, to);
  const byDate = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = byDate.get(c.date);
    if (list) list.push(c);
    else byDate.set(c.date, [c]);
  }
  const working = new Map(
    ctx.staff.map((s) => [s.id, openIntervalsWith(clock, s.hours, [], s.timeOff, lower, to)] as const),
  );
  const wanted = ctx.filters?.clinicianId;
  const staff = [...ctx.staff].sort(byId);
  return {
    ctx,
    candidates,
    byDate,
    working,
    clinicians: staff.filter((s) => s.role === 'clinician' && (wanted === undefined || s.id === wanted)),
    nurses: staff.filter((s) => s.role === 'nurse'),
    rooms: ctx.rooms.filter((r) => r.kind === ctx.requirements.roomKind).sort(byId),
  };
}

/** The clinician the slot books (`assigned`), null when none is booked, or undefined when it cannot be had. */
function clinicianFor(f: Fixed, index: BookingIndex, c: Candidate): string | null | undefined {
  const need = f.ctx.requirements.clinician;
  if (need === 'none') return null;
  const works = (s: StaffMember) => coversInterval(f.working.get(s.id) ?? [], c.start, c.end);
  if (need === 'on_site') return f.clinicians.some(works) ? null : undefined;
  const free = f.clinicians.find((s) => works(s) && !hasOverlap(index.byClinician.get(s.id), c.start, c.end));
  return free ? free.id : undefined;
}

function nurseFits(f: Fixed, index: BookingIndex, c: Candidate): boolean {
  if (!f.ctx.requirements.usesNurse) return true;
  return nurseCapacityCheck({
    interval: { start: c.start, end: c.end },
    bookings: overlapping(index.nurse, c.start, c.end),
    nurses: f.nurses,
    chairsPerNurse: f.ctx.chairsPerNurse,
    timeZone: f.ctx.timeZone,
    hoursOf: (n) => f.working.get(n.id) ?? [],
  }).ok;
}

/** The first free room of the kind by id, null when the type needs none, undefined when all are taken. */
function roomFor(f: Fixed, index: BookingIndex, c: Candidate): string | null | undefined {
  if (f.ctx.requirements.roomKind === null) return null;
  return f.rooms.find((r) => !hasOverlap(index.byRoom.get(r.id), c.start, c.end))?.id;
}

function slotAt(f: Fixed, index: BookingIndex, c: Candidate): FoundSlot | null {
  // Cheapest checks first: the nurse sweep looks at every overlapping booking, the others stop at one.
  const clinicianId = clinicianFor(f, index, c);
  if (clinicianId === undefined) return null;
  const roomId = roomFor(f, index, c);
  if (roomId === undefined || !nurseFits(f, index, c)) return null;
  return { start: c.start, end: c.end, roomId, clinicianId, date: c.date, localMinute: c.localMinute };
}

function searchOf(f: Fixed, index: BookingIndex): SlotSearch {
  const collect = (list: readonly Candidate[], from: number, to: number, limit: number) => {
    const out: FoundSlot[] = [];
    for (const c of list) {
      if (out.length >= limit || c.start >= to) break;
      if (c.start < from) continue;
      const slot = slotAt(f, index, c);
      if (slot) out.push(slot);
    }
    return out;
  };
  return {
    between: (from, to, limit) => collect(f.candidates, from, to, limit),
    onDate: (date) => collect(f.byDate.get(date) ?? [], -Infinity, Infinity, Infinity),
    withBooking: (booking) => searchOf(f, addBooking(index, booking)),
  };
}

/**
 * Only bookings that reach into the window and hold a resource this type needs can collide with one of
 * its slots; leaving the rest out keeps the index small.
 */
function relevantBookings(ctx: SlotContext, from: number, to: number): Booking[] {
  const { roomKind, clinician, usesNurse } = ctx.requirements;
  const rooms = new Set(ctx.rooms.filter((r) => r.kind === roomKind).map((r) => r.id));
  return ctx.bookings.filter(
    (b) =>
      b.end > from &&
      b.start < to &&
      ((b.roomId !== null && rooms.has(b.roomId)) ||
        (clinician === 'assigned' && b.clinicianId !== null) ||
        (usesNurse && b.usesNurse)),
  );
}

/**
 * A reusable search over `[from, to)` (and not before `ctx.notBefore`), or null when the context has
 * problems (checkSlotContext names them).
 */
export function createSlotSearch(ctx: SlotContext, from: number, to: number): SlotSearch | null {
  if (checkSlotContext(ctx).length > 0 || !(to > from)) return null;
  return searchOf(fixedOf(ctx, from, to), indexBookings(relevantBookings(ctx, from, to)));
}

/** Free slots in time order, at most one per start time, up to `limit`; none when the request has problems. */
export function findSlots(req: SlotRequest): Slot[] {
  if (checkSlotRequest(req).length > 0) return [];
  return searchOf(fixedOf(req, req.from, req.to), indexBookings(relevantBookings(req, req.from, req.to)))
    .between(req.from, req.to, req.limit)
    .map(({ start, end, roomId, clinicianId }) => ({ start, end, roomId, clinicianId }));
}
