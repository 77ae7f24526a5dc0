import type { AppointmentView } from '../../../contracts/scheduling';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { NoticeBanner } from '../ui/error-banner';
import { whenText } from './appointment-text';
import { datePart } from './wall-time';

/** What was just booked, with the way to it on the schedule and in the chart. */
export function BookedNotice({ appointments }: { appointments: readonly AppointmentView[] }) {
  const first = appointments[0];
  if (!first) return null;
  const series = appointments.length > 1;
  return (
    <NoticeBanner>
      <p>
        {series
          ? `Booked ${appointments.length} sessions of ${first.type.name} for ${first.patient.name}:`
          : `Booked ${first.type.name} for ${first.patient.name} on ${whenText(first.localStart)}${first.room ? ` in ${first.room.label}` : ''}.`}
      </p>
      {series ? (
        <ol className="booked-list">
          {appointments.map((a) => (
            <li key={a.id}>
              {whenText(a.localStart)}
              {a.room ? `, ${a.room.label}` : ''}
            </li>
          ))}
        </ol>
      ) : null}
      <p className="button-row">
        <Link href={paths.schedule({ date: datePart(first.localStart), appointment: first.id })}>
          See it on the schedule
        </Link>
        <Link href={paths.patient(first.patient.id, 'appointments')}>The patient&rsquo;s appointments</Link>
      </p>
    </NoticeBanner>
  );
}
