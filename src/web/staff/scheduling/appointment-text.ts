import type { AppointmentView } from '../../../contracts/scheduling';
import { formatDayShort, formatWallTime } from '../format';
import { seriesText, statusLabels } from './appointment-status';
import { datePart } from './wall-time';

/** How an appointment reads in a list, a block's accessible name and a notice. */

/** "9:00 AM–10:10 AM" in clinic time. */
export function timeRange(a: Pick<AppointmentView, 'localStart' | 'localEnd'>): string {
  return `${formatWallTime(a.localStart)}–${formatWallTime(a.localEnd)}`;
}

/** "IV infusion (depression), session 3 of 6". */
export function typeText(a: Pick<AppointmentView, 'type' | 'seriesIndex' | 'seriesSize'>): string {
  const series = seriesText(a);
  return series ? `${a.type.name}, session ${series}` : a.type.name;
}

/** "Tue, Mar 5, 9:00 AM": a day and time for notices. */
export function whenText(localStart: string): string {
  return `${formatDayShort(datePart(localStart))}, ${formatWallTime(localStart)}`;
}

/** The name a block or card button is announced by: time, patient, visit, room and status. */
export function appointmentName(a: AppointmentView): string {
  return [
    timeRange(a),
    a.patient.name,
    typeText(a),
    a.room?.label ?? (a.mode === 'video' ? 'video' : undefined),
    statusLabels[a.status],
  ]
    .filter(Boolean)
    .join(', ');
}
