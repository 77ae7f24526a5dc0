import { describe, expect, it } from 'vitest';
import { vitalsCadenceSettingsSchema } from '../clinic/session-settings.js';
import { scaleSchedule, vitalsSchedule, type SessionTimes } from './cadence.js';

const t0 = Date.UTC(2026, 0, 5, 9, 0);
const m = (minutes: number) => t0 + minutes * 60_000;
const settings = vitalsCadenceSettingsSchema.parse({});
const dues = (slots: { due: number }[]) => slots.map((s) => (s.due - t0) / 60_000);

const finished: SessionTimes = { startedAt: m(0), stoppedAt: m(40), endedAt: m(100) };
const running: SessionTimes = { startedAt: m(0), stoppedAt: null, endedAt: null };

describe('vitals cadence, IV (every 10 min during, every 15 after)', () => {
  it('puts due times on a grid from the start and from the stop', () => {
    const s = vitalsSchedule('iv_ketamine', finished, [], settings, m(200));
    expect(dues(s.slots)).toEqual([10, 20, 30, 40, 55, 70, 85, 100]);
    expect(s.slots.map((x) => x.phase)).toEqual([
      'during',
      'during',
      'during',
      'during',
      'after',
      'after',
      'after',
      'after',
    ]);
    expect(s.nextDue).toBeNull();
  });

  it('keeps one slot beyond now while the infusion runs, so the next due time is known', () => {
    const s = vitalsSchedule('iv_ketamine', running, [m(10), m(20)], settings, m(25));
    expect(dues(s.slots)).toEqual([10, 20, 30]);
    expect(s.nextDue).toBe(m(30));
  });

  it('follows the clinic’s intervals', () => {
    const s = vitalsSchedule(
      'iv_ketamine',
      finished,
      [],
      { ...settings, ivDuringMinutes: 5, ivAfterMinutes: 30 },
      m(200),
    );
    expect(dues(s.slots)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 70, 100]);
  });

  it.each([
    [6.9, 'missed', null],
    [7, 'on_time', 7],
    [10, 'on_time', 10],
    [13, 'on_time', 13],
    [13.5, 'late', 13.5],
    [16.9, 'late', 16.9],
    [17, 'missed', null],
  ])('a single reading at %s min: the 10-min slot is %s', (taken, status, takenMin) => {
    const s = vitalsSchedule('iv_ketamine', running, [m(taken)], settings, m(40));
    expect(s.slots[0]).toMatchObject({ status, takenAt: takenMin === null ? null : m(takenMin) });
  });

  it.each([
    [9.9, 'upcoming'],
    [10, 'due'],
    [13, 'due'],
    [13.1, 'late'],
    [20, 'late'],
    [20.1, 'missed'],
  ])('with no reading, at %s min the 10-min slot is %s', (now, status) => {
    expect(vitalsSchedule('iv_ketamine', running, [], settings, m(now)).slots[0]!.status).toBe(status);
  });

  it('a late reading does not push the grid back, and a missed slot leaves the next one open', () => {
    const s = vitalsSchedule('iv_ketamine', running, [m(10)], settings, m(35));
    expect(s.slots.map((x) => x.status)).toEqual(['on_time', 'missed', 'late', 'upcoming']);
    expect(s.nextDue).toBe(m(30));
  });

  it('counts a reading at the stop for the last infusion slot and grades recovery readings at 15 min', () => {
    const s = vitalsSchedule(
      'iv_ketamine',
      finished,
      [m(10), m(20), m(30), m(40), m(56), m(75)],
      settings,
      m(80),
    );
    expect(s.slots.slice(0, 6).map((x) => x.status)).toEqual([
      'on_time',
      'on_time',
      'on_time',
      'on_time',
      'on_time',
      'late',
    ]);
  });
});

describe('vitals cadence, esketamine', () => {
  const esk: SessionTimes = { startedAt: m(0), stoppedAt: m(10), endedAt: null };
  it('has one blood-pressure check at 40 minutes after the first device, and one before discharge', () => {
    const s = vitalsSchedule('esketamine', esk, [], settings, m(20));
    expect(dues(s.slots)).toEqual([40]);
    expect(s.beforeDischarge).toBe(true);
    expect(s.nextDue).toBe(m(40));
  });

  it.each([
    [43, 'due'],
    [44, 'late'],
    [51, 'missed'],
  ])('with no reading at %i min it is %s', (now, status) => {
    expect(vitalsSchedule('esketamine', esk, [], settings, m(now)).slots[0]!.status).toBe(status);
  });
});

describe('scale schedule, IV', () => {
  const byInstrument = (times: SessionTimes, scored = {}, now = m(200)) =>
    Object.fromEntries(
      scaleSchedule('iv_ketamine', times, scored, settings, now).map((e) => [e.instrument, e]),
    );

  it('puts CADSS-6 at 40 minutes and at the end (once when they coincide), MOAA/S with the infusion vitals, Aldrete at recovery', () => {
    const s = byInstrument(finished);
    expect(dues(s.cadss6!.slots)).toEqual([40]);
    expect(dues(s.moaas!.slots)).toEqual([10, 20, 30, 40]);
    expect(dues(s.aldrete!.slots)).toEqual([40]);
  });

  it('adds the end-of-infusion CADSS-6 when the infusion runs longer, and drops the 40-min one when it ends sooner', () => {
    expect(dues(byInstrument({ ...finished, stoppedAt: m(60) }).cadss6!.slots)).toEqual([40, 60]);
    expect(dues(byInstrument({ ...finished, stoppedAt: m(30) }).cadss6!.slots)).toEqual([30]);
  });

  it('grades each scale from the times it was scored', () => {
    const s = byInstrument(finished, { cadss6: [m(41)], aldrete: [] }, m(56));
    expect(s.cadss6!.slots[0]!.status).toBe('on_time');
    expect(s.aldrete!.slots[0]!.status).toBe('missed');
    expect(byInstrument(finished, {}, m(50)).aldrete!.slots[0]!.status).toBe('late');
    expect(s.aldrete!.nextDue).toBeNull();
  });

  it('schedules no recovery scales while the infusion runs', () => {
    const s = byInstrument(running, {}, m(15));
    expect(s.aldrete!.slots).toEqual([]);
    expect(s.cadss6!.nextDue).toBe(m(40));
  });
});
