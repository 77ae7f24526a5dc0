import { describe, expect, it } from 'vitest';
import {
  assignLanes,
  blockBox,
  dayColumns,
  DEFAULT_RANGE,
  gridRange,
  hourMarks,
  minutesOn,
  nowOffset,
  rowCount,
} from './day-grid';
import { appointment, room } from './fixtures.test-helper';

const day = '2024-03-05';

describe('the hours of the day view', () => {
  it('shows 07:00–20:00 in 15-minute rows when everything falls inside', () => {
    const range = gridRange([appointment(`${day}T09:00`, `${day}T10:10`)], day);
    expect(range).toEqual(DEFAULT_RANGE);
    expect(rowCount(range)).toBe(52);
  });

  it('widens to whole hours around an early or late appointment', () => {
    const range = gridRange(
      [appointment(`${day}T06:45`, `${day}T07:30`), appointment(`${day}T19:30`, `${day}T20:40`)],
      day,
    );
    expect(range).toEqual({ start: 6 * 60, end: 21 * 60 });
  });

  it('cuts an appointment running past midnight at the end of the day', () => {
    expect(minutesOn(day, '2024-03-06T00:30')).toBe(1440);
    expect(minutesOn(day, '2024-03-04T23:00')).toBe(0);
    expect(gridRange([appointment(`${day}T22:00`, '2024-03-06T01:00')], day).end).toBe(1440);
  });

  it('marks every hour and places "now" within the hours shown', () => {
    const marks = hourMarks(DEFAULT_RANGE);
    expect(marks).toHaveLength(13);
    expect(marks[0]).toEqual({ clock: '07:00', offset: 0 });
    expect(marks[1]!.offset).toBeCloseTo(1 / 13);
    expect(nowOffset('13:30', DEFAULT_RANGE)).toBeCloseTo(6.5 / 13);
    expect(nowOffset('06:59', DEFAULT_RANGE)).toBeUndefined();
    expect(nowOffset('21:00', DEFAULT_RANGE)).toBeUndefined();
  });
});

describe('blockBox', () => {
  it('places a block by its local start and end', () => {
    const box = blockBox(appointment(`${day}T09:00`, `${day}T10:10`), day, DEFAULT_RANGE);
    expect(box.top).toBeCloseTo(120 / 780);
    expect(box.height).toBeCloseTo(70 / 780);
  });

  it('keeps a short block at least one row tall and clips at the edges', () => {
    expect(blockBox(appointment(`${day}T09:00`, `${day}T09:05`), day, DEFAULT_RANGE).height).toBeCloseTo(
      15 / 780,
    );
    const late = blockBox(appointment(`${day}T19:30`, `${day}T21:00`), day, DEFAULT_RANGE);
    expect(late.top + late.height).toBeCloseTo(1);
  });
});

describe('assignLanes', () => {
  it('gives blocks that do not overlap the full width', () => {
    const a = appointment(`${day}T09:00`, `${day}T10:00`);
    const b = appointment(`${day}T10:00`, `${day}T11:00`);
    const lanes = assignLanes([b, a]);
    expect(lanes.get(a.id)).toEqual({ lane: 0, lanes: 1 });
    expect(lanes.get(b.id)).toEqual({ lane: 0, lanes: 1 });
  });

  it('puts overlapping blocks side by side and reuses a lane once it is free', () => {
    const a = appointment(`${day}T09:00`, `${day}T11:00`);
    const b = appointment(`${day}T09:30`, `${day}T10:00`);
    const c = appointment(`${day}T10:00`, `${day}T10:30`);
    const d = appointment(`${day}T12:00`, `${day}T12:30`);
    const lanes = assignLanes([a, b, c, d]);
    expect(lanes.get(a.id)).toEqual({ lane: 0, lanes: 2 });
    expect(lanes.get(b.id)).toEqual({ lane: 1, lanes: 2 });
    expect(lanes.get(c.id)).toEqual({ lane: 1, lanes: 2 });
    expect(lanes.get(d.id)).toEqual({ lane: 0, lanes: 1 });
  });

  it('counts three at once as three lanes', () => {
    const items = [0, 1, 2].map(() => appointment(`${day}T09:00`, `${day}T10:00`));
    expect([...assignLanes(items).values()].map((l) => l.lane).sort()).toEqual([0, 1, 2]);
    expect(new Set([...assignLanes(items).values()].map((l) => l.lanes))).toEqual(new Set([3]));
  });
});

describe('dayColumns', () => {
  it('has a column per room in use, in order, and one for appointments without a room', () => {
    const chair2 = room('Chair 2', 2);
    const chair1 = room('Chair 1', 1);
    const old = room('Chair 9', 9, { active: false });
    const unused = room('Chair 8', 8, { active: false });
    const inOld = appointment(`${day}T09:00`, `${day}T10:00`, { room: { id: old.id, label: old.name } });
    const video = appointment(`${day}T08:00`, `${day}T08:20`);
    const later = appointment(`${day}T13:00`, `${day}T14:00`, { room: { id: chair1.id, label: 'Chair 1' } });
    const earlier = appointment(`${day}T09:00`, `${day}T10:00`, {
      room: { id: chair1.id, label: 'Chair 1' },
    });
    const columns = dayColumns([chair2, chair1, old, unused], [later, inOld, video, earlier]);
    expect(columns.map((c) => c.label)).toEqual([
      'Chair 1',
      'Chair 2',
      'Chair 9 (out of use)',
      'No room (video)',
    ]);
    expect(columns[0]!.items).toEqual([earlier, later]);
    expect(columns[3]!.items).toEqual([video]);
  });
});
