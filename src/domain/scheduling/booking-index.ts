import type { Booking } from './scheduling-types.js';

/**
 * Bookings of one resource sorted by start, for overlap questions by binary search instead of a scan of
 * every booking per candidate slot. `longest` bounds how far back a booking can start and still reach a
 * given instant, which turns "ends after t" into a range of starts.
 */
export interface SortedBookings {
  items: readonly Booking[];
  longest: number;
}

/** The bookings of each room and clinician, and those that take nurse capacity. */
export interface BookingIndex {
  byRoom: ReadonlyMap<string, SortedBookings>;
  byClinician: ReadonlyMap<string, SortedBookings>;
  nurse: SortedBookings;
}

const EMPTY: SortedBookings = { items: [], longest: 0 };

/** `items` must already be sorted by start. */
function listOf(items: Booking[]): SortedBookings {
  let longest = 0;
  for (const b of items) longest = Math.max(longest, b.end - b.start);
  return { items, longest };
}

function group(sorted: readonly Booking[], key: (b: Booking) => string | null): Map<string, SortedBookings> {
  const lists = new Map<string, Booking[]>();
  for (const b of sorted) {
    const k = key(b);
    if (k === null) continue;
    const list = lists.get(k);
    if (list) list.push(b);
    else lists.set(k, [b]);
  }
  return new Map([...lists].map(([k, list]) => [k, listOf(list)]));
}

export function indexBookings(bookings: readonly Booking[]): BookingIndex {
  // One sort; grouping keeps the order, so every list comes out sorted.
  const sorted = bookings.filter((b) => b.end > b.start).sort((a, b) => a.start - b.start);
  return {
    byRoom: group(sorted, (b) => b.roomId),
    byClinician: group(sorted, (b) => b.clinicianId),
    nurse: listOf(sorted.filter((b) => b.usesNurse)),
  };
}

/** First position whose booking starts at or after `t`. */
function firstStartingAtOrAfter(items: readonly Booking[], t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.start < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bookings of `list` that overlap `[start, end)`. */
export function overlapping(list: SortedBookings | undefined, start: number, end: number): Booking[] {
  if (!list || list.items.length === 0) return [];
  const out: Booking[] = [];
  // A booking that starts `longest` or more before `start` has ended by then.
  const from = firstStartingAtOrAfter(list.items, start - list.longest + 1);
  for (let i = from; i < list.items.length; i++) {
    const b = list.items[i]!;
    if (b.start >= end) break;
    if (b.end > start) out.push(b);
  }
  return out;
}

export function hasOverlap(list: SortedBookings | undefined, start: number, end: number): boolean {
  if (!list || list.items.length === 0) return false;
  const from = firstStartingAtOrAfter(list.items, start - list.longest + 1);
  for (let i = from; i < list.items.length; i++) {
    const b = list.items[i]!;
    if (b.start >= end) return false;
    if (b.end > start) return true;
  }
  return false;
}

function inserted(list: SortedBookings | undefined, b: Booking): SortedBookings {
  const base = list ?? EMPTY;
  const items = [...base.items];
  items.splice(firstStartingAtOrAfter(items, b.start), 0, b);
  return { items, longest: Math.max(base.longest, b.end - b.start) };
}

/** A new index with `b` added; the lists it does not touch are shared with the old one. */
export function addBooking(index: BookingIndex, b: Booking): BookingIndex {
  if (!(b.end > b.start)) return index;
  const byRoom = new Map(index.byRoom);
  const byClinician = new Map(index.byClinician);
  if (b.roomId !== null) byRoom.set(b.roomId, inserted(byRoom.get(b.roomId), b));
  if (b.clinicianId !== null) byClinician.set(b.clinicianId, inserted(byClinician.get(b.clinicianId), b));
  return { byRoom, byClinician, nurse: b.usesNurse ? inserted(index.nurse, b) : index.nurse };
}
