import { useState } from 'react';
import type {
  AppointmentTypeView,
  AppointmentView,
  SlotView,
  StaffScheduleView,
} from '../../../contracts/scheduling';
import { LoadState } from '../ui/load-state';
import { BookConfirmDialog } from './book-confirm-dialog';
import type { ChosenPatient } from './patient-picker';
import { SlotFilters, type SlotFilterState } from './slot-filters';
import { SlotResults } from './slot-results';
import { useSlots } from './use-scheduling-queries';
import { isCalendarDate } from './wall-time';

interface SingleBookingProps {
  patient: ChosenPatient;
  type: AppointmentTypeView;
  today: string;
  clinicians: readonly StaffScheduleView[];
  onBooked: (appointment: AppointmentView) => void;
}

/** One appointment: the next free times for the type, filtered, then one click and a confirmation. */
export function SingleBooking({ patient, type, today, clinicians, onBooked }: SingleBookingProps) {
  const [filters, setFilters] = useState<SlotFilterState>({
    from: today,
    days: 7,
    weekdays: [],
    earliest: '',
    latest: '',
    clinicianId: '',
  });
  const [picked, setPicked] = useState<SlotView>();
  const search = isCalendarDate(filters.from)
    ? {
        typeId: type.id,
        from: filters.from,
        days: filters.days,
        weekdays: filters.weekdays,
        earliest: filters.earliest || undefined,
        latest: filters.latest || undefined,
        clinicianId: filters.clinicianId || undefined,
        limit: 200,
      }
    : undefined;
  const slots = useSlots(search);

  return (
    <section className="book-section" aria-labelledby="free-times-title">
      <h2 id="free-times-title">Free times for {type.name}</h2>
      <SlotFilters
        value={filters}
        onChange={setFilters}
        clinicians={type.clinician === 'assigned' ? clinicians : undefined}
      />
      <LoadState loading={search !== undefined && slots.isPending} error={slots.error} />
      {slots.data ? <SlotResults slots={slots.data.slots} onPick={setPicked} /> : null}
      {picked ? (
        <BookConfirmDialog
          patient={patient}
          type={type}
          slot={picked}
          onCancel={() => setPicked(undefined)}
          onBooked={(a) => {
            setPicked(undefined);
            onBooked(a);
          }}
        />
      ) : null}
    </section>
  );
}
