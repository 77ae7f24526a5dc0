import { describe, expect, it } from 'vitest';
import { actionLabel, infusionStartedAt, minutesSince, nextVitalsTiming } from './session-text';

describe('session text', () => {
  it('takes the start of the infusion from the session', () => {
    expect(infusionStartedAt({ startedAt: '2030-01-02T10:10:00.000Z' })).toBe('2030-01-02T10:10:00.000Z');
    expect(infusionStartedAt({ startedAt: null })).toBeNull();
  });

  it('counts whole minutes and never below zero', () => {
    const t = Date.parse('2030-01-02T10:00:00.000Z');
    expect(minutesSince('2030-01-02T10:00:00.000Z', t + 59_000)).toBe(0);
    expect(minutesSince('2030-01-02T10:00:00.000Z', t + 25 * 60_000)).toBe(25);
    expect(minutesSince('2030-01-02T10:00:00.000Z', t - 60_000)).toBe(0);
  });

  it('reads the timing of the next vitals from the schedule', () => {
    const due = '2030-01-02T10:20:00.000Z';
    expect(nextVitalsTiming({ slots: [], nextDue: null })).toBe('none');
    expect(nextVitalsTiming({ slots: [{ due, status: 'late', takenAt: null }], nextDue: due })).toBe('late');
    expect(nextVitalsTiming({ slots: [{ due, status: 'missed', takenAt: null }], nextDue: due })).toBe(
      'missed',
    );
    expect(nextVitalsTiming({ slots: [], nextDue: due })).toBe('upcoming');
    expect(nextVitalsTiming({ slots: [{ due, status: 'odd', takenAt: null }], nextDue: due })).toBe(
      'upcoming',
    );
  });

  it('names the esketamine start and stop for what they are', () => {
    expect(actionLabel('iv_ketamine', 'start')).toBe('Start infusion');
    expect(actionLabel('esketamine', 'start')).toBe('Record first device');
    expect(actionLabel('esketamine', 'stop')).toBe('End administration');
    expect(actionLabel('esketamine', 'discharge')).toBe('Discharge');
  });
});
