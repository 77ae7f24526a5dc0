import type { Result } from './scheduling-types.js';

/**
 * The life of an appointment on the day. The transitions are data, so the table test and the UI can list
 * them: a cancellation or no-show only before the patient is seated (a no-show only before check-in),
 * completion only from the chair or recovery, and no way out of a finished state.
 */

export const APPOINTMENT_STATUSES = [
  'booked',
  'checked_in',
  'in_chair',
  'recovering',
  'completed',
  'cancelled',
  'no_show',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const APPOINTMENT_ACTIONS = [
  'check_in',
  'seat',
  'start_recovery',
  'complete',
  'cancel',
  'no_show',
  'undo_check_in',
] as const;
export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

export const APPOINTMENT_TRANSITIONS: Readonly<
  Record<AppointmentStatus, Readonly<Partial<Record<AppointmentAction, AppointmentStatus>>>>
> = {
  booked: { check_in: 'checked_in', cancel: 'cancelled', no_show: 'no_show' },
  checked_in: { seat: 'in_chair', cancel: 'cancelled', undo_check_in: 'booked' },
  in_chair: { start_recovery: 'recovering', complete: 'completed' },
  recovering: { complete: 'completed' },
  completed: {},
  cancelled: {},
  no_show: {},
};

const ACTION_WORDS: Record<AppointmentAction, string> = {
  check_in: 'check in',
  seat: 'seat',
  start_recovery: 'start recovery for',
  complete: 'complete',
  cancel: 'cancel',
  no_show: 'mark as no-show',
  undo_check_in: 'undo the check-in of',
};

const STATUS_WORDS: Record<AppointmentStatus, string> = {
  booked: 'booked',
  checked_in: 'checked in',
  in_chair: 'in the chair',
  recovering: 'recovering',
  completed: 'completed',
  cancelled: 'cancelled',
  no_show: 'marked as a no-show',
};

const isStatus = (s: unknown): s is AppointmentStatus => APPOINTMENT_STATUSES.some((x) => x === s);
const isAction = (a: unknown): a is AppointmentAction => APPOINTMENT_ACTIONS.some((x) => x === a);

export function nextStatus(current: AppointmentStatus, action: AppointmentAction): Result<AppointmentStatus> {
  if (!isStatus(current))
    return { ok: false, problems: [{ field: 'status', message: 'is not an appointment status' }] };
  if (!isAction(action))
    return { ok: false, problems: [{ field: 'action', message: 'is not an appointment action' }] };
  const next = APPOINTMENT_TRANSITIONS[current][action];
  if (next === undefined) {
    const message = `cannot ${ACTION_WORDS[action]} an appointment that is ${STATUS_WORDS[current]}`;
    return { ok: false, problems: [{ field: 'action', message }] };
  }
  return { ok: true, value: next };
}

/** A live appointment holds its room, clinician and nurse capacity; a cancelled or missed one does not. */
export function isLive(status: AppointmentStatus): boolean {
  return status !== 'cancelled' && status !== 'no_show';
}

export type TodayColumn = 'arriving' | 'in_chair' | 'recovering' | 'done';

/** The column of the day board an appointment is shown in. */
export function todayColumn(status: AppointmentStatus): TodayColumn {
  switch (status) {
    case 'booked':
    case 'checked_in':
      return 'arriving';
    case 'in_chair':
      return 'in_chair';
    case 'recovering':
      return 'recovering';
    default:
      return 'done';
  }
}
