import type { DueRow } from '../../../contracts/measurement';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { DueStatusBadge } from './due-status-badge';
import { formatDateTime } from '../format';
import { dueStatusLabels } from './schedule-model';
import { TableRegion } from './table-region';

export type SendLink = (row: DueRow, channel: 'email' | 'sms') => void;

/**
 * A link already out is shown instead of the buttons, so the desk does not send a second one;
 * clinician-rated questionnaires are done in clinic.
 */
function DueLinkCell({ row, canSend, onSend }: { row: DueRow; canSend: boolean; onSend: SendLink }) {
  if (row.pendingLinkExpiresAt)
    return <span>sent, open until {formatDateTime(row.pendingLinkExpiresAt)}</span>;
  if (!canSend || !row.selfRated) return <span className="muted">in clinic</span>;
  return (
    <span className="button-row">
      <button type="button" className="button button--small" onClick={() => onSend(row, 'email')}>
        Email link<span className="visually-hidden"> to {row.patientName}</span>
      </button>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => onSend(row, 'sms')}
      >
        SMS<span className="visually-hidden"> to {row.patientName}</span>
      </button>
    </span>
  );
}

/** The clinic's due and overdue questionnaires; stacks into cards on narrow screens. */
export function DueListTable({
  rows,
  canSend,
  onSend,
}: {
  rows: DueRow[];
  canSend: boolean;
  onSend: SendLink;
}) {
  return (
    <TableRegion
      label="Due and overdue table"
      caption="Due and overdue questionnaires"
      className="table table--stack"
      columns={['Patient', 'MRN', 'Questionnaire', 'When', 'Due by', 'Status', 'Link']}
    >
      {rows.map((row) => (
        <tr key={`${row.patientId}:${row.instrumentId}`}>
          <td data-label="Patient">
            <Link href={paths.patient(row.patientId, 'measures')}>{row.patientName}</Link>
          </td>
          <td data-label="MRN" className="mono">
            {row.mrn}
          </td>
          <td data-label="Questionnaire">{row.instrumentTitle}</td>
          <td data-label="When">{row.reason}</td>
          <td data-label="Due by">{formatDateTime(row.dueAt)}</td>
          <td data-label="Status">
            <DueStatusBadge status={row.status}>{dueStatusLabels[row.status]}</DueStatusBadge>
          </td>
          <td data-label="Link">
            <DueLinkCell row={row} canSend={canSend} onSend={onSend} />
          </td>
        </tr>
      ))}
    </TableRegion>
  );
}
