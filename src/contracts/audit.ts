import { z } from 'zod';
import { isoInstant, page } from './common.js';

/** The audit report: who read or changed what, filtered, sorted and exported. */

/** Columns the report may be sorted by, by name: the client picks a key, never a column expression. */
export const auditSortKeys = ['time', 'user', 'patient', 'action', 'entity', 'outcome', 'client'] as const;
export type AuditSortKey = (typeof auditSortKeys)[number];

const isoDateTime = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO date or date-time');

/** Filters, order and page of the report; the CSV export takes the same query (paging aside). */
export const auditQuery = z
  .object({
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
    userId: z.uuid().optional(),
    patientId: z.uuid().optional(),
    action: z.string().max(40).optional(),
    sort: z.enum(auditSortKeys).default('time'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();

export type AuditQuery = z.output<typeof auditQuery>;
export type AuditQueryRequest = z.input<typeof auditQuery>;

/** One event of the audit trail (its hash chain stays on the server). */
export const auditRow = z.object({
  seq: z.number().int(),
  occurredAt: isoInstant,
  userId: z.guid().nullable(),
  userLabel: z.string().nullable(),
  patientId: z.guid().nullable(),
  action: z.string(),
  /** What data: the kind of record touched, e.g. 'patient', 'patient.history', 'user'. */
  entity: z.string(),
  entityId: z.string().nullable(),
  /** Event-specific detail; its keys depend on the action. */
  detail: z.unknown(),
  outcome: z.enum(['success', 'failure']),
  clientIp: z.string().nullable(),
});

export const auditReportResponse = page(auditRow);

export type AuditRow = z.infer<typeof auditRow>;
export type AuditReport = z.infer<typeof auditReportResponse>;
