import type { AppointmentView } from '../../../contracts/scheduling';
import { formatDayShort } from '../format';
import { AppointmentButton } from './appointment-button';
import { addDays, datePart } from './wall-time';

interface WeekViewProps {
  /** The Monday of the week. */
  start: string;
  today: string;
  items: readonly AppointmentView[];
  selectedId: string | undefined;
  onOpen: (appointment: AppointmentView) => void;
  onDay: (date: string) => void;
}

/** Seven days side by side (stacked on a phone), each day's appointments in time order. */
export function WeekView({ start, today, items, selectedId, onOpen, onDay }: WeekViewProps) {
  const days = Array.from({ length: 7 }, (_, i) => addDays(start, i));
  const sorted = [...items].sort((a, b) => a.localStart.localeCompare(b.localStart));
  return (
    <div className="week">
      {days.map((date) => {
        const list = sorted.filter((a) => datePart(a.localStart) === date);
        const headingId = `week-day-${date}`;
        return (
          <section
            key={date}
            className={`week__day${date === today ? ' week__day--today' : ''}`}
            aria-labelledby={headingId}
          >
            <h3 id={headingId} className="week__heading">
              <button
                type="button"
                className="button--link week__day-link"
                onClick={() => onDay(date)}
                aria-label={`${formatDayShort(date)}${date === today ? ' (today)' : ''}: open the day`}
              >
                {formatDayShort(date)}
              </button>
              {date === today ? <span className="badge">Today</span> : null}
            </h3>
            {list.length === 0 ? (
              <p className="muted">Nothing booked.</p>
            ) : (
              <ul className="appt-list">
                {list.map((a) => (
                  <li key={a.id}>
                    <AppointmentButton
                      appointment={a}
                      variant="row"
                      selected={a.id === selectedId}
                      onOpen={onOpen}
                      showRoom
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
