import { addDays, isCalendarDate, weekStart } from './wall-time';

/** Which part of the schedule is on screen, read from and written to the address (?view=&date=&appointment=). */

export type ScheduleView = 'day' | 'week' | 'today';
export const scheduleViews: { id: ScheduleView; label: string }[] = [
  { id: 'day', label: 'Day' },
  { id: 'week', label: 'Week' },
  { id: 'today', label: 'Today' },
];

export interface ScheduleState {
  view: ScheduleView;
  /** The clinic date shown (the week view shows the week it is in). */
  date: string;
  /** The appointment open in the detail panel. */
  appointment: string | undefined;
}

export function readScheduleState(search: string, today: string): ScheduleState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const date = params.get('date') ?? '';
  return {
    view: view === 'week' || view === 'today' ? view : 'day',
    date: isCalendarDate(date) ? date : today,
    appointment: params.get('appointment') || undefined,
  };
}

/** The query the address keeps: the day view of today is the page's plain address. */
export function scheduleQuery(state: ScheduleState, today: string) {
  return {
    view: state.view === 'day' ? undefined : state.view,
    date: state.view === 'today' || state.date === today ? undefined : state.date,
    appointment: state.appointment,
  };
}

/** The dates the view reads: a day, the week (Monday to Sunday) it is in, or today. */
export function viewRange(state: ScheduleState, today: string): { from: string; to: string } {
  if (state.view === 'today') return { from: today, to: today };
  if (state.view === 'week') {
    const start = weekStart(state.date);
    return { from: start, to: addDays(start, 6) };
  }
  return { from: state.date, to: state.date };
}

/** Previous or next day (week, in the week view). */
export function stepDate(state: ScheduleState, step: -1 | 1): string {
  return addDays(state.date, state.view === 'week' ? 7 * step : step);
}
