import { describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../../contracts/scheduling';
import { todaysAppointments } from './patient-sessions';
import { changedSessionId } from './use-board-stream';

const appointment = (
  localStart: string,
  status: AppointmentView['status'],
  mode: AppointmentView['mode'] = 'in_person',
) => ({ id: localStart + status, localStart, status, mode }) as AppointmentView;

describe('checking in from the chart', () => {
  it('offers today’s in-person appointments that are booked or already arrived', () => {
    const items = [
      appointment('2030-01-02T09:00', 'booked'),
      appointment('2030-01-02T11:00', 'checked_in'),
      appointment('2030-01-02T12:00', 'cancelled'),
      appointment('2030-01-02T13:00', 'booked', 'video'),
      appointment('2030-01-03T09:00', 'booked'),
    ];
    expect(todaysAppointments(items, '2030-01-02').map((a) => a.localStart)).toEqual([
      '2030-01-02T09:00',
      '2030-01-02T11:00',
    ]);
  });
});

describe('the board stream', () => {
  it('reads the changed session from an event, and nothing from anything else', () => {
    expect(changedSessionId('{"sessionId":"abc","version":3}')).toBe('abc');
    expect(changedSessionId('{"version":3}')).toBeUndefined();
    expect(changedSessionId('not json')).toBeUndefined();
    expect(changedSessionId('{"sessionId":4}')).toBeUndefined();
  });
});
