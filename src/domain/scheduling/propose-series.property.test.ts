import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatHhMm } from './local-time.js';
import { nurseCapacityCheck } from './nurse-capacity.js';
import { openIntervals } from './open-intervals.js';
import { proposeSeries } from './propose-series.js';
import { at, local, MINUTE } from './scheduling.test-helper.js';
import type {
  AppointmentTypeRequirements,
  Booking,
  SeriesRequest,
  StaffMember,
  Weekday,
  WeeklyHours,
} from './scheduling-types.js';
import { checkSeriesRules } from './series-rules.js';

/**
 * Properties of proposed induction courses on random clinics, some spanning a daylight-saving change:
 * whatever the greedy picks must be bookable as a whole and keep the course rules.
 */

const ZONES = ['America/New_York', 'Europe/London', 'UTC'];
const START_DATES = ['2026-02-23', '2026-03-02', '2026-03-23', '2026-06-01', '2026-10-19', '2026-10-26'];
const weekday = fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<Weekday>;

const hoursEntry: fc.Arbitrary<WeeklyHours> = fc
  .tuple(weekday, fc.integer({ min: 12, max: 60 }), fc.integer({ min: 6, max: 40 }))
  .map(([w, open, length]) => ({
    weekday: w,
    opens: formatHhMm(open * 15),
    closes: formatHhMm(Math.min(open + length, 95) * 15),
  }));
const weekdays = (opens: string, closes: string): WeeklyHours[] =>
  ([1, 2, 3, 4, 5] as Weekday[]).map((w) => ({ weekday: w, opens, closes }));
const hoursArb = fc.oneof(
  fc.constant(weekdays('08:00', '17:00')),
  fc.array(hoursEntry, { minLength: 1, maxLength: 10 }),
);

const infusion: AppointmentTypeRequirements = {
  durationMinutes: 70,
  roomKind: 'infusion_chair',
  clinician: 'none',
  usesNurse: true,
};
const consult: AppointmentTypeRequirements = {
  durationMinutes: 30,
  roomKind: 'consult_room',
  clinician: 'assigned',
  usesNurse: false,
};
const spravato: AppointmentTypeRequirements = {
  durationMinutes: 120,
  roomKind: 'spravato_room',
  clinician: 'on_site',
  usesNurse: true,
};

