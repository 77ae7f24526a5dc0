import type { AppointmentStatus } from './appointment-status.js';
import { isLocalDate, weekdayOf } from './local-time.js';

/**
 * Appointment reminders. A scheduler ticks every few minutes and asks which reminders fell due since the
 * last tick: a reminder is due when its send time (start − offset) lies in `(now − lookback, now]`. With
 * `lookback` equal to the tick length the windows of consecutive ticks meet without overlapping, so each
 * reminder is due on exactly one tick; the key is stored UNIQUE by the server, so a retried tick cannot
 * send it twice. A reminder whose send time passed before the appointment was booked is not sent (a
 * booking made 1 hour ahead gets no 48-hour reminder).
 */

export interface ReminderAppointment {
  id: string;
  start: number;
  status: AppointmentStatus;
  optedOut: boolean;
}

export interface DueReminder {
  appointmentId: string;
  offsetHours: number;
  /** Idempotency key: `${appointmentId}:${offsetHours}h`. */
  key: string;
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export function dueReminders(input: {
  appointments: readonly ReminderAppointment[];
  offsetsHours: readonly number[];
  now: number;
  lookbackMinutes: number;
}): DueReminder[] {
  const { now } = input;
  const after = now - input.lookbackMinutes * MINUTE_MS;
  const offsets = [...new Set(input.offsetsHours.filter((h) => Number.isFinite(h) && h > 0))];
  const due: DueReminder[] = [];
  for (const a of input.appointments) {
    // Only a booked appointment that has not started: a checked-in patient is already here.
    if (a.status !== 'booked' || a.optedOut || !(a.start > now)) continue;
    for (const h of offsets) {
      const sendAt = a.start - h * HOUR_MS;
      if (sendAt <= now && sendAt > after)
        due.push({ appointmentId: a.id, offsetHours: h, key: `${a.id}:${h}h` });
    }
  }
  return due;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A clinic-local time `YYYY-MM-DDTHH:mm` in words: "Tuesday 8 December 2026 at 09:00". Anything else is
 * returned as it is, so a caller may pass text it formatted itself.
 */
export function formatLocalStart(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(local);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  const date = local.slice(0, 10);
  if (!m || month === undefined || !isLocalDate(date)) return local;
  return `${WEEKDAYS[weekdayOf(date) - 1]} ${Number(m[3])} ${month} ${m[1]} at ${m[4]}`;
}

/**
 * Words that would tell whoever sees a reminder (a family member, a lock screen) about treatment. A type
 * name containing one is replaced by "appointment"; default types have neutral reminder names.
 */
const CLINICAL_WORDS = /ketamine|spravato|depress|ptsd|\bpain\b|\bmg\b|\bdose/i;

const FASTING_PLACEHOLDER = '{fastingHours}';
const FASTING_UNSET =
  "Please follow the clinic's instructions about eating and drinking before your appointment.";

/**
 * Instructions with the clinic's fasting hours filled in. No default fasting time is set for infusions,
 * so while the clinic has not set one (null) each sentence that names it is replaced by a request to
 * follow the clinic's own instructions.
 */
export function fillInstructions(instructions: string, fastingHours: number | null): string {
  if (fastingHours !== null && Number.isFinite(fastingHours)) {
    return instructions.replaceAll(FASTING_PLACEHOLDER, String(fastingHours)).trim();
  }
  const sentences = instructions.match(/[^.!?]+[.!?]*/g) ?? [];
  return sentences
    .map((s) => (s.includes(FASTING_PLACEHOLDER) ? ` ${FASTING_UNSET}` : s))
    .join('')
    .trim();
}

export function reminderText(input: {
  clinicName: string;
  typeName: string;
  /** Clinic-local `YYYY-MM-DDTHH:mm` (or text already in words). */
  localStart: string;
  instructions: string;
  /** The clinic's fasting setting; null while it is not set. */
  fastingHours: number | null;
  clinicPhone: string;
}): { subject: string; text: string } {
  const what = CLINICAL_WORDS.test(input.typeName) ? 'appointment' : input.typeName;
  const when = formatLocalStart(input.localStart);
  const instructions = fillInstructions(input.instructions, input.fastingHours);
  const text = [
    'Hello,',
    `This is a reminder of your ${what} at ${input.clinicName} on ${when}.`,
    ...(instructions ? [instructions] : []),
    `If you need to change or cancel it, please call us on ${input.clinicPhone}.`,
    input.clinicName,
  ].join('\n\n');
  return { subject: `Reminder: your ${what} on ${when}`, text };
}
