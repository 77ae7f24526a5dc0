import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { auditReport, auditReportCsv, auditSortColumns, type AuditSortKey } from './audit-report.service.js';

const isoDateTime = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO date or date-time');

export const auditQuery = z
  .object({
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
    userId: z.uuid().optional(),
    patientId: z.uuid().optional(),
    action: z.string().max(40).optional(),
    sort: z.enum(Object.keys(auditSortColumns) as [AuditSortKey, ...AuditSortKey[]]).default('time'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/audit',
    summary: 'Audit report: filter by time, user, patient and action; sort by any column',
    tag: 'audit',
    auth: 'staff',
    action: 'audit.read',
    query: auditQuery,
    handler: async ({ query, ctx, actor }) => auditReport(ctx.deps, actor, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/audit.csv',
    summary: 'The same audit report as CSV (up to 100,000 rows)',
    tag: 'audit',
    auth: 'staff',
    action: 'audit.read',
    query: auditQuery,
    produces: 'text/csv',
    handler: async ({ query, ctx, actor }) => {
      const csv = await auditReportCsv(ctx.deps, actor, query);
      return new Response(csv, {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="arbor-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
        },
      });
    },
  }),
];
