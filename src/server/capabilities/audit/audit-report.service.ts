import type { AuditQuery, AuditReport, AuditRow } from '../../../contracts/audit.js';
import { readClinicSettings } from '../../../domain/clinic/index.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { countAuditRows, findClinicSettings, listAuditRows, listBulkAccessHours } from './audit.queries.js';

/** The most rows one CSV export holds. */
const csvRowLimit = 100_000;

/** The bulk-access notice looks this far back when the report gives no start. */
const bulkNoticeDefaultDays = 30;

/** The clinic's bulk-access threshold (distinct patients per user per clock hour). */
async function bulkThresholdOf(deps: AppDeps, clinicId: string): Promise<number> {
  return readClinicSettings(await findClinicSettings(deps.db, clinicId)).audit.bulkAccessPatientsPerHour;
}

export async function auditReport(deps: AppDeps, actor: Actor, query: AuditQuery): Promise<AuditReport> {
  const threshold = await bulkThresholdOf(deps, actor.clinicId);
  const noticeFrom = query.from
    ? new Date(query.from)
    : new Date(deps.now().getTime() - bulkNoticeDefaultDays * 86_400_000);
  const [rows, total, flagged] = await Promise.all([
    listAuditRows(deps.db, actor.clinicId, query, {
      limit: query.limit,
      offset: query.offset,
      bulkThreshold: threshold,
    }),
    countAuditRows(deps.db, actor.clinicId, query, threshold),
    listBulkAccessHours(
      deps.db,
      actor.clinicId,
      { from: noticeFrom, to: query.to ? new Date(query.to) : null },
      threshold,
    ),
  ]);
  // Reading the audit trail is itself audited.
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'audit',
    detail: { ...query },
    outcome: 'success',
  });
  return {
    total,
    bulkAccess: { threshold, flagged },
    // The writer only stores 'success' or 'failure'.
    items: rows.map((r) => ({
      ...r,
      occurredAt: r.occurredAt.toISOString(),
      outcome: r.outcome as AuditRow['outcome'],
    })),
  };
}

function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // Spreadsheet formula injection: a cell starting with = + - @ is prefixed so it stays text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvHeader = [
  'seq',
  'time_utc',
  'user_id',
  'user',
  'patient_id',
  'patient_name',
  'patient_mrn',
  'action',
  'data',
  'record_id',
  'detail',
  'outcome',
  'client_address',
];

export async function auditReportCsv(deps: AppDeps, actor: Actor, query: AuditQuery): Promise<string> {
  const rows = await listAuditRows(deps.db, actor.clinicId, query, {
    limit: csvRowLimit,
    bulkThreshold: await bulkThresholdOf(deps, actor.clinicId),
  });
  await deps.audit.record({
    ...auditActor(actor),
    action: 'export',
    entity: 'audit',
    detail: { ...query, rows: rows.length, format: 'csv' },
    outcome: 'success',
  });
  const lines = rows.map((r) =>
    [
      r.seq,
      r.occurredAt.toISOString(),
      r.userId,
      r.userLabel,
      r.patientId,
      r.patientName,
      r.patientMrn,
      r.action,
      r.entity,
      r.entityId,
      r.detail,
      r.outcome,
      r.clientIp,
    ]
      .map(csvCell)
      .join(','),
  );
  return [csvHeader.join(','), ...lines].join('\r\n') + '\r\n';
}
