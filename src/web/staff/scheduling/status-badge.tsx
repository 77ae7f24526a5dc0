import type { AppointmentView } from '../../../contracts/scheduling';
import { statusLabels } from './appointment-status';

export function StatusBadge({ status }: { status: AppointmentView['status'] }) {
  return <span className={`badge sched-status sched-status--${status}`}>{statusLabels[status]}</span>;
}