const requestArb: fc.Arbitrary<SeriesRequest> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    startDate: fc.constantFrom(...START_DATES),
    staffHours: fc.array(fc.tuple(fc.constantFrom<StaffMember['role']>('nurse', 'clinician'), hoursArb), {
      minLength: 1,
      maxLength: 4,
    }),
  })
  .chain(({ zone, startDate, staffHours }) => {
    const staff: StaffMember[] = staffHours.map(([role, hours], i) => ({
      id: `s${i}`,
      role,
      hours,
      timeOff: [],
    }));
    const rooms = [
      { id: 'chair-2', kind: 'infusion_chair' as const, name: 'Chair 2' },
      { id: 'chair-1', kind: 'infusion_chair' as const, name: 'Chair 1' },
      { id: 'consult', kind: 'consult_room' as const, name: 'Consult' },
      { id: 'spravato', kind: 'spravato_room' as const, name: 'Spravato' },
    ];
    const dayStart = at(`${startDate}T00:00`, zone);
    const bookingArb: fc.Arbitrary<Booking> = fc
      .record({
        day: fc.integer({ min: 0, max: 35 }),
        quarter: fc.integer({ min: 28, max: 72 }),
        minutes: fc.constantFrom(30, 70, 120),
        roomId: fc.constantFrom(null, ...rooms.map((r) => r.id)),
        clinicianId: fc.constantFrom(null, ...staff.map((s) => s.id)),
        usesNurse: fc.boolean(),
      })
      .map((b) => {
        const start = at(`${addDays(startDate, b.day)}T${formatHhMm(b.quarter * 15)}`, zone);
        return {
          id: '',
          start,
          end: start + b.minutes * MINUTE,
          roomId: b.roomId,
          clinicianId: b.clinicianId,
          usesNurse: b.usesNurse,
        };
      });
    const rulesArb = fc
      .record({
        minPerWeek: fc.integer({ min: 0, max: 2 }),
        extra: fc.integer({ min: 0, max: 2 }),
        minDaysBetween: fc.integer({ min: 0, max: 2 }),
        maxSpanDays: fc.integer({ min: 7, max: 28 }),
      })
      .map(({ minPerWeek, extra, ...r }) => ({
        ...r,
        minPerWeek,
        maxPerWeek: Math.max(1, minPerWeek + extra),
      }));
    return fc.record({
      timeZone: fc.constant(zone),
      notBefore: fc.integer({ min: -24, max: 72 }).map((h) => dayStart + h * 60 * MINUTE),
      stepMinutes: fc.constantFrom(15, 30, 60),
      requirements: fc.constantFrom(infusion, infusion, consult, spravato),
      clinicHours: hoursArb,
      closures: fc.array(
        fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 6 })).map(([k, n]) => ({
          from: addDays(startDate, k),
          to: addDays(startDate, k + n),
          reason: 'closed',
        })),
        { maxLength: 1 },
      ),
      rooms: fc.constant(rooms),
      staff: fc.constant(staff),
      chairsPerNurse: fc.integer({ min: 1, max: 2 }),
      bookings: fc
        .array(bookingArb, { maxLength: 60 })
        .map((list) => list.map((b, i) => ({ ...b, id: `b${i}` }))),
      count: fc.integer({ min: 1, max: 7 }),
      rules: rulesArb,
      startDate: fc.constant(startDate),
      preferredWeekdays: fc.option(fc.uniqueArray(weekday, { minLength: 1, maxLength: 4 }), {
        nil: undefined,
      }),
      preferredTime: fc.option(
        fc.integer({ min: 28, max: 72 }).map((q) => formatHhMm(q * 15)),
        { nil: undefined },
      ),
    });
  });

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

describe('proposeSeries properties', () => {
  it('proposes courses that can be booked as a whole and keep the rules', () => {
    let proposed = 0;
    fc.assert(
      fc.property(requestArb, (req) => {
        const result = proposeSeries(req);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          return;
        }
        proposed++;
        const list = result.value.sessions;
        const tz = req.timeZone;
        expect(list).toHaveLength(req.count);
        expect(
          checkSeriesRules(
            list.map((s) => s.start),
            { ...req.rules, count: req.count },
            tz,
          ),
        ).toEqual([]);
        const last = list[list.length - 1]!;
        const open = openIntervals(req.clinicHours, req.closures, [], list[0]!.start, last.end, tz);
        list.forEach((s, i) => {
          expect(s.localStart).toBe(local(s.start, tz));
          expect(s.start).toBeGreaterThanOrEqual(req.notBefore);
          expect(s.localStart.slice(0, 10) >= req.startDate).toBe(true);
          expect(s.end - s.start).toBe(req.requirements.durationMinutes * MINUTE);
          expect(open.some((o) => o.start <= s.start && o.end >= s.end)).toBe(true);
          const others = list.filter((_, j) => j !== i);
          expect(others.filter((o) => overlaps(o, s))).toEqual([]);
          const clash = req.bookings.filter(
            (b) =>
              overlaps(b, s) &&
              ((s.roomId !== null && b.roomId === s.roomId) ||
                (s.clinicianId !== null && b.clinicianId === s.clinicianId)),
          );
          expect(clash).toEqual([]);
          if (req.requirements.usesNurse) {
            const asBookings = others.map((o, j) => ({ ...o, id: `p${j}`, usesNurse: true }));
            const check = nurseCapacityCheck({
              interval: s,
              bookings: [...req.bookings, ...asBookings],
              nurses: req.staff,
              chairsPerNurse: req.chairsPerNurse,
              timeZone: tz,
            });
            expect(check).toEqual({ ok: true });
          }
        });
      }),
      { numRuns: 80 },
    );
    // Guard the generator: a good share of random clinics must get a course, or this proves little.
    expect(proposed).toBeGreaterThan(10);
  });
});
