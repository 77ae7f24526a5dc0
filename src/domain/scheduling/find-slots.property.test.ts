import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSlots } from './find-slots.js';
import { addDays, formatHhMm, weekdayOf } from './local-time.js';
import { openIntervals } from './open-intervals.js';
import { at, local, MINUTE } from './scheduling.test-helper.js';
import type {
  Booking,
  Interval,
  Room,
  RoomKind,
  Slot,
  SlotRequest,
  StaffMember,
  Weekday,
  WeeklyHours,
} from './scheduling-types.js';

/**
 * Properties of findSlots on random clinics around daylight-saving changes (the US and EU ones, and Lord
 * Howe's half-hour shift), checked against a slow reference that converts every grid time with clinic-time
 * and scans every booking.
 */

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe'];
const DATES = [
  '2026-03-06',
  '2026-03-27',
  '2026-04-03',
  '2026-06-15',
  '2026-10-02',
  '2026-10-23',
  '2026-10-30',
];
const KINDS: RoomKind[] = ['infusion_chair', 'spravato_room', 'consult_room'];

const ALL_DAY: WeeklyHours[] = ([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((w) => ({
  weekday: w,
  opens: '00:00',
  closes: '24:00',
}));
const weekday = fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<Weekday>;
const hoursEntry: fc.Arbitrary<WeeklyHours> = fc
  .tuple(weekday, fc.integer({ min: 0, max: 270 }), fc.integer({ min: 1, max: 130 }))
  .map(([w, open, length]) => ({
    weekday: w,
    opens: formatHhMm(open * 5),
    closes: open * 5 + length * 5 >= 1440 ? '24:00' : formatHhMm(open * 5 + length * 5),
  }));

interface Setup {
  zone: string;
  date: string;
  offsetMinutes: number;
  lengthMinutes: number;
}

const setup: fc.Arbitrary<Setup> = fc.record({
  zone: fc.constantFrom(...ZONES),
  date: fc.constantFrom(...DATES),
  offsetMinutes: fc.integer({ min: 0, max: 24 }).map((n) => n * 30),
  lengthMinutes: fc.integer({ min: 8, max: 144 }).map((n) => n * 30),
});

/** A random request whose bookings, time off and notBefore fall around its window. */
function requestArb(options: { bookings: boolean }): fc.Arbitrary<SlotRequest> {
  return setup.chain((s) => {
    const from = at(`${s.date}T00:00`, s.zone) + s.offsetMinutes * MINUTE;
    const to = from + s.lengthMinutes * MINUTE;
    const instant = fc.integer({ min: -120, max: s.lengthMinutes + 120 }).map((m) => from + m * MINUTE);
    const timeOff: fc.Arbitrary<Interval> = fc
      .tuple(instant, fc.integer({ min: 15, max: 600 }))
      .map(([start, m]) => ({ start, end: start + m * MINUTE }));
    const everyDay = (opens: string, closes: string) =>
      fc.constant(([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((w) => ({ weekday: w, opens, closes })));
    const hoursArb = fc.oneof(
      everyDay('00:00', '24:00'),
      everyDay('07:00', '19:00'),
      fc.array(hoursEntry, { maxLength: 8 }),
    );
    const staffArb = fc.array(
      fc.record({
        role: fc.constantFrom<StaffMember['role']>('nurse', 'clinician', 'nurse'),
        // Often on all day, so slots depend on bookings and clinic hours, not only on who happens to work.
        hours: hoursArb,
        timeOff: fc.array(timeOff, { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 5 },
    );
    const roomsArb = fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 6 });
    // Half the clinics also have a nurse and a clinician on all day and a room of every kind.
    const staffed = (base: Omit<StaffMember, 'id'>[]) =>
      fc
        .boolean()
        .map((more) =>
          more
            ? [
                ...base,
                ...(['nurse', 'clinician'] as const).map((role) => ({ role, hours: ALL_DAY, timeOff: [] })),
              ]
            : base,
        );
    const roomed = (base: RoomKind[]) => fc.boolean().map((more) => (more ? [...base, ...KINDS] : base));
    return fc.tuple(staffArb.chain(staffed), roomsArb.chain(roomed)).chain(([rawStaff, kinds]) => {
      const staff: StaffMember[] = rawStaff.map((m, i) => ({ id: `s${(i * 7) % 5}${i}`, ...m }));
      const rooms: Room[] = kinds.map((kind, i) => ({ id: `r${(i * 3) % 4}${i}`, kind, name: `Room ${i}` }));
      const bookingArb: fc.Arbitrary<Booking> = fc
        .record({
          start: instant,
          minutes: fc.integer({ min: 1, max: 48 }).map((n) => n * 5),
          roomId: fc.constantFrom(null, ...rooms.map((r) => r.id)),
          clinicianId: fc.constantFrom(null, ...staff.map((m) => m.id)),
          usesNurse: fc.boolean(),
        })
        .map(({ minutes, ...b }) => ({ id: '', ...b, end: b.start + minutes * MINUTE }));
      return fc.record({
        timeZone: fc.constant(s.zone),
        from: fc.constant(from),
        to: fc.constant(to),
        notBefore: fc.integer({ min: -600, max: s.lengthMinutes / 2 }).map((m) => from + m * MINUTE),
        stepMinutes: fc.constantFrom(10, 15, 20, 30, 60),
        requirements: fc.record({
          durationMinutes: fc.constantFrom(15, 30, 45, 70, 120),
          roomKind: fc.constantFrom<RoomKind | null>(null, ...KINDS),
          clinician: fc.constantFrom('none' as const, 'assigned' as const, 'on_site' as const),
          usesNurse: fc.boolean(),
        }),
        clinicHours: fc.oneof(
          everyDay('08:00', '18:00'),
          fc
            .tuple(everyDay('02:00', '12:00'), fc.array(hoursEntry, { maxLength: 6 }))
            .map(([a, b]) => [...a, ...b]),
          fc.array(hoursEntry, { minLength: 1, maxLength: 12 }),
        ),
        closures: fc.array(
          fc
            .tuple(fc.integer({ min: -1, max: 4 }), fc.integer({ min: 0, max: 1 }))
            .map(([k, n]) => ({ from: addDays(s.date, k), to: addDays(s.date, k + n), reason: 'closed' })),
          { maxLength: 1 },
        ),
        rooms: fc.constant(rooms),
        staff: fc.constant(staff),
        chairsPerNurse: fc.integer({ min: 1, max: 3 }),
        bookings: options.bookings
          ? fc.array(bookingArb, { maxLength: 25 }).map((list) => list.map((b, i) => ({ ...b, id: `b${i}` })))
          : fc.constant([]),
        // Filters on one request in four, so most requests test the resources.
        filters: fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 3 },
          {
            arbitrary: fc.record(
              {
                weekdays: fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }),
                earliest: fc.integer({ min: 0, max: 143 }).map((n) => formatHhMm(n * 5)),
                latest: fc.integer({ min: 144, max: 287 }).map((n) => formatHhMm(n * 5)),
                clinicianId: fc.constantFrom(...staff.map((m) => m.id), 'nobody'),
              },
              { requiredKeys: [] },
            ),
            weight: 1,
          },
        ),
        limit: fc.integer({ min: 1, max: 400 }),
      });
    });
  });
}

// ---- the slow reference ----------------------------------------------------------------------------

const overlaps = (b: Booking, s: number, e: number) => b.end > b.start && b.start < e && b.end > s;
const covers = (list: Interval[], s: number, e: number) => list.some((i) => i.start <= s && i.end >= e);
const byId = <T extends { id: string }>(list: T[]) =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

function nurseLoad(req: SlotRequest, s: number, e: number): { peak: number; capacity: number } {
  const lower = Math.max(req.from, req.notBefore);
  const onDuty = req.staff.filter(
    (m) =>
      m.role === 'nurse' && covers(openIntervals(m.hours, [], m.timeOff, lower, req.to, req.timeZone), s, e),
  );
  const using = req.bookings.filter((b) => b.usesNurse && overlaps(b, s, e));
  const moments = [s, ...using.map((b) => b.start).filter((t) => t > s && t < e)];
  const peak = Math.max(...moments.map((t) => using.filter((b) => b.start <= t && b.end > t).length)) + 1;
  return { peak, capacity: onDuty.length * req.chairsPerNurse };
}

function referenceSlot(req: SlotRequest, start: number, end: number): Slot | null {
  const lower = Math.max(req.from, req.notBefore);
  const need = req.requirements;
  const clinicians = byId(req.staff).filter(
    (m) =>
      m.role === 'clinician' &&
      (req.filters?.clinicianId === undefined || m.id === req.filters.clinicianId) &&
      covers(openIntervals(m.hours, [], m.timeOff, lower, req.to, req.timeZone), start, end),
  );
  let clinicianId: string | null = null;
  if (need.clinician === 'on_site' && clinicians.length === 0) return null;
  if (need.clinician === 'assigned') {
    const free = clinicians.find(
      (c) => !req.bookings.some((b) => b.clinicianId === c.id && overlaps(b, start, end)),
    );
    if (!free) return null;
    clinicianId = free.id;
  }
  let roomId: string | null = null;
  if (need.roomKind !== null) {
    const rooms = byId(req.rooms).filter((r) => r.kind === need.roomKind);
    const free = rooms.find((r) => !req.bookings.some((b) => b.roomId === r.id && overlaps(b, start, end)));
    if (!free) return null;
    roomId = free.id;
  }
  if (need.usesNurse) {
    const { peak, capacity } = nurseLoad(req, start, end);
    if (peak > capacity) return null;
  }
  return { start, end, roomId, clinicianId };
}

function referenceSlots(req: SlotRequest): Slot[] {
  const lower = Math.max(req.from, req.notBefore);
  if (!(req.to > lower)) return [];
  const open = openIntervals(req.clinicHours, req.closures, [], lower, req.to, req.timeZone);
  const step = req.stepMinutes ?? 15;
  const f = req.filters ?? {};
  const seen = new Set<number>();
  const slots: Slot[] = [];
  const firstDate = local(lower, req.timeZone).slice(0, 10);
  const lastDate = local(req.to - 1, req.timeZone).slice(0, 10);
  for (
    let d = new Date(`${firstDate}T00:00Z`);
    d.toISOString().slice(0, 10) <= lastDate;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const date = d.toISOString().slice(0, 10);
    for (let m = 0; m < 1440; m += step) {
      const start = at(`${date}T${formatHhMm(m)}`, req.timeZone);
      const end = start + req.requirements.durationMinutes * MINUTE;
      if (seen.has(start)) continue;
      seen.add(start);
      const time = local(start, req.timeZone).slice(11);
      if (start < lower || end > req.to || !covers(open, start, end)) continue;
      if (f.weekdays && !f.weekdays.includes(weekdayOf(date))) continue;
      if ((f.earliest !== undefined && time < f.earliest) || (f.latest !== undefined && time > f.latest))
        continue;
      const slot = referenceSlot(req, start, end);
      if (slot) slots.push(slot);
    }
  }
  return slots.sort((a, b) => a.start - b.start).slice(0, req.limit);
}

// ---- properties -------------------------------------------------------------------------------------

const withBookings = requestArb({ bookings: true });

describe('findSlots properties', () => {
  it('gives exactly the slots of the slow reference', () => {
    let answered = 0;
    fc.assert(
      fc.property(withBookings, (req) => {
        const slots = findSlots(req);
        expect(slots).toEqual(referenceSlots(req));
        if (slots.length > 0) answered++;
      }),
      { numRuns: 150 },
    );
    // Guard the generator: most random clinics must have some slot, or the comparison proves little.
    expect(answered).toBeGreaterThan(40);
  });

  it('never overlaps a booking of the slot’s room or clinician', () => {
    fc.assert(
      fc.property(withBookings, (req) => {
        for (const s of findSlots(req)) {
          const clash = req.bookings.filter(
            (b) =>
              overlaps(b, s.start, s.end) &&
              ((s.roomId !== null && b.roomId === s.roomId) ||
                (s.clinicianId !== null && b.clinicianId === s.clinicianId)),
          );
          expect(clash).toEqual([]);
        }
      }),
    );
  });

  it('puts every slot inside the clinic’s open time and inside [max(from, notBefore), to)', () => {
    fc.assert(
      fc.property(withBookings, (req) => {
        const open = openIntervals(req.clinicHours, req.closures, [], req.from, req.to, req.timeZone);
        for (const s of findSlots(req)) {
          expect(covers(open, s.start, s.end)).toBe(true);
          expect(s.start).toBeGreaterThanOrEqual(Math.max(req.from, req.notBefore));
          expect(s.end).toBeLessThanOrEqual(req.to);
          expect(s.end - s.start).toBe(req.requirements.durationMinutes * MINUTE);
        }
      }),
    );
  });

  it('keeps nurse capacity when the slot is added', () => {
    fc.assert(
      fc.property(withBookings, (req) => {
        if (!req.requirements.usesNurse) return;
        for (const s of findSlots(req)) {
          const { peak, capacity } = nurseLoad(req, s.start, s.end);
          expect(peak).toBeLessThanOrEqual(capacity);
        }
      }),
    );
  });

  it('returns slots in time order, one per start time, at most `limit`', () => {
    fc.assert(
      fc.property(withBookings, (req) => {
        const slots = findSlots(req);
        expect(slots.length).toBeLessThanOrEqual(req.limit);
        slots.slice(1).forEach((s, i) => expect(s.start).toBeGreaterThan(slots[i]!.start));
      }),
    );
  });

  it('with no bookings and enough rooms and staff, starts at the first open grid time', () => {
    const everyone = (hours: WeeklyHours[]): StaffMember[] => [
      { id: 'nurse', role: 'nurse', hours, timeOff: [] },
      { id: 'doc', role: 'clinician', hours, timeOff: [] },
    ];
    const allDay: WeeklyHours[] = ([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((w) => ({
      weekday: w,
      opens: '00:00',
      closes: '24:00',
    }));
    fc.assert(
      fc.property(requestArb({ bookings: false }), (raw) => {
        const req: SlotRequest = {
          ...raw,
          filters: undefined,
          staff: everyone(allDay),
          rooms: KINDS.map((kind) => ({ id: kind, kind, name: kind })),
        };
        const lower = Math.max(req.from, req.notBefore);
        const open = openIntervals(req.clinicHours, req.closures, [], lower, req.to, req.timeZone);
        const step = req.stepMinutes ?? 15;
        const duration = req.requirements.durationMinutes * MINUTE;
        // The first grid time, walking minute by minute on the clinic clock through the open time, whose slot fits.
        let expected: number | undefined;
        for (const i of open) {
          for (let t = i.start; t + duration <= i.end && expected === undefined; t += MINUTE) {
            const time = local(t, req.timeZone).slice(11);
            if ((Number(time.slice(0, 2)) * 60 + Number(time.slice(3))) % step === 0) expected = t;
          }
          if (expected !== undefined) break;
        }
        expect(findSlots(req)[0]?.start).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });
});
