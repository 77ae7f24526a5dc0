import type { AppointmentView } from '../../../contracts/scheduling';
import { AppointmentButton } from './appointment-button';
import type { DayColumn } from './day-grid';

interface DayListViewProps {
  columns: DayColumn[];
  selectedId: string | undefined;
  onOpen: (appointment: AppointmentView) => void;
}

/** The day on a phone: a list per room, in time order. */
export function DayListView({ columns, selectedId, onOpen }: DayListViewProps) {
  return (
    <div className="day-list">
      {columns.map((c) => (
        <section key={c.key} className="day-list__room" aria-label={c.label}>
          <h3>{c.label}</h3>
          {c.items.length === 0 ? (
            <p className="muted">Nothing booked.</p>
          ) : (
            <ul className="appt-list">
              {c.items.map((a) => (
                <li key={a.id}>
                  <AppointmentButton
                    appointment={a}
                    variant="row"
                    selected={a.id === selectedId}
                    onOpen={onOpen}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
