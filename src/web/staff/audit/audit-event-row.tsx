import type { AuditRow } from '../../../contracts/audit';
import { formatDateTime } from '../format';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { auditColumns, outcomeBadgeClass } from './audit-columns';
import { patientCell } from './bulk-access';

interface AuditEventRowProps {
  row: AuditRow;
  /** Whether the details row shows below this one. */
  open: boolean;
  onToggle: () => void;
}

/** One event, and its full details (record ids and the recorded detail) when opened. */
export function AuditEventRow({ row, open, onToggle }: AuditEventRowProps) {
  const patient = patientCell(row);
  return (
    <>
      <tr>
        <td>
          <button
            type="button"
            className="button button--link button--small"
            aria-expanded={open}
            aria-controls={`audit-detail-${row.seq}`}
            onClick={onToggle}
          >
            {open ? 'Hide' : 'Show'}
            <span className="visually-hidden"> details of event {row.seq}</span>
          </button>
        </td>
        <td className="nowrap">{formatDateTime(row.occurredAt)}</td>
        <td>{row.userLabel ?? ''}</td>
        <td>
          {patient && row.patientId ? (
            <>
              <Link href={paths.patient(row.patientId)} className={patient.mrn ? undefined : 'mono'}>
                {patient.name}
              </Link>
              {patient.mrn ? <span className="muted mono"> {patient.mrn}</span> : null}
            </>
          ) : null}
        </td>
        <td>{row.action}</td>
        <td>{row.entity}</td>
        <td>
          <span className={outcomeBadgeClass(row.outcome)}>{row.outcome}</span>
        </td>
        <td className="mono">{row.clientIp ?? ''}</td>
      </tr>
      {open ? (
        <tr id={`audit-detail-${row.seq}`} className="audit-detail">
          <td colSpan={auditColumns.length + 1}>
            <dl className="audit-detail__list">
              <div>
                <dt>Event</dt>
                <dd>
                  #{row.seq}, {row.occurredAt}
                </dd>
              </div>
              <div>
                <dt>Record id</dt>
                <dd className="mono">{row.entityId ?? '—'}</dd>
              </div>
              <div>
                <dt>Patient</dt>
                <dd>{row.patientName ? `${row.patientName} (MRN ${row.patientMrn ?? '—'})` : '—'}</dd>
              </div>
              <div>
                <dt>Patient id</dt>
                <dd className="mono">{row.patientId ?? '—'}</dd>
              </div>
            </dl>
            <pre className="audit-detail__json">{JSON.stringify(row.detail, null, 2)}</pre>
          </td>
        </tr>
      ) : null}
    </>
  );
}
