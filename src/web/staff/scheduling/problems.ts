import { ApiError, errorMessage, plainFieldMessage } from '../api-client';

/**
 * What a refused scheduling request says, for a banner beside the form: the server's message (a 409 names
 * the room, chair or person and the time that clashes) and, for a 400, each field's problem in words.
 */

const fieldWords: Record<string, string> = {
  start: 'Start',
  startDate: 'First day',
  startsAt: 'From',
  endsAt: 'Until',
  fromDate: 'First day',
  toDate: 'Last day',
  patientId: 'Patient',
  typeId: 'Appointment type',
  roomId: 'Room',
  clinicianId: 'Clinician',
  userId: 'Staff member',
  reason: 'Reason',
  name: 'Name',
  hours: 'Hours',
  opens: 'Opens',
  closes: 'Closes',
  weekday: 'Day',
  role: 'Role',
  durationMinutes: 'Duration',
  infusionMinutes: 'Infusion minutes',
  recoveryMinutes: 'Recovery minutes',
  instructions: 'Instructions',
  preferredTime: 'Preferred time',
  preferredWeekdays: 'Preferred days',
  weekdays: 'Days',
  earliest: 'Earliest',
  latest: 'Latest',
  sessions: 'Sessions',
  action: 'Status',
  to: 'To',
  from: 'From',
};

/** "body.sessions.2.start" → "Session 3, start"; "body.hours.0.closes" → "Hours row 1, closes". */
export function fieldLabel(field: string): string {
  const parts = field.split('.').filter((p) => p !== 'body' && p !== 'query' && p !== 'parts');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    const index = parts[i + 1];
    if (index !== undefined && /^\d+$/.test(index)) {
      const n = Number(index) + 1;
      words.push(part === 'sessions' ? `Session ${n}` : `${fieldWords[part] ?? part} row ${n}`);
      i += 1;
    } else {
      words.push(fieldWords[part] ?? part);
    }
  }
  const text = words.join(', ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1).toLowerCase() : 'Request';
}

export interface ProblemText {
  message: string;
  fields: string[];
}

export function problemText(error: unknown): ProblemText {
  const message = errorMessage(error);
  if (!(error instanceof ApiError)) return { message, fields: [] };
  const fields = error.fields
    .map((f) => `${fieldLabel(f.field)}: ${plainFieldMessage(f.message)}`)
    // A message that already says it (a placement refusal quotes its problem) is not repeated.
    .filter((line) => !message.includes(line.slice(line.indexOf(': ') + 2)));
  return { message, fields };
}

/** The session (0-based) each problem of a refused series names, from `sessions.<i>.…` field paths. */
export function sessionProblems(error: unknown): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!(error instanceof ApiError)) return out;
  for (const f of error.fields) {
    const m = /(?:^|\.)sessions\.(\d+)(?:\.|$)/.exec(f.field);
    if (!m) continue;
    const i = Number(m[1]);
    out.set(i, [...(out.get(i) ?? []), plainFieldMessage(f.message)]);
  }
  return out;
}
