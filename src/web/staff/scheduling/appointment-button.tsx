import type { CSSProperties } from 'react';
import type { AppointmentView } from '../../../contracts/scheduling';
import { statusLabels } from './appointment-status';
import { appointmentName, timeRange, typeText } from './appointment-text';

interface AppointmentButtonProps {
  appointment: AppointmentView;
  /** The one open in the detail panel. */
  selected: boolean;
  onOpen: (appointment: AppointmentView) => void;
  /** A block placed on the day grid, or a row of a list (phone day view, week view). */
  variant: 'block' | 'row';
  /** Where a block sits on the grid (top, height, lane). */
  style?: CSSProperties;
  /** The grid's keyboard navigation finds blocks by this ("column:index"). */
  gridKey?: string;
  /** Room shown in the row (the week view lists every room together). */
  showRoom?: boolean;
}

/** An appointment as a button that opens its details; its name says time, patient, visit and status. */
export function AppointmentButton({
  appointment: a,
  selected,
  onOpen,
  variant,
  style,
  gridKey,
  showRoom,
}: AppointmentButtonProps) {
  return (
    <button
      type="button"
      className={`appt appt--${variant} appt--${a.status} appt--${a.type.category}${selected ? ' is-selected' : ''}`}
      style={style}
      data-grid-key={gridKey}
      data-appointment={a.id}
      aria-label={appointmentName(a)}
      aria-expanded={selected}
      onClick={() => onOpen(a)}
    >
      <span className="appt__time">{timeRange(a)}</span>
      <span className="appt__name">{a.patient.name}</span>
      <span className="appt__type">
        {typeText(a)}
        {showRoom && a.room ? ` · ${a.room.label}` : ''}
      </span>
      <span className="appt__status">{statusLabels[a.status]}</span>
    </button>
  );
}
