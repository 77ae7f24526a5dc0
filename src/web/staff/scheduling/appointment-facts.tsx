import type { ReactNode } from 'react';
import type { AppointmentView } from '../../../contracts/scheduling';
import { formatDayLong } from '../format';
import { seriesText } from './appointment-status';
import { timeRange } from './appointment-text';
import { StatusBadge } from './status-badge';
import { datePart } from './wall-time';

/** The facts of one appointment, in clinic time. */
export function AppointmentFacts({ appointment: a }: { appointment: AppointmentView }) {
  const series = seriesText(a);
  const rows: [string, ReactNode][] = [
    ['Visit', a.type.name],
    ['Day', formatDayLong(datePart(a.localStart))],
    ['Time', timeRange(a)],
    ['Room', a.room?.label ?? (a.mode === 'video' ? 'Video visit' : 'None')],
    ['Clinician', a.clinician?.label ?? 'None needed'],
    ['Status', <StatusBadge key="status" status={a.status} />],
  ];
  if (series) rows.push(['Series', `Session ${series}`]);
  if (a.statusReason) rows.push(['Reason', a.statusReason]);
  if (a.note) rows.push(['Note', a.note]);
  return (
    <dl className="sched-facts">
      {rows.map(([term, value]) => (
        <div key={term} className="sched-facts__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
