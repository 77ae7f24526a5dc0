import { useEffect, useRef, useState } from 'react';
import type { AppointmentView } from '../../../contracts/scheduling';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { AppointmentFacts } from './appointment-facts';
import { AppointmentHistory } from './appointment-history';
import { CancelForm } from './cancel-form';
import { PanelStatusActions } from './panel-status-actions';
import { ProblemBanner } from './problem-banner';
import { RescheduleForm } from './reschedule-form';
import { useAppointmentAction } from './use-appointment-action';
import { useAppointmentDetail } from './use-scheduling-queries';

interface AppointmentPanelProps {
  id: string;
  timeZone: string;
  canBook: boolean;
  canChangeStatus: boolean;
  now: number;
  today: string;
  onClose: () => void;
  /** After a move: the schedule follows the appointment to its new day. */
  onMoved: (appointment: AppointmentView) => void;
}

/** One appointment beside the schedule: its facts, the next status steps, moving or cancelling, history. */
export function AppointmentPanel({
  id,
  timeZone,
  canBook,
  canChangeStatus,
  now,
  today,
  onClose,
  onMoved,
}: AppointmentPanelProps) {
  const { data, error, isPending } = useAppointmentDetail(id);
  const action = useAppointmentAction();
  const [form, setForm] = useState<'reschedule' | 'cancel'>();
  const heading = useRef<HTMLHeadingElement>(null);
  const { clear } = action;

  // A newly opened appointment: its heading takes focus, so reading starts there.
  useEffect(() => {
    setForm(undefined);
    clear();
    heading.current?.focus();
  }, [id, clear]);

  const a = data?.appointment;
  const movable = a?.status === 'booked';
  const cancellable = a?.status === 'booked' || a?.status === 'checked_in';

  return (
    <aside
      className="sched-panel"
      aria-labelledby="appt-panel-title"
      onKeyDown={(event) => {
        // Escape closes the panel, except while typing in one of its fields.
        const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes((event.target as HTMLElement).tagName);
        if (event.key === 'Escape' && !typing) onClose();
      }}
    >
      <div className="sched-panel__head">
        <h2 id="appt-panel-title" ref={heading} tabIndex={-1}>
          {a ? a.patient.name : 'Appointment'}
        </h2>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          Close<span className="visually-hidden"> the appointment details</span>
        </button>
      </div>
      <LoadState loading={isPending} error={error} />
      {a && data ? (
        <>
          <p className="sched-panel__patient">
            <span className="muted">MRN {a.patient.mrn}</span> ·{' '}
            <Link href={paths.patient(a.patient.id, 'appointments')}>Open the chart</Link>
          </p>
          <AppointmentFacts appointment={a} />
          <NoticeBanner>{action.notice}</NoticeBanner>
          <ProblemBanner error={action.error} />
          {canChangeStatus ? (
            <PanelStatusActions appointment={a} now={now} today={today} action={action} />
          ) : null}
          {canBook && (movable || cancellable) ? (
            <div className="button-row">
              {movable ? (
                <button
                  type="button"
                  className="button button--secondary"
                  aria-expanded={form === 'reschedule'}
                  onClick={() => setForm(form === 'reschedule' ? undefined : 'reschedule')}
                >
                  Reschedule
                </button>
              ) : null}
              {cancellable ? (
                <button
                  type="button"
                  className="button button--secondary"
                  aria-expanded={form === 'cancel'}
                  onClick={() => setForm(form === 'cancel' ? undefined : 'cancel')}
                >
                  Cancel appointment…
                </button>
              ) : null}
            </div>
          ) : null}
          {form === 'reschedule' && movable ? (
            <RescheduleForm
              key={`${a.id}:${a.version}`}
              appointment={a}
              timeZone={timeZone}
              action={action}
              onMoved={(moved) => {
                setForm(undefined);
                onMoved(moved);
              }}
              onClose={() => setForm(undefined)}
            />
          ) : null}
          {form === 'cancel' && cancellable ? (
            <CancelForm appointment={a} action={action} onClose={() => setForm(undefined)} />
          ) : null}
          <AppointmentHistory history={data.history} />
        </>
      ) : null}
    </aside>
  );
}
