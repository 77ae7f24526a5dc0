import type { TrajectoryView } from '../../../contracts/measurement';
import { formatDateTime } from '../format';
import { TableRegion } from './table-region';
import { formatChange, percentSuffix, scoredWithSuffix, yesNo } from './trajectory-format';

/** The chart's data as a table: what screen readers and print rely on. */
export function ScoresTable({ t }: { t: TrajectoryView }) {
  return (
    <TableRegion
      label="Scores table"
      caption={`${t.shortTitle} scores (data table)`}
      captionHidden={false}
      columns={['Date', 'Score', 'Severity', 'Change', 'Response', 'Remission', 'Flags']}
    >
      {t.points.map((p) => (
        <tr key={p.responseId}>
          <td>{formatDateTime(p.date)}</td>
          <td>{p.value ?? '—'}</td>
          <td>
            {p.severity ?? '—'}
            <span className="muted">{scoredWithSuffix(p, t)}</span>
          </td>
          <td>
            {formatChange(p.change)}
            {percentSuffix(p.percentChange)}
          </td>
          <td>{yesNo(p.response)}</td>
          <td>{yesNo(p.remission)}</td>
          <td>{p.flags.join(', ') || '—'}</td>
        </tr>
      ))}
    </TableRegion>
  );
}
