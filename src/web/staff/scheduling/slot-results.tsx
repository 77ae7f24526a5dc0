import type { SlotView } from '../../../contracts/scheduling';
import { formatDayShort, formatWallTime } from '../format';
import { byPartOfDay, groupSlotsByDay } from './slot-groups';

interface SlotResultsProps {
  slots: readonly SlotView[];
  onPick: (slot: SlotView) => void;
}

/**
 * Free times by day and part of day, earliest first; each a button that asks to confirm the booking (the
 * confirmation names the chair or room, which the server would otherwise choose as the first free one).
 */
export function SlotResults({ slots, onPick }: SlotResultsProps) {
  if (slots.length === 0) return <p>No free times match. Widen the search or choose other days.</p>;
  return (
    <div className="slot-days">
      {groupSlotsByDay(slots).map((day) => (
        <section key={day.date} className="slot-day" aria-labelledby={`slots-${day.date}`}>
          <h3 id={`slots-${day.date}`}>
            {formatDayShort(day.date)} <span className="muted">({day.slots.length} free)</span>
          </h3>
          {byPartOfDay(day.slots).map((part) => (
            <div key={part.part} className="slot-part">
              <p className="slot-part__label" aria-hidden="true">
                {part.part}
              </p>
              <ul
                className="slot-chips"
                aria-label={`${formatDayShort(day.date)}, ${part.part.toLowerCase()}`}
              >
                {part.slots.map((slot) => (
                  <li key={slot.start}>
                    <button
                      type="button"
                      className="slot-chip slot-chip--button"
                      onClick={() => onPick(slot)}
                    >
                      <span className="visually-hidden">Book {formatDayShort(day.date)} at </span>
                      {formatWallTime(slot.localStart)}
                      {slot.clinician ? (
                        <span className="slot-chip__room"> {slot.clinician.label}</span>
                      ) : null}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
