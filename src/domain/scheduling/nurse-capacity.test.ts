import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nurseCapacityCheck } from './nurse-capacity.js';
import { at, booking, HOUR, hoursOn, MINUTE, NY, staffMember, WEEKDAYS } from './scheduling.test-helper.js';

const day = hoursOn(WEEKDAYS, '08:00', '17:00');
const nine = at('2026-03-02T09:00');
const slot = { start: nine, end: nine + 70 * MINUTE };
const nurseBooking = (id: string, start: number, minutes = 70) =>
  booking(id, start, minutes, { usesNurse: true });

describe('nurse capacity', () => {
  it('fits while (overlapping + 1) ≤ nurses × chairs per nurse', () => {
    const nurses = [staffMember('n1', 'nurse', day)];
    const base = { interval: slot, nurses, chairsPerNurse: 2, timeZone: NY };
    expect(nurseCapacityCheck({ ...base, bookings: [nurseBooking('a', nine - 30 * MINUTE)] })).toEqual({
      ok: true,
    });
    expect(
      nurseCapacityCheck({
        ...base,
        bookings: [nurseBooking('a', nine - 30 * MINUTE), nurseBooking('b', nine + 30 * MINUTE)],
      }),
    ).toEqual({ ok: false, peak: 3, capacity: 2, at: nine + 30 * MINUTE });
  });

  it('counts only bookings that use a nurse and overlap; back-to-back ones do not', () => {
    const nurses = [staffMember('n1', 'nurse', day)];
    const bookings = [
      nurseBooking('before', nine - 70 * MINUTE),
      nurseBooking('after', slot.end),
      booking('consult', nine, 30),
    ];
    expect(nurseCapacityCheck({ interval: slot, bookings, nurses, chairsPerNurse: 1, timeZone: NY })).toEqual(
      { ok: true },
    );
  });

  it('counts a nurse only when on duty for the whole appointment', () => {
    const leavesAtTen = staffMember('n2', 'nurse', hoursOn(WEEKDAYS, '08:00', '10:00'));
    const onLeave = staffMember('n3', 'nurse', day, [{ start: nine + HOUR, end: nine + 2 * HOUR }]);
    const doctor = staffMember('d1', 'clinician', day);
    expect(
      nurseCapacityCheck({
        interval: slot,
        bookings: [],
        nurses: [leavesAtTen, onLeave, doctor],
        chairsPerNurse: 3,
        timeZone: NY,
      }),
    ).toEqual({ ok: false, peak: 1, capacity: 0, at: nine });
  });

  it('uses the working hours it is given instead of computing them', () => {
    const nurse = staffMember('n1', 'nurse', []);
    const hoursOf = () => [{ start: nine - HOUR, end: nine + 3 * HOUR }];
    expect(
      nurseCapacityCheck({
        interval: slot,
        bookings: [],
        nurses: [nurse],
        chairsPerNurse: 1,
        timeZone: NY,
        hoursOf,
      }),
    ).toEqual({
      ok: true,
    });
  });

  it('counts a booking passed twice once', () => {
    const nurses = [staffMember('n1', 'nurse', day)];
    const a = nurseBooking('a', nine);
    expect(
      nurseCapacityCheck({ interval: slot, bookings: [a, a], nurses, chairsPerNurse: 2, timeZone: NY }),
    ).toEqual({ ok: true });
  });

  it('agrees with counting at every moment', () => {
    const arb = fc.array(fc.tuple(fc.integer({ min: -120, max: 120 }), fc.integer({ min: 1, max: 120 })), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        arb,
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (raw, perNurse, nurseCount) => {
          const bookings = raw.map(([offset, len], i) => nurseBooking(`b${i}`, nine + offset * MINUTE, len));
          const nurses = Array.from({ length: nurseCount }, (_, i) => staffMember(`n${i}`, 'nurse', day));
          const capacity = nurseCount * perNurse;
          let peak = 0;
          let first: number | null = null;
          for (let t = slot.start; t < slot.end; t += MINUTE) {
            const n = bookings.filter((b) => b.start <= t && b.end > t).length + 1;
            peak = Math.max(peak, n);
            if (first === null && n > capacity) first = t;
          }
          const result = nurseCapacityCheck({
            interval: slot,
            bookings,
            nurses,
            chairsPerNurse: perNurse,
            timeZone: NY,
          });
          expect(result).toEqual(first === null ? { ok: true } : { ok: false, peak, capacity, at: first });
        },
      ),
    );
  });
});
