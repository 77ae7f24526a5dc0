import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useCan } from '../session-context';
import { LoadState } from '../ui/load-state';
import { ClosuresSection } from './closures-section';
import { OpeningHoursSection } from './opening-hours-section';
import { RoomsSection } from './rooms-section';
import { StaffHoursSection } from './staff-hours-section';
import { TimeOffSection } from './time-off-section';
import { TypesSection } from './types-section';
import { useAppointmentTypes, useResources } from './use-scheduling-queries';
import { useSchedulingWrite } from './use-scheduling-write';
import './scheduling.css';

/** What can be booked: rooms and chairs, staff hours and time off, closures, appointment types (admin). */
export function SchedulingSetupPage() {
  const can = useCan();
  const resources = useResources();
  const types = useAppointmentTypes();
  const write = useSchedulingWrite();

  if (!can('scheduling.configure')) {
    return (
      <>
        <h1>Scheduling setup</h1>
        <p>Rooms, staff hours and appointment types are kept by a clinic administrator.</p>
        <Link href={paths.schedule()}>Back to the schedule</Link>
      </>
    );
  }

  return (
    <div className="setup">
      <p className="breadcrumb">
        <Link href={paths.schedule()}>← Schedule</Link>
      </p>
      <h1>Scheduling setup</h1>
      <p className="muted">
        What can be booked, and when. Times are clinic time
        {resources.data ? ` (${resources.data.timeZone.replace(/_/g, ' ')})` : ''}.
      </p>
      <LoadState loading={resources.isPending || types.isPending} error={resources.error ?? types.error} />
      {can('clinic.settings.update') ? <OpeningHoursSection write={write} /> : null}
      {resources.data ? (
        <>
          <RoomsSection rooms={resources.data.rooms} write={write} />
          <StaffHoursSection staff={resources.data.staff} write={write} />
          <TimeOffSection resources={resources.data} write={write} />
          <ClosuresSection closures={resources.data.closures} write={write} />
        </>
      ) : null}
      {types.data ? <TypesSection types={types.data.items} write={write} /> : null}
    </div>
  );
}
