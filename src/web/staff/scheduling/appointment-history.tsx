import { formatDateTime } from '../format';
import { statusLabels } from './appointment-status';
import type { AppointmentHistoryEntry } from './scheduling-api';

const changeWords: Record<string, string> = {
  booked: 'Booked',
  rescheduled: 'Moved',
  cancelled: 'Cancelled',
  check_in: 'Checked in',
  undo_check_in: 'Check-in undone',
  seat: 'Seated',
  start_recovery: 'Recovery started',
  complete: 'Completed',
  no_show: 'No-show',
};

/** Every version of the appointment: what changed, who changed it and when, and the time it then had. */
export function AppointmentHistory({ history }: { history: readonly AppointmentHistoryEntry[] }) {
  if (history.length === 0) return null;
  return (
    <section className="sched-panel__section" aria-labelledby="appt-history-title">
      <h3 id="appt-history-title">History</h3>
      <ol className="appt-history">
        {[...history].reverse().map((h) => (
          <li key={h.version}>
            <p>
              <strong>{changeWords[h.change] ?? h.change.replace(/_/g, ' ')}</strong>{' '}
              <time dateTime={h.changedAt}>{formatDateTime(h.changedAt)}</time>
              {h.changedBy ? ` by ${h.changedBy.label}` : ''}
            </p>
            <p className="muted">
              Appointment at <time dateTime={h.start}>{formatDateTime(h.start)}</time>,{' '}
              {statusLabels[h.status].toLowerCase()}
              {h.reason ? `. Reason: “${h.reason}”` : ''}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
