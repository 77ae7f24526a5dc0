import type { AuditReport, BulkAccessHour } from '../../../contracts/audit';
import { formatDateTime } from '../format';

interface BulkAccessNoticeProps {
  notice: AuditReport['bulkAccess'];
  onShow: (flagged: BulkAccessHour) => void;
}

/**
 * Users who opened far more charts than usual in an hour. A heuristic for an administrator to
 * review, not a finding: the threshold is the clinic's setting (audit.bulkAccessPatientsPerHour).
 */
export function BulkAccessNotice({ notice, onShow }: BulkAccessNoticeProps) {
  if (notice.flagged.length === 0) return null;
  return (
    <section className="banner banner--notice" aria-labelledby="bulk-access-title">
      <h2 id="bulk-access-title">Bulk chart access to review</h2>
      <p>
        These users read more than {notice.threshold} different patients’ records in one hour. This is a
        heuristic, not a standard: a busy clinic day can explain it, and so can someone copying records.
      </p>
      <ul>
        {notice.flagged.map((f) => (
          <li key={`${f.userId}-${f.hour}`}>
            <strong>{f.userLabel ?? f.userId}</strong>: {f.patients} patients in the hour from{' '}
            {formatDateTime(f.hour)}{' '}
            <button type="button" className="button button--link button--small" onClick={() => onShow(f)}>
              Show these reads
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
