import type { AppointmentView } from '../../../contracts/scheduling';
import {
  APPOINTMENT_TRANSITIONS,
  todayColumn,
  type AppointmentStatus,
  type TodayColumn,
} from '../../../domain/scheduling';

/** How the screens name an appointment's status and the actions that move it through the day. */

export const statusLabels: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  checked_in: 'Checked in',
  in_chair: 'In chair',
  recovering: 'Recovering',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

/** The actions of POST /api/appointments/:id/status (cancelling has its own form). */
export type StatusAction = 'check_in' | 'undo_check_in' | 'seat' | 'start_recovery' | 'complete' | 'no_show';

export const actionLabels: Record<StatusAction, string> = {
  check_in: 'Check in',
  seat: 'Seat in chair',
  start_recovery: 'Start recovery',
  complete: 'Complete',
  no_show: 'No-show',
  undo_check_in: 'Undo check-in',
};

/** What each action says once done: "Calder, Iris is checked in." */
export const actionDone: Record<StatusAction, string> = {
  check_in: 'is checked in',
  seat: 'is in the chair',
  start_recovery: 'is recovering',
  complete: 'is done for today',
  no_show: 'is marked as a no-show',
  undo_check_in: 'is no longer checked in',
};

const order: StatusAction[] = ['check_in', 'seat', 'start_recovery', 'complete', 'no_show', 'undo_check_in'];

/**
 * The status actions open to an appointment now, the usual next step first: the transitions of the
 * status machine, without cancelling, from the appointment's own day on (nobody checks in next week's
 * visit), and a no-show only once the start time has passed. A visit without recovery (a consultation)
 * is completed from the chair rather than sent to recovery.
 */
export function statusActions(
  appointment: Pick<AppointmentView, 'status' | 'start' | 'localStart' | 'type'>,
  now: number,
  today: string,
): StatusAction[] {
  if (appointment.localStart.slice(0, 10) > today) return [];
  const open = APPOINTMENT_TRANSITIONS[appointment.status];
  const recovers = appointment.type.category === 'infusion' || appointment.type.category === 'spravato';
  return order.filter((action) => {
    if (!(action in open)) return false;
    if (action === 'no_show') return Date.parse(appointment.start) <= now;
    if (action === 'start_recovery') return recovers;
    return true;
  });
}

export const todayColumns: { id: TodayColumn; label: string }[] = [
  { id: 'arriving', label: 'Arriving' },
  { id: 'in_chair', label: 'In chair' },
  { id: 'recovering', label: 'Recovering' },
  { id: 'done', label: 'Done' },
];

/** Today's appointments by board column, each in time order; cancelled ones are left off the board. */
export function todayBoard(items: readonly AppointmentView[]): Record<TodayColumn, AppointmentView[]> {
  const board: Record<TodayColumn, AppointmentView[]> = {
    arriving: [],
    in_chair: [],
    recovering: [],
    done: [],
  };
  for (const item of [...items].sort((a, b) => a.localStart.localeCompare(b.localStart))) {
    if (item.status === 'cancelled') continue;
    board[todayColumn(item.status)].push(item);
  }
  return board;
}

/** "3 of 6" for a session of a series, or undefined. */
export function seriesText(a: Pick<AppointmentView, 'seriesIndex' | 'seriesSize'>): string | undefined {
  return a.seriesIndex && a.seriesSize ? `${a.seriesIndex} of ${a.seriesSize}` : undefined;
}

/** The later booked sessions of an appointment's series, which "move later sessions" also moves. */
export function laterSessions(
  appointment: Pick<AppointmentView, 'id' | 'seriesId' | 'start'>,
  others: readonly AppointmentView[],
): AppointmentView[] {
  if (!appointment.seriesId) return [];
  return others.filter(
    (a) =>
      a.seriesId === appointment.seriesId &&
      a.id !== appointment.id &&
      a.status === 'booked' &&
      Date.parse(a.start) > Date.parse(appointment.start),
  );
}
