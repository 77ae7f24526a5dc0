import { useEffect, useState } from 'react';
import type { AppointmentView } from '../../../contracts/scheduling';
import { formatDayLong, formatDayShort } from '../format';
import { Link } from '../routing/link';
import { navigate } from '../routing/navigation';
import { paths } from '../routing/routes';
import { useCan, useSession } from '../session-context';
import { LoadState } from '../ui/load-state';
import { AppointmentPanel } from './appointment-panel';
import { DayView } from './day-view';
import { ScheduleToolbar } from './schedule-toolbar';
import {
  readScheduleState,
  scheduleQuery,
  stepDate,
  viewRange,
  type ScheduleState,
} from './schedule-view-state';
import { TodayBoard } from './today-board';
import { useAppointments, useResources } from './use-scheduling-queries';
import { useClinicClock } from './use-clinic-clock';
import { datePart } from './wall-time';
import { WeekView } from './week-view';
import './scheduling.css';

/** After the panel closes, focus goes back to the appointment's button that is on screen. */
function focusAppointment(id: string) {
  const buttons = document.querySelectorAll<HTMLElement>(`[data-appointment="${CSS.escape(id)}"]`);
  [...buttons].find((b) => b.offsetParent !== null)?.focus();
}

/**
 * The clinic's schedule in clinic time: the day by room, the week, and today's board from arrival to done,
 * with one appointment's details beside it. The view, date and open appointment live in the address.
 */
export function SchedulePage() {
  const { me } = useSession();
  const can = useCan();
  const clock = useClinicClock();
  const today = clock.date;
  const [state, setState] = useState<ScheduleState>(() => readScheduleState(window.location.search, today));
  const range = viewRange(state, today);
  const resources = useResources();
  const list = useAppointments(range.from, range.to, state.view === 'today' ? 60_000 : undefined);

  useEffect(() => {
    navigate(paths.schedule(scheduleQuery(state, today)), { replace: true });
  }, [state, today]);

  const update = (change: Partial<ScheduleState>) => setState((s) => ({ ...s, ...change }));
  const open = (a: AppointmentView) => update({ appointment: a.id });
  const close = () => {
    const id = state.appointment;
    update({ appointment: undefined });
    if (id) requestAnimationFrame(() => focusAppointment(id));
  };

  const items = list.data?.items ?? [];
  const title =
    state.view === 'today'
      ? `Today, ${formatDayLong(today)}`
      : state.view === 'week'
        ? `Week of ${formatDayShort(range.from)} to ${formatDayShort(range.to)}`
        : `${formatDayLong(state.date)}${state.date === today ? ' (today)' : ''}`;

  return (
    <div className="sched">
      <div className="page-heading">
        <h1>Schedule</h1>
        <div className="button-row">
          {can('appointment.book') ? (
            <Link className="button" href={paths.scheduleBook()}>
              Book an appointment
            </Link>
          ) : null}
          {can('scheduling.configure') ? (
            <Link className="button button--secondary" href={paths.scheduleSetup()}>
              Scheduling setup
            </Link>
          ) : null}
        </div>
      </div>
      <ScheduleToolbar
        view={state.view}
        date={state.date}
        today={today}
        onView={(view) => update({ view })}
        onDate={(date) => update({ date })}
        onStep={(step) => update({ date: stepDate(state, step) })}
      />
      <div className={`sched__body${state.appointment ? ' sched__body--panel' : ''}`}>
        <section className="sched__view" aria-labelledby="sched-view-title" aria-busy={list.isFetching}>
          <h2 id="sched-view-title">{title}</h2>
          <LoadState loading={list.isPending || resources.isPending} error={list.error ?? resources.error} />
          {list.data && resources.data ? (
            state.view === 'day' ? (
              <DayView
                date={state.date}
                rooms={resources.data.rooms}
                items={items}
                nowClock={state.date === today ? clock.time : undefined}
                selectedId={state.appointment}
                onOpen={open}
              />
            ) : state.view === 'week' ? (
              <WeekView
                start={range.from}
                today={today}
                items={items}
                selectedId={state.appointment}
                onOpen={open}
                onDay={(date) => update({ view: 'day', date })}
              />
            ) : (
              <TodayBoard
                items={items}
                canChangeStatus={can('appointment.status')}
                now={clock.now}
                today={today}
                selectedId={state.appointment}
                onOpen={open}
              />
            )
          ) : null}
        </section>
        {state.appointment ? (
          <AppointmentPanel
            id={state.appointment}
            timeZone={me.clinic.timeZone}
            canBook={can('appointment.book')}
            canChangeStatus={can('appointment.status')}
            now={clock.now}
            today={today}
            onClose={close}
            onMoved={(a) =>
              update({ date: datePart(a.localStart), view: state.view === 'today' ? 'day' : state.view })
            }
          />
        ) : null}
      </div>
    </div>
  );
}
