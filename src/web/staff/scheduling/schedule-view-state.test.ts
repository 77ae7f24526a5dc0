import { describe, expect, it } from 'vitest';
import { readScheduleState, scheduleQuery, stepDate, viewRange } from './schedule-view-state';

const today = '2030-03-06';

describe('the schedule’s address', () => {
  it('reads the view, date and open appointment, with today’s day view by default', () => {
    expect(readScheduleState('', today)).toEqual({ view: 'day', date: today, appointment: undefined });
    expect(readScheduleState('?view=week&date=2030-03-12&appointment=abc', today)).toEqual({
      view: 'week',
      date: '2030-03-12',
      appointment: 'abc',
    });
    expect(readScheduleState('?view=month&date=2030-02-30', today)).toEqual({
      view: 'day',
      date: today,
      appointment: undefined,
    });
  });

  it('writes only what differs from the plain address', () => {
    expect(scheduleQuery({ view: 'day', date: today, appointment: undefined }, today)).toEqual({
      view: undefined,
      date: undefined,
      appointment: undefined,
    });
    expect(scheduleQuery({ view: 'today', date: '2030-03-01', appointment: 'x' }, today)).toEqual({
      view: 'today',
      date: undefined,
      appointment: 'x',
    });
  });
});

describe('the dates a view reads', () => {
  it('reads a day, the week it is in, or today', () => {
    expect(viewRange({ view: 'day', date: '2030-03-08', appointment: undefined }, today)).toEqual({
      from: '2030-03-08',
      to: '2030-03-08',
    });
    expect(viewRange({ view: 'week', date: '2030-03-08', appointment: undefined }, today)).toEqual({
      from: '2030-03-04',
      to: '2030-03-10',
    });
    expect(viewRange({ view: 'today', date: '2030-03-08', appointment: undefined }, today)).toEqual({
      from: today,
      to: today,
    });
  });

  it('steps by a day, or a week in the week view', () => {
    expect(stepDate({ view: 'day', date: '2030-03-01', appointment: undefined }, -1)).toBe('2030-02-28');
    expect(stepDate({ view: 'week', date: '2030-03-01', appointment: undefined }, 1)).toBe('2030-03-08');
  });
});
