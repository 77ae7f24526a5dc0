import { careStatusLabels, type CareStatus } from '../../../domain/patients';

export function CareStatusBadge({ status }: { status: CareStatus }) {
  return <span className={`badge badge--status badge--${status}`}>{careStatusLabels[status] ?? status}</span>;
}
