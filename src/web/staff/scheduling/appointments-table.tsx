import type { AppointmentView } from '../../../contracts/scheduling';
import { formatWallWeekdayDateTime } from '../format';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { typeText } from './appointment-text';
import { StatusBadge } from './status-badge';
import { datePart } from './wall-time';

/** A patient's appointments in a table that stacks on a phone; each opens on the schedule. */
export function AppointmentsTable({ items, label }: { items: readonly AppointmentView[]; label: string }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className="table table--stack">
        <thead>
          <tr>
            <th scope="col">When (clinic time)</th>
            <th scope="col">Visit</th>
            <th scope="col">Room</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td data-label="When">
                <Link href={paths.schedule({ date: datePart(a.localStart), appointment: a.id })}>
                  {formatWallWeekdayDateTime(a.localStart)}
                </Link>
              </td>
              <td data-label="Visit">{typeText(a)}</td>
              <td data-label="Room">{a.room?.label ?? (a.mode === 'video' ? 'Video' : '')}</td>
              <td data-label="Status">
                <StatusBadge status={a.status} />
                {a.statusReason ? <span className="muted"> {a.statusReason}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
