import type { ChartTabProps } from '../patient-chart/chart-tab-types';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useCan } from '../session-context';
import { PatientSessions } from '../session/patient-sessions';
import { LoadState } from '../ui/load-state';
import { AppointmentsTable } from './appointments-table';
import { ReminderToggle } from './reminder-toggle';
import { schedulingPaths } from './scheduling-api';
import { usePatientAppointments } from './use-scheduling-queries';
import './scheduling.css';

/** The chart's appointments: upcoming and past, booking, the calendar file and the reminder choice. */
export function AppointmentsTab({ patient }: ChartTabProps) {
  const can = useCan();
  const { data, error, isPending } = usePatientAppointments(patient.id);
  return (
    <div className="appointments-tab">
      <div className="button-row">
        {can('appointment.book') ? (
          <Link className="button" href={paths.scheduleBook(patient.id)}>
            Book an appointment
          </Link>
        ) : null}
        <a className="button button--secondary" href={schedulingPaths.patientCalendar(patient.id)} download>
          Download .ics<span className="visually-hidden"> (the appointments as a calendar file)</span>
        </a>
      </div>
      <LoadState loading={isPending} error={error} />
      {data ? (
        <>
          <PatientSessions patientId={patient.id} appointments={[...data.upcoming, ...data.past]} />
          <section aria-labelledby="appointments-upcoming-title">
            <h3 id="appointments-upcoming-title">Upcoming ({data.upcoming.length})</h3>
            {data.upcoming.length === 0 ? (
              <p className="muted">Nothing booked.</p>
            ) : (
              <AppointmentsTable items={data.upcoming} label="Upcoming appointments" />
            )}
          </section>
          <section aria-labelledby="appointments-reminders-title">
            <h3 id="appointments-reminders-title">Reminders</h3>
            <ReminderToggle
              patientId={patient.id}
              optedOut={data.remindersOptedOut}
              canChange={can('appointment.book')}
            />
          </section>
          <section aria-labelledby="appointments-past-title">
            <h3 id="appointments-past-title">Past and cancelled ({data.past.length})</h3>
            {data.past.length === 0 ? (
              <p className="muted">None yet.</p>
            ) : (
              <AppointmentsTable items={data.past} label="Past and cancelled appointments" />
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
