import {
  administrationLogQuery,
  administrationLogView,
  awaitingReceiptList,
  containerHistoryView,
  dateRangeQuery,
  disposalsReportView,
  perpetualLogQuery,
  perpetualLogRangeQuery,
  perpetualLogView,
  receiptsReportView,
  sessionAdministrationsView,
} from '../../../contracts/ledger.js';
import { csvDocument } from '../../../domain/ledger/index.js';
import { defineRoute, idParam, type AnyRoute } from '../../shared/http/define-route.js';
import { ledgerReportPdf, type PdfReportKind, type PdfReportQuery } from './ledger-report-pdf.js';
import {
  administrationLogCsvReport,
  administrationLogReport,
  containerHistory,
  disposalsReport,
  disposalsTable,
  listAwaitingReceipts,
  perpetualLog,
  perpetualLogTable,
  receiptsReport,
  receiptsTable,
  sessionAdministrations,
} from './ledger-reports.service.js';

/**
 * The registrant's reports (docs/controlled-substance-ledger.md#what-it-does): the administration log,
 * the perpetual log of a product, receipts and disposals — on screen (JSON), CSV and PDF, Schedule III
 * only — and the receipts awaiting a second person's confirmation.
 */

const tag = 'ledger';

function csvResponse(text: string, filename: string): Response {
  return new Response(text, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}.csv"`,
    },
  });
}

/** A report table as CSV: GET /api/ledger/reports/<kind>.csv for a date range. */
function tableCsvRoute(
  kind: 'receipts' | 'disposals',
  summary: string,
  table: typeof receiptsTable | typeof disposalsTable,
): AnyRoute {
  return defineRoute({
    method: 'get',
    path: `/api/ledger/reports/${kind}.csv`,
    summary,
    tag,
    auth: 'staff',
    action: 'ledger.reports',
    query: dateRangeQuery,
    produces: 'text/csv',
    handler: async ({ query, actor, ctx }) => {
      const t = await table(ctx.deps, actor, query, 'csv');
      return csvResponse(
        csvDocument(
          t.columns.map((c) => c.key),
          t.rows,
        ),
        [kind, query.deaNumber, query.from, query.to].filter(Boolean).join('-'),
      );
    },
  });
}

/** A PDF report route: GET /api/ledger/reports/<kind>.pdf. */
function pdfRoute(kind: PdfReportKind, summary: string): AnyRoute {
  return defineRoute({
    method: 'get',
    path: `/api/ledger/reports/${kind}.pdf`,
    summary,
    tag,
    auth: 'staff',
    action: 'ledger.reports',
    query: kind === 'perpetual' ? perpetualLogRangeQuery : dateRangeQuery,
    produces: 'application/pdf',
    handler: async ({ query, actor, ctx }) => {
      const q = query as PdfReportQuery;
      const name = [kind, q.productKey, q.deaNumber, q.from, q.to]
        .filter(Boolean)
        .join('-')
        .replace(/[^A-Za-z0-9-]/g, '');
      return new Response(Buffer.from(await ledgerReportPdf(ctx.deps, actor, kind, q)), {
        headers: {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="${name}.pdf"`,
        },
      });
    },
  });
}

export const ledgerReportRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/api/ledger/receipts/awaiting',
    summary: 'Receipts entered and not yet confirmed by a second person, with who entered them and when',
    tag,
    auth: 'staff',
    action: 'ledger.read',
    response: awaitingReceiptList,
    handler: async ({ actor, ctx }) => listAwaitingReceipts(ctx.deps, actor),
  }),
  defineRoute({
    method: 'get',
    path: '/api/ledger/reports/administrations',
    summary: 'The administration log for a date range: patient, address, date, quantity, who',
    tag,
    auth: 'staff',
    action: 'ledger.reports',
    query: administrationLogQuery,
    response: administrationLogView,
    handler: async ({ query, actor, ctx }) => administrationLogReport(ctx.deps, actor, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/ledger/reports/administrations.csv',
    summary: 'The administration log for a date range as CSV',
    tag,
    auth: 'staff',
    action: 'ledger.reports',
    query: dateRangeQuery,
    produces: 'text/csv',
    handler: async ({ query, actor, ctx }) =>
      csvResponse(
        await administrationLogCsvReport(ctx.deps, actor, query),
        ['administration-log', query.deaNumber, query.from, query.to].filter(Boolean).join('-'),
      ),
  }),
  pdfRoute('administrations', 'The administration log for a date range as PDF'),
  defineRoute({
    method: 'get',
    path: '/api/ledger/reports/perpetual',
    summary:
      'The perpetual log of one product for a date range, a page at a time, with the balance after each',
    tag,
    auth: 'staff',
    action: 'ledger.reports',
    query: perpetualLogQuery,
    response: perpetualLogView,
    handler: async ({ query, actor, ctx }) => perpetualLog(ctx.deps, actor, query.productKey, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/ledger/containers/:id/history',
    summary: "One container's events with the container's balance after each",
    tag,
    auth: 'staff',
    action: 'ledger.read',
    params: idParam,
    response: containerHistoryView,
    handler: async ({ params, actor, ctx }) => containerHistory(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/ledger/sessions/:id/administrations',
    summary:
      "A treatment session's administrations in the ledger (not reversed), and whether the clinic keeps it here",
    tag,
    auth: 'staff',
    // Those who record the vial or devices (nurses, physicians): the quantities are the patient's doses.
    action: 'ledger.record',
    params: idParam,
    response: sessionAdministrationsView,
    handler: async ({ params, actor, ctx }) => sessionAdministrations(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/ledger/reports/perpetual.csv',
    summary: 'The perpetual log of one product for a date range as CSV, the balance after each event',
    tag,
    auth: 'staff',
    action: 'ledger.reports',
    query: perpetualLogRangeQuery,
    produces: 'text/csv',
    handler: async ({ query, actor, ctx }) => {
      const t = await perpetualLogTable(ctx.deps, actor, query.productKey, query, 'csv');
      return csvResponse(
        csvDocument(
          t.columns.map((c) => c.key),
          t.rows,
        ),
        `perpetual-${query.productKey.replace(/[^A-Za-z0-9-]/g, '')}-${query.from}-${query.to}`,
      );
    },
  }),
  pdfRoute('perpetual', 'The perpetual log of one product as PDF: the events in a date range'),
  defineRoute({
    method: 'get',
    path: '/api/ledger/reports/receipts',
    summary: 'Receipts in a date range: supplier, invoice, each container, received and confirmed by',
    tag,
    auth: 'staff',
    action: 'ledger.reports',
    query: dateRangeQuery,
    response: receiptsReportView,
    handler: async ({ query, actor, ctx }) => receiptsReport(ctx.deps, actor, query),
  }),
  tableCsvRoute('receipts', 'Receipts in a date range as CSV, one line per container', receiptsTable),
  pdfRoute('receipts', 'Receipts in a date range as PDF'),
  defineRoute({
    method: 'get',
    path: '/api/ledger/reports/disposals',
    summary: 'Waste (witnessed), returns to a reverse distributor, expired and quarantined stock in a range',
    tag,
    auth: 'staff',
    action: 'ledger.reports',
    query: dateRangeQuery,
    response: disposalsReportView,
    handler: async ({ query, actor, ctx }) => disposalsReport(ctx.deps, actor, query),
  }),
  tableCsvRoute('disposals', 'Disposals in a date range as CSV', disposalsTable),
  pdfRoute('disposals', 'Disposals in a date range as PDF'),
];
