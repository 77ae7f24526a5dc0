import { auditQuery, auditReportResponse } from '../../../contracts/audit.js';
import { defineRoute } from '../../shared/http/define-route.js';
import { auditReport, auditReportCsv } from './audit-report.service.js';

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/audit',
    summary: 'Audit report: filter by time, user, patient and action; sort by any column',
    tag: 'audit',
    auth: 'staff',
    action: 'audit.read',
    query: auditQuery,
    response: auditReportResponse,
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
