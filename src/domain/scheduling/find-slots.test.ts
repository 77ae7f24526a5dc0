import { describe, expect, it } from 'vitest';
import { createSlotSearch, findSlots } from './find-slots.js';
import {
  ALL_DAYS,
  at,
  booking,
  chairs,
  hoursOn,
  infusionContext,
  local,
  staffMember,
  utc,
  WEEKDAYS,
} from './scheduling.test-helper.js';
import type { SlotContext, SlotRequest } from './scheduling-types.js';

const monday = (time: string) => at(`2026-03-02T${time}`);
const request = (
  ctx: SlotContext,
  from = monday('00:00'),
  to = monday('23:59'),
  limit = 100,
): SlotRequest => ({
  ...ctx,
  from,
  to,
  limit,
});
const starts = (slots: { start: number }[]) => slots.map((s) => local(s.start).slice(11));

const consult: SlotContext['requirements'] = {
  durationMinutes: 30,
  roomKind: 'consult_room',
  clinician: 'assigned',
  usesNurse: false,
};

describe('findSlots', () => {
  it('offers every grid time whose whole slot fits the opening hours', () => {
    const slots = findSlots(request(infusionContext()));
    expect(starts(slots).slice(0, 3)).toEqual(['08:00', '08:15', '08:30']);
    // A 70-minute infusion must end by 17:00.
    expect(starts(slots).at(-1)).toBe('15:45');
    expect(slots[0]).toEqual({
      start: monday('08:00'),
      end: monday('09:10'),
      roomId: 'chair-1',
      clinicianId: null,
    });
  });

  it('lays the grid on local time from midnight, whatever the opening minute', () => {
    const ctx = infusionContext({ clinicHours: hoursOn(WEEKDAYS, '08:10', '17:00'), stepMinutes: 30 });
    expect(starts(findSlots(request(ctx))).slice(0, 2)).toEqual(['08:30', '09:00']);
  });

  it('takes the first free room by id and skips a start when every room is taken', () => {
    const ctx = infusionContext({
      chairsPerNurse: 4,
      bookings: [
        booking('a', monday('08:00'), 70, { roomId: 'chair-1', usesNurse: true }),
        booking('b', monday('08:00'), 90, { roomId: 'chair-2', usesNurse: true }),
      ],
    });
    const slots = findSlots(request(ctx));
    // chair-1 is free again at 09:10, the first grid time after that is 09:15; back-to-back is fine at 09:30.
    expect(slots.slice(0, 2).map((s) => [local(s.start).slice(11), s.roomId])).toEqual([
      ['09:15', 'chair-1'],
      ['09:30', 'chair-1'],
    ]);
  });

  it('holds nurse capacity: one nurse watching two chairs cannot take a third', () => {
    const ctx = infusionContext({
      rooms: chairs(4),
      bookings: [
        booking('a', monday('08:00'), 70, { roomId: 'chair-1', usesNurse: true }),
        booking('b', monday('08:00'), 70, { roomId: 'chair-2', usesNurse: true }),
      ],
    });
    expect(starts(findSlots(request(ctx, monday('08:00'), monday('12:00'), 1)))).toEqual(['09:15']);
  });

  it('books an assigned clinician who works the whole slot and is free, first by id', () => {
    const hours = hoursOn(WEEKDAYS, '08:00', '17:00');
    const ctx = infusionContext({
      requirements: consult,
      rooms: [{ id: 'consult-1', kind: 'consult_room', name: 'Consult' }],
      staff: [
        staffMember('doc-b', 'clinician', hours),
        staffMember('doc-a', 'clinician', hoursOn(WEEKDAYS, '08:00', '08:20')),
        staffMember('doc-c', 'clinician', hours),
      ],
      bookings: [booking('x', monday('08:00'), 30, { clinicianId: 'doc-b' })],
    });
    const slots = findSlots(request(ctx, monday('08:00'), monday('09:00'), 3));
    expect(slots.map((s) => [local(s.start).slice(11), s.clinicianId, s.roomId])).toEqual([
      ['08:00', 'doc-c', 'consult-1'],
      ['08:15', 'doc-c', 'consult-1'],
      ['08:30', 'doc-b', 'consult-1'],
    ]);
    const onlyB = findSlots(
      request({ ...ctx, filters: { clinicianId: 'doc-b' } }, monday('08:00'), monday('09:00'), 1),
    );
    expect(onlyB.map((s) => [local(s.start).slice(11), s.clinicianId])).toEqual([['08:30', 'doc-b']]);
  });

  it('needs a clinician on site for the whole of an on-site type but does not book one', () => {
    const ctx = infusionContext({
      requirements: {
        durationMinutes: 120,
        roomKind: 'spravato_room',
        clinician: 'on_site',
        usesNurse: true,
      },
      rooms: [{ id: 'sp-1', kind: 'spravato_room', name: 'Spravato' }],
      staff: [
        staffMember('nurse-1', 'nurse', hoursOn(WEEKDAYS, '08:00', '17:00')),
        staffMember('doc-1', 'clinician', hoursOn(WEEKDAYS, '10:00', '13:00')),
      ],
      bookings: [booking('x', monday('10:00'), 30, { clinicianId: 'doc-1' })],
    });
    const slots = findSlots(request(ctx));
    expect(starts(slots)).toEqual(['10:00', '10:15', '10:30', '10:45', '11:00']);
    expect(slots.every((s) => s.clinicianId === null && s.roomId === 'sp-1')).toBe(true);
  });

  it('books no room for a type that needs none', () => {
    const ctx = infusionContext({ requirements: { ...consult, roomKind: null } });
    expect(findSlots(request(ctx, monday('08:00'), monday('09:00'), 1))).toEqual([
      { start: monday('08:00'), end: monday('08:30'), roomId: null, clinicianId: 'doc-1' },
    ]);
  });

  it('applies the weekday and local time filters, latest being the latest start', () => {
    const ctx = infusionContext({
      filters: { weekdays: [2], earliest: '10:00', latest: '11:00' },
      stepMinutes: 30,
    });
    const slots = findSlots(request(ctx, monday('00:00'), at('2026-03-04T00:00')));
    expect(slots.map((s) => local(s.start))).toEqual([
      '2026-03-03T10:00',
      '2026-03-03T10:30',
      '2026-03-03T11:00',
    ]);
  });

  it('offers nothing before notBefore, after the window, on a closed day, or past the limit', () => {
    const ctx = infusionContext({
      notBefore: monday('15:01'),
      closures: [{ from: '2026-03-03', to: '2026-03-03', reason: 'holiday' }],
    });
    const slots = findSlots(request(ctx, monday('00:00'), at('2026-03-04T09:40')));
    expect(slots.map((s) => local(s.start))).toEqual([
      '2026-03-02T15:15',
      '2026-03-02T15:30',
      '2026-03-02T15:45',
      '2026-03-04T08:00',
      '2026-03-04T08:15',
      '2026-03-04T08:30',
    ]);
    expect(findSlots(request(ctx, monday('00:00'), at('2026-03-04T09:40'), 2))).toHaveLength(2);
  });

  it('keeps the grid on local time across the spring change', () => {
    const ctx = infusionContext({
      clinicHours: hoursOn(ALL_DAYS, '09:00', '11:00'),
      staff: [staffMember('nurse-1', 'nurse', hoursOn(ALL_DAYS, '00:00', '24:00'))],
      stepMinutes: 60,
      requirements: { durationMinutes: 60, roomKind: 'infusion_chair', clinician: 'none', usesNurse: true },
    });
    const slots = findSlots(request(ctx, at('2026-03-07T00:00'), at('2026-03-09T00:00')));
    expect(slots.map((s) => [local(s.start), utc(s.start)])).toEqual([
      ['2026-03-07T09:00', '2026-03-07T14:00'],
      ['2026-03-07T10:00', '2026-03-07T15:00'],
      ['2026-03-08T09:00', '2026-03-08T13:00'],
      ['2026-03-08T10:00', '2026-03-08T14:00'],
    ]);
  });

  it('answers nothing for a request with problems instead of throwing', () => {
    expect(findSlots(request(infusionContext({ timeZone: 'Not/AZone' })))).toEqual([]);
    expect(findSlots({ ...request(infusionContext()), limit: Number.NaN })).toEqual([]);
    expect(createSlotSearch(infusionContext({ stepMinutes: -5 }), 0, 1)).toBeNull();
  });

  it('sees a booking added to a search, and the original search does not', () => {
    const search = createSlotSearch(infusionContext({ rooms: chairs(1) }), monday('00:00'), monday('23:59'))!;
    const first = search.between(monday('08:00'), monday('09:00'), 1)[0]!;
    const busy = search.withBooking(booking('p', first.start, 70, { roomId: first.roomId, usesNurse: true }));
    expect(local(busy.between(monday('08:00'), monday('12:00'), 1)[0]!.start)).toBe('2026-03-02T09:15');
    expect(search.onDate('2026-03-02')[0]!.start).toBe(first.start);
    expect(busy.onDate('2026-03-02')[0]!.localMinute).toBe(9 * 60 + 15);
  });
});
