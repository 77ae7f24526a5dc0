import type { AppointmentView, RoomView } from '../../../contracts/scheduling';
import { DayGridView } from './day-grid-view';
import { dayColumns, gridRange } from './day-grid';
import { DayListView } from './day-list-view';

interface DayViewProps {
  date: string;
  rooms: readonly RoomView[];
  items: readonly AppointmentView[];
  nowClock: string | undefined;
  selectedId: string | undefined;
  onOpen: (appointment: AppointmentView) => void;
}

/** One day: a grid by room on a tablet or desktop, a list per room on a phone (the stylesheet picks). */
export function DayView({ date, rooms, items, nowClock, selectedId, onOpen }: DayViewProps) {
  const columns = dayColumns(rooms, items);
  if (columns.length === 0) {
    return <p>No rooms or chairs yet. An administrator adds them in scheduling setup.</p>;
  }
  return (
    <>
      {items.length === 0 ? <p className="muted">Nothing is booked on this day.</p> : null}
      <DayGridView
        date={date}
        columns={columns}
        range={gridRange(items, date)}
        nowClock={nowClock}
        selectedId={selectedId}
        onOpen={onOpen}
      />
      <DayListView columns={columns} selectedId={selectedId} onOpen={onOpen} />
    </>
  );
}
