import type { AppointmentView } from '../../../contracts/scheduling';
import { clinicNow, formatDateTime, formatWallTime } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { datePart } from '../scheduling/wall-time';
import { useCan } from '../session-context';
import { ErrorBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { useCheckIn } from './check-in-form';
import { fetchPatientSessions, sessionKeys } from './session-api';
import { kindLabels, stateLabels } from './session-text';

const CHECKABLE = new Set(['booked', 'checked_in', 'in_chair']);

/** Today's appointments a session can start from (clinic date; booked or already arrived). */
export function todaysAppointments(items: readonly AppointmentView[], today: string): AppointmentView[] {
  return items.filter(
    (a) => CHECKABLE.has(a.status) && a.mode === 'in_person' && datePart(a.localStart) === today,
  );
}

function TodayCheckIn({ appointments }: { appointments: readonly AppointmentView[] }) {
  const action = useCheckIn();
  if (appointments.length === 0) return null;
  return (
    <>
      <ul className="session-list" aria-label="Today’s appointments to check in">
        {appointments.map((a) => (
          <li key={a.id}>
            {formatWallTime(a.localStart)} {a.type.name}
            {a.room ? ` · ${a.room.label}` : ''}{' '}
            <button
              type="button"
              className="button button--small"
              disabled={action.busy}
              onClick={() => void action.run({ patientId: a.patient.id, appointmentId: a.id })}
            >
              Check in
              <span className="visually-hidden">
                {' '}
                for the {formatWallTime(a.localStart)} {a.type.name}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <ErrorBanner>{action.error}</ErrorBanner>
    </>
  );
}

function SessionLinks({ patientId }: { patientId: string }) {
  const list = useApiQuery(sessionKeys.patient(patientId), (signal) =>
    fetchPatientSessions(patientId, signal),
  );
  if (!list.data) return <LoadState loading={list.isPending} error={list.error} />;
  if (list.data.items.length === 0) return <p className="muted">No sessions yet.</p>;
  return (
    <ul className="session-list" aria-label="Sessions">
      {list.data.items.map((s) => (
        <li key={s.id}>
          <Link href={paths.session(s.id)}>
            {formatDateTime(s.checkedInAt)} · {kindLabels[s.kind]}
          </Link>{' '}
          <span className="muted">{stateLabels[s.state]}</span>
        </li>
      ))}
    </ul>
  );
}

/** On the chart's appointments: check in for today's visit, and the patient's sessions. */
export function PatientSessions({
  patientId,
  appointments,
}: {
  patientId: string;
  appointments: readonly AppointmentView[];
}) {
  const can = useCan();
  if (!can('session.read') && !can('session.checkin')) return null;
  const today = todaysAppointments(appointments, clinicNow().date);
  return (
    <section aria-labelledby="patient-sessions-title">
      <h3 id="patient-sessions-title">Sessions</h3>
      {can('session.checkin') ? <TodayCheckIn appointments={today} /> : null}
      {can('session.read') ? <SessionLinks patientId={patientId} /> : null}
    </section>
  );
}
