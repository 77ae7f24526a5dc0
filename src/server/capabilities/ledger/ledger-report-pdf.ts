import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ReportTable } from '../../../domain/ledger/index.js';
import type { Actor } from '../../shared/actor.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { readStoredClinic } from '../../shared/clinic-settings.js';
import {
  GREY,
  PDF_LANDSCAPE,
  Writer,
  drawTable,
  formatUtc,
  numberPages,
  toPdfSafeText,
} from '../../shared/pdf-text.js';
import {
  administrationLogTable,
  disposalsTable,
  perpetualLogTable,
  receiptsTable,
} from './ledger-reports.service.js';
import { registrationsOf, usersOf } from './ledger.queries.js';

/**
 * The registrant's reports as PDF (docs/clinical-sources.md#dea-records-content): the clinic, its DEA
 * registrations, "Schedule III controlled substances" in the heading (the records are kept readily
 * separable, docs/clinical-sources.md#dea-records-retention), the date range, the table, who made it and
 * when, and page numbers. Made on request from the ledger, so a reprint shows the same records.
 */

export type PdfReportKind = 'administrations' | 'perpetual' | 'receipts' | 'disposals';

const TITLES: Record<PdfReportKind, string> = {
  administrations: 'Administration log',
  perpetual: 'Perpetual log',
  receipts: 'Receipts',
  disposals: 'Disposals: waste, returns, expired and quarantined stock',
};

/** Identifiers the on-screen report and the CSV carry but a printed page has no room for. */
const LEFT_OUT_OF_PDF = new Set(['receipt_id', 'event_id', 'dose_order_id']);

/**
 * Column widths as shares (every other column 1): free text wider; names and DEA numbers wide enough to
 * stay on one line at the table's 6 pt; times and quantities narrower.
 */
const WEIGHTS: Record<string, number> = {
  patient_address: 2.2,
  supplier_address: 2,
  distributor_address: 2,
  product: 2.2,
  manner: 2,
  session_id: 1.6,
  corrects: 1.6,
  status: 1.4,
  received_on: 1.2,
  expiry: 1.2,
  date: 1.2,
  confirmed_at: 1.6,
  ndc: 1.5,
  supplier_name: 1.4,
  distributor_name: 1.4,
  supplier_dea_number: 1.3,
  distributor_dea_number: 1.3,
  patient_name: 1.4,
  received_by: 1.3,
  confirmed_by: 1.3,
  administered_by: 1.3,
  recorded_by: 1.3,
  witness: 1.3,
  by: 1.3,
  seq: 0.5,
  time: 0.6,
  quantity_mg: 0.7,
  quantity_ml: 0.7,
};

export interface LedgerReportPdfInput {
  clinicName: string;
  registrations: { deaNumber: string; siteName: string; siteAddress: string; schedules: string[] }[];
  title: string;
  from: string;
  to: string;
  table: ReportTable;
  generatedAt: string;
  generatedBy: string;
}

export async function renderLedgerReportPdf(input: LedgerReportPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const date = new Date(input.generatedAt);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setTitle(`Schedule III controlled substances - ${input.title}`);
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
    PDF_LANDSCAPE,
  );
  const body = { size: 9, leading: 12 };
  w.text(toPdfSafeText(input.clinicName), { font: w.bold, size: 13, leading: 17 });
  w.text(toPdfSafeText(`Schedule III controlled substances - ${input.title}`), {
    font: w.bold,
    size: 12,
    leading: 16,
  });
  if (input.registrations.length === 0) w.text('Registrant: no DEA registration recorded', body);
  for (const r of input.registrations)
    w.text(
      toPdfSafeText(
        `Registrant: DEA ${r.deaNumber} - ${r.siteName}, ${r.siteAddress} (schedules ${r.schedules.join(', ')})`,
      ),
      body,
    );
  w.text(`Range: ${input.from} to ${input.to} (clinic-local dates, inclusive)`, body);
  w.text(toPdfSafeText(`Generated ${formatUtc(input.generatedAt)} by ${input.generatedBy}`), {
    ...body,
    color: GREY,
  });
  w.space(6);
  const keep = input.table.columns.flatMap((c, i) => (LEFT_OUT_OF_PDF.has(c.key) ? [] : [i]));
  if (input.table.rows.length === 0) w.text('No records in this range.', body);
  else
    drawTable(
      w,
      keep.map((i) => {
        const c = input.table.columns[i]!;
        return { label: toPdfSafeText(c.label), weight: WEIGHTS[c.key] ?? 1, numeric: c.numeric ?? false };
      }),
      input.table.rows.map((row) => keep.map((i) => toPdfSafeText(row[i] ?? ''))),
      { size: 6, leading: 8 },
    );
  numberPages(
    doc,
    w.regular,
    PDF_LANDSCAPE,
    'Schedule III records, kept at least 2 years and never deleted - ',
  );
  return doc.save({ useObjectStreams: false });
}

export type PdfReportQuery = {
  from: string;
  to: string;
  productKey?: string;
  deaNumber?: string | undefined;
};

/** Builds one report's table (auditing the read) and renders it with the clinic's heading. */
export async function ledgerReportPdf(
  deps: AppDeps,
  actor: Actor,
  kind: PdfReportKind,
  query: PdfReportQuery,
): Promise<Uint8Array> {
  const { from, to } = query;
  let title = TITLES[kind];
  let table: ReportTable;
  const range = { from, to, deaNumber: query.deaNumber };
  if (kind === 'administrations') table = await administrationLogTable(deps, actor, range);
  else if (kind === 'receipts') table = await receiptsTable(deps, actor, range, 'pdf');
  else if (kind === 'disposals') table = await disposalsTable(deps, actor, range, 'pdf');
  else {
    const perpetual = await perpetualLogTable(deps, actor, query.productKey ?? '', range);
    title = `${title}: ${perpetual.product}`;
    table = perpetual;
  }
  const clinic = await readStoredClinic(deps.db, actor.clinicId);
  const me = (await usersOf(deps.db, actor.clinicId)).find((u) => u.id === actor.userId);
  return renderLedgerReportPdf({
    clinicName: clinic?.name ?? '',
    // A report of one registered location names that registrant only.
    registrations: currentRegistrations(await registrationsOf(deps.db, actor.clinicId)).filter(
      (r) => !query.deaNumber || r.deaNumber === query.deaNumber,
    ),
    title,
    from,
    to,
    table,
    generatedAt: deps.now().toISOString(),
    generatedBy: me?.displayName ?? actor.label,
  });
}

/** The newest row of each DEA number (a renewal is a new row), for the heading. */
function currentRegistrations(
  rows: { deaNumber: string; siteName: string; siteAddress: string; schedules: unknown }[],
) {
  const seen = new Set<string>();
  return rows.flatMap((r) => {
    if (seen.has(r.deaNumber)) return [];
    seen.add(r.deaNumber);
    return [{ ...r, schedules: r.schedules as string[] }];
  });
}
