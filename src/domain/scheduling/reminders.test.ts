import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppointmentStatus } from './appointment-status.js';
import { DEFAULT_APPOINTMENT_TYPES, DEFAULT_REMINDER_OFFSETS_HOURS } from './default-appointment-types.js';
import { dueReminders, fillInstructions, formatLocalStart, reminderText } from './reminders.js';
import { at, HOUR, MINUTE } from './scheduling.test-helper.js';

const start = at('2026-12-08T09:00');
const appointment = (status: AppointmentStatus = 'booked', optedOut = false) => ({
  id: 'appt-1',
  start,
  status,
  optedOut,
});
const due = (now: number, appointments = [appointment()], lookbackMinutes = 5) =>
  dueReminders({ appointments, offsetsHours: DEFAULT_REMINDER_OFFSETS_HOURS, now, lookbackMinutes });

describe('due reminders', () => {
  it('is due from its send time until the lookback has passed', () => {
    expect(due(start - 48 * HOUR)).toEqual([{ appointmentId: 'appt-1', offsetHours: 48, key: 'appt-1:48h' }]);
    expect(due(start - 48 * HOUR + 4 * MINUTE)).toHaveLength(1);
    expect(due(start - 48 * HOUR + 5 * MINUTE)).toEqual([]);
    expect(due(start - 48 * HOUR - 1)).toEqual([]);
    expect(due(start - 2 * HOUR)).toEqual([{ appointmentId: 'appt-1', offsetHours: 2, key: 'appt-1:2h' }]);
  });

  it('sends each reminder on exactly one tick when the lookback equals the tick', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 3599 }), (tick, phase) => {
        const keys: string[] = [];
        for (let now = start - 50 * HOUR + phase * 1000; now < start; now += tick * MINUTE) {
          keys.push(...due(now, [appointment()], tick).map((r) => r.key));
        }
        expect(keys.sort()).toEqual(['appt-1:2h', 'appt-1:48h']);
      }),
      { numRuns: 40 },
    );
  });

  it('sends nothing for a cancelled, missed, checked-in or opted-out appointment, or once it has started', () => {
    for (const status of ['cancelled', 'no_show', 'checked_in', 'completed'] as const) {
      expect(due(start - 2 * HOUR, [appointment(status)])).toEqual([]);
    }
    expect(due(start - 2 * HOUR, [appointment('booked', true)])).toEqual([]);
    expect(
      dueReminders({ appointments: [appointment()], offsetsHours: [0], now: start, lookbackMinutes: 5 }),
    ).toEqual([]);
  });
});

describe('reminder text', () => {
  const infusion = DEFAULT_APPOINTMENT_TYPES.find((t) => t.code === 'iv_infusion')!;
  const text = reminderText({
    clinicName: 'Arbor Clinic',
    typeName: infusion.reminderName,
    localStart: '2026-12-08T09:00',
    instructions: infusion.instructions,
    fastingHours: 6,
    clinicPhone: '555-0100',
  });

  it('says when and where, with the clinic’s fasting hours and phone', () => {
    expect(text.subject).toBe('Reminder: your infusion appointment on Tuesday 8 December 2026 at 09:00');
    expect(text.text).toContain(
      'your infusion appointment at Arbor Clinic on Tuesday 8 December 2026 at 09:00',
    );
    expect(text.text).toContain('do not eat anything for 6 hours');
    expect(text.text).toContain('555-0100');
    expect(text.text).not.toContain('{fastingHours}');
  });

  it('contains no drug name, diagnosis or dose for any default type', () => {
    for (const t of DEFAULT_APPOINTMENT_TYPES) {
      const r = reminderText({
        clinicName: 'Arbor Clinic',
        typeName: t.reminderName,
        localStart: '2026-12-08T09:00',
        instructions: t.instructions,
        fastingHours: 6,
        clinicPhone: '555-0100',
      });
      for (const word of ['ketamine', 'esketamine', 'mg', 'spravato', 'depression']) {
        expect(`${r.subject} ${r.text}`.toLowerCase()).not.toContain(word);
      }
    }
  });

  it('replaces a type name that would give treatment away', () => {
    const r = reminderText({
      clinicName: 'Arbor Clinic',
      typeName: 'IV ketamine 0.5 mg/kg',
      localStart: '2026-12-08T09:00',
      instructions: '',
      fastingHours: 6,
      clinicPhone: '555-0100',
    });
    expect(r.subject).toBe('Reminder: your appointment on Tuesday 8 December 2026 at 09:00');
    expect(r.text.toLowerCase()).not.toMatch(/ketamine|mg/);
  });

  it('asks the patient to follow the clinic’s own instructions while no fasting time is set', () => {
    const r = reminderText({
      clinicName: 'Arbor Clinic',
      typeName: infusion.reminderName,
      localStart: '2026-12-08T09:00',
      instructions: infusion.instructions,
      fastingHours: null,
      clinicPhone: '555-0100',
    });
    expect(r.text).toContain(
      "Please follow the clinic's instructions about eating and drinking before your appointment. Bring an adult",
    );
    expect(r.text).not.toMatch(/\{fastingHours\}|do not eat anything/);
    expect(fillInstructions('Arrive early.', null)).toBe('Arrive early.');
  });

  it('writes the start in words, and leaves text it cannot read as it is', () => {
    expect(formatLocalStart('2026-03-08T02:30')).toBe('Sunday 8 March 2026 at 02:30');
    expect(formatLocalStart('tomorrow at nine')).toBe('tomorrow at nine');
    expect(formatLocalStart('2026-02-30T09:00')).toBe('2026-02-30T09:00');
  });
});
