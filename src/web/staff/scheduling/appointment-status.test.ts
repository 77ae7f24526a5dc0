import { describe, expect, it } from 'vitest';
import { laterSessions, seriesText, statusActions, todayBoard } from './appointment-status';
import { appointment } from './fixtures.test-helper';

const day = '2024-03-05';
const at = (clock: string) => Date.parse(`${day}T${clock}:00-05:00`);

describe('statusActions', () => {
  const infusion = appointment(`${day}T09:00`, `${day}T10:10`);

  it('offers check-in before the start, and a no-show only once it has passed', () => {
    expect(statusActions(infusion, at('08:30'), day)).toEqual(['check_in']);
    expect(statusActions(infusion, at('09:05'), day)).toEqual(['check_in', 'no_show']);
  });

  it('walks an infusion through the chair and recovery', () => {
    expect(statusActions({ ...infusion, status: 'checked_in' }, at('09:00'), day)).toEqual([
      'seat',
      'undo_check_in',
    ]);
    expect(statusActions({ ...infusion, status: 'in_chair' }, at('09:10'), day)).toEqual([
      'start_recovery',
      'complete',
    ]);
    expect(statusActions({ ...infusion, status: 'recovering' }, at('09:50'), day)).toEqual(['complete']);
    for (const status of ['completed', 'cancelled', 'no_show'] as const)
      expect(statusActions({ ...infusion, status }, at('12:00'), day)).toEqual([]);
  });

  it('offers nothing before the appointment’s day, and still offers it on a later day', () => {
    expect(statusActions(infusion, at('08:00') - 86_400_000, '2024-03-04')).toEqual([]);
    expect(statusActions(infusion, at('08:00') + 86_400_000, '2024-03-06')).toEqual(['check_in', 'no_show']);
  });

  it('completes a consultation from the room, without recovery', () => {
    const consult = appointment(`${day}T09:00`, `${day}T09:30`, {
      type: { ...infusion.type, code: 'consultation', name: 'Consultation', category: 'consultation' },
      status: 'in_chair',
    });
    expect(statusActions(consult, at('09:10'), day)).toEqual(['complete']);
  });
});

describe('todayBoard', () => {
  it('sorts the day into Arriving, In chair, Recovering and Done, in time order, without cancelled', () => {
    const items = [
      appointment(`${day}T11:00`, `${day}T12:10`, { status: 'booked' }),
      appointment(`${day}T09:00`, `${day}T10:10`, { status: 'checked_in' }),
      appointment(`${day}T08:00`, `${day}T09:10`, { status: 'in_chair' }),
      appointment(`${day}T07:00`, `${day}T08:10`, { status: 'recovering' }),
      appointment(`${day}T07:00`, `${day}T08:10`, { status: 'completed' }),
      appointment(`${day}T07:30`, `${day}T08:40`, { status: 'no_show' }),
      appointment(`${day}T10:00`, `${day}T11:10`, { status: 'cancelled' }),
    ];
    const board = todayBoard(items);
    expect(board.arriving.map((a) => a.localStart.slice(11))).toEqual(['09:00', '11:00']);
    expect(board.in_chair).toHaveLength(1);
    expect(board.recovering).toHaveLength(1);
    expect(board.done.map((a) => a.status)).toEqual(['completed', 'no_show']);
  });
});

describe('seriesText', () => {
  it('says which session of a series it is', () => {
    expect(seriesText({ seriesIndex: 3, seriesSize: 6 })).toBe('3 of 6');
    expect(seriesText({ seriesIndex: null, seriesSize: null })).toBeUndefined();
  });
});

describe('laterSessions', () => {
  it('finds the booked sessions of the same series after this one', () => {
    const seriesId = '11111111-1111-4111-8111-111111111111';
    const s = [1, 2, 3, 4].map((n) =>
      appointment(`2024-03-0${n * 2}T09:00`, `2024-03-0${n * 2}T10:10`, { seriesId, seriesIndex: n }),
    );
    s[3] = { ...s[3]!, status: 'cancelled' };
    const other = appointment('2024-03-09T09:00', '2024-03-09T10:10');
    expect(laterSessions(s[1]!, [...s, other]).map((a) => a.seriesIndex)).toEqual([3]);
    expect(laterSessions(other, s)).toEqual([]);
  });
});
