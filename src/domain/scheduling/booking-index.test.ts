import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBooking, hasOverlap, indexBookings, overlapping } from './booking-index.js';
import { booking } from './scheduling.test-helper.js';
import type { Booking } from './scheduling-types.js';

const bookingArb = fc
  .record({
    start: fc.integer({ min: 0, max: 500 }),
    length: fc.integer({ min: 0, max: 120 }),
    room: fc.constantFrom('r1', 'r2', null),
    clinician: fc.constantFrom('c1', null),
    usesNurse: fc.boolean(),
  })
  .map((b): Booking => ({
    id: '',
    start: b.start,
    end: b.start + b.length,
    roomId: b.room,
    clinicianId: b.clinician,
    usesNurse: b.usesNurse,
  }));

const bookingsArb = fc
  .array(bookingArb, { maxLength: 40 })
  .map((list) => list.map((b, i) => ({ ...b, id: `b${i}` })));

const ids = (list: readonly Booking[]) => list.map((b) => b.id).sort();
/** An empty booking holds nothing. */
const brute = (list: readonly Booking[], s: number, e: number) =>
  list.filter((b) => b.end > b.start && b.start < e && b.end > s);

describe('the booking index', () => {
  it('finds exactly the overlapping bookings of each resource, as a full scan would', () => {
    fc.assert(
      fc.property(bookingsArb, fc.nat(600), fc.integer({ min: 1, max: 200 }), (list, s, len) => {
        const e = s + len;
        const index = indexBookings(list);
        const r1 = list.filter((b) => b.roomId === 'r1');
        expect(ids(overlapping(index.byRoom.get('r1'), s, e))).toEqual(ids(brute(r1, s, e)));
        expect(hasOverlap(index.byRoom.get('r1'), s, e)).toBe(brute(r1, s, e).length > 0);
        const c1 = list.filter((b) => b.clinicianId === 'c1');
        expect(ids(overlapping(index.byClinician.get('c1'), s, e))).toEqual(ids(brute(c1, s, e)));
        const nurse = list.filter((b) => b.usesNurse);
        expect(ids(overlapping(index.nurse, s, e))).toEqual(ids(brute(nurse, s, e)));
      }),
    );
  });

  it('lets back-to-back bookings be', () => {
    const index = indexBookings([booking('a', 0, 10, { roomId: 'r1' })]);
    expect(hasOverlap(index.byRoom.get('r1'), 10 * 60_000, 20 * 60_000)).toBe(false);
    expect(hasOverlap(index.byRoom.get('r1'), 9 * 60_000, 20 * 60_000)).toBe(true);
  });

  it('adds a booking without changing the index it came from', () => {
    const before = indexBookings([booking('a', 0, 10, { roomId: 'r1' })]);
    const after = addBooking(
      before,
      booking('b', 30 * 60_000, 10, { roomId: 'r1', clinicianId: 'c1', usesNurse: true }),
    );
    expect(hasOverlap(before.byRoom.get('r1'), 30 * 60_000, 31 * 60_000)).toBe(false);
    expect(hasOverlap(after.byRoom.get('r1'), 30 * 60_000, 31 * 60_000)).toBe(true);
    expect(ids(after.byRoom.get('r1')!.items)).toEqual(['a', 'b']);
    expect(after.nurse.items).toHaveLength(1);
    expect(after.byClinician.get('c1')?.items).toHaveLength(1);
  });
});
