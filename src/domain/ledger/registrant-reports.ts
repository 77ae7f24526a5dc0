import { ADMINISTRATION_LOG_COLUMNS, type AdministrationLogRow } from './administration-log.js';
import type { CorrectionEvent, LedgerEvent, Registrant } from './events.js';
import { balanceDelta } from './events.js';
import type { LocalDate } from './ledger-types.js';
import { strengthLabel, type Product } from './products.js';
import { formatMg, formatMl } from './quantities.js';

/**
 * The records a registrant must be able to produce besides the administration log
 * (docs/clinical-sources.md#dea-records-content): receipts (supplier name, address and DEA number, the
 * date, each container) and disposals (the date, the manner and the quantity; a return names the reverse
 * distributor). Each report is also a table of text cells — the same columns on screen, in the CSV and
 * in the PDF — so the three never disagree.
 */

// --- Receipts -------------------------------------------------------------------------------------

export interface ReceiptReportContainer {
  productKey: string;
  product: string;
  ndc: string;
  finishedForm: string;
  strength: string;
  lotNumber: string;
  expiryDate: LocalDate;
  labelNumber: string;
}

export interface ReceiptReportEntry {
  receiptId: string;
  invoiceNumber: string;
  receivedOn: LocalDate;
  supplier: Registrant;
  location: string;
  receivedBy: string;
  /** ISO instant the receipt was entered. */
  receivedAt: string;
  /** Null while the receipt awaits a second person's confirmation. */
  confirmedBy: string | null;
  confirmedAt: string | null;
  containers: ReceiptReportContainer[];
}

/** A receipt line's product as the report names it: name, NDC, finished form and strength. */
export function receiptContainerOf(
  line: { productKey: string; lotNumber: string; expiryDate: LocalDate; labelNumber: string },
  product: Product,
): ReceiptReportContainer {
  return {
    productKey: line.productKey,
    product: product.name,
    ndc: product.ndc ?? '',
    finishedForm: product.finishedForm,
    strength: strengthLabel(product),
    lotNumber: line.lotNumber,
    expiryDate: line.expiryDate,
    labelNumber: line.labelNumber,
  };
}

// --- Disposals ------------------------------------------------------------------------------------

export type DisposalKind = 'waste' | 'return' | 'expired' | 'quarantined';

export interface DisposalReportRow {
  eventId: string;
  date: LocalDate;
  /** Clinic-local time of day, HH:MM. */
  time: string;
  kind: DisposalKind;
  product: string;
  ndc: string;
  strength: string;
  containerLabel: string;
  lotNumber: string;
  /** The quantity wasted or returned; for expired or quarantined stock, the balance taken out of use. */
  quantityMg: string;
  quantityMl: string;
  /** How it was destroyed (waste), or what happened to it (return, expiry). */
  manner: string;
  witness: string;
  sessionId: string;
  distributorName: string;
  distributorAddress: string;
  distributorDeaNumber: string;
  recordedBy: string;
  /** 'recorded', or 'corrected by <event id>' when a correction reversed a waste. */
  status: string;
}

export interface DisposalLogInput {
  /** The clinic's events in ledger order (every type: the balance at an expiry is derived from them). */
  events: readonly LedgerEvent[];
  from: LocalDate;
  to: LocalDate;
  localTimeOf: (at: number) => string;
  users: (userId: string) => string | null;
  /** Product, label number and lot of a container (from its receipt); null leaves the event out. */
  containers: (containerId: string) => { product: Product; labelNumber: string; lotNumber: string } | null;
}

const UNKNOWN = '(not found)';

/**
 * Waste, returns to a reverse distributor and stock taken out of use (expired or quarantined) in the
 * clinic-local date range, oldest first. A container whose product the lookup does not know (not a
 * Schedule III product of the catalogue) is left out, so the report holds Schedule III records only.
 */
export function disposalLog(input: DisposalLogInput): DisposalReportRow[] {
  const byId = new Map(input.events.map((e) => [e.id, e]));
  const corrections = new Map<string, CorrectionEvent>();
  const balance = new Map<string, number>();
  const rows: { at: number; order: number; row: DisposalReportRow }[] = [];
  input.events.forEach((e, order) => {
    if (e.type === 'correction') corrections.set(e.correctsEventId, e);
    const before = balance.get(e.containerId) ?? 0;
    const original = e.type === 'correction' ? (byId.get(e.correctsEventId) ?? null) : null;
    balance.set(e.containerId, before + balanceDelta(e, original));
    if (e.type !== 'waste' && e.type !== 'return' && e.type !== 'expire') return;
    const container = input.containers(e.containerId);
    if (!container) return;
    const local = input.localTimeOf(e.at);
    const date = local.slice(0, 10);
    if (date < input.from || date > input.to) return;
    const quantityUg = e.type === 'expire' ? before : e.quantityUg;
    const { product } = container;
    rows.push({
      at: e.at,
      order,
      row: {
        eventId: e.id,
        date,
        time: local.slice(11, 16),
        kind: e.type === 'expire' ? e.reason : e.type,
        product: product.name,
        ndc: product.ndc ?? '',
        strength: strengthLabel(product),
        containerLabel: container.labelNumber,
        lotNumber: container.lotNumber,
        quantityMg: formatMg(quantityUg),
        quantityMl: formatMl(quantityUg, product.strength) ?? '',
        manner:
          e.type === 'waste'
            ? e.manner
            : e.type === 'return'
              ? 'returned to a reverse distributor'
              : `taken out of use: ${e.reason}`,
        witness: e.type === 'waste' && e.witnessId ? (input.users(e.witnessId) ?? UNKNOWN) : '',
        sessionId: e.type === 'waste' ? (e.sessionId ?? '') : '',
        distributorName: e.type === 'return' ? e.distributor.name : '',
        distributorAddress: e.type === 'return' ? e.distributor.address : '',
        distributorDeaNumber: e.type === 'return' ? e.distributor.deaNumber : '',
        recordedBy: input.users(e.actorId) ?? UNKNOWN,
        status: 'recorded',
      },
    });
  });
  // A correction comes after the event it reverses: mark the rows once every event is read.
  for (const r of rows) {
    const c = corrections.get(r.row.eventId);
    if (c) r.row.status = `corrected by ${c.id}`;
  }
  rows.sort((a, b) => a.at - b.at || a.order - b.order);
  return rows.map((r) => r.row);
}

// --- Tables ---------------------------------------------------------------------------------------

export interface ReportColumn {
  /** The CSV column name. */
  key: string;
  /** The heading on screen and in the PDF. */
  label: string;
  /** Quantities: right-aligned. */
  numeric?: boolean;
}

export interface ReportTable {
  columns: ReportColumn[];
  rows: string[][];
}

const col = (key: string, label: string, numeric = false): ReportColumn =>
  numeric ? { key, label, numeric } : { key, label };

/** One row per container received, the receipt's fields repeated on each. */
export function receiptReportTable(entries: readonly ReceiptReportEntry[]): ReportTable {
  return {
    columns: [
      col('received_on', 'Received on'),
      col('invoice', 'Invoice'),
      col('supplier_name', 'Supplier'),
      col('supplier_address', 'Supplier address'),
      col('supplier_dea_number', 'Supplier DEA no.'),
      col('product', 'Product'),
      col('ndc', 'NDC'),
      col('finished_form', 'Form'),
      col('strength', 'Strength'),
      col('lot', 'Lot'),
      col('expiry', 'Expiry'),
      col('container_label', 'Label'),
      col('received_by', 'Received by'),
      col('confirmed_by', 'Confirmed by'),
      col('confirmed_at', 'Confirmed at'),
      col('receipt_id', 'Receipt'),
    ],
    rows: entries.flatMap((e) =>
      e.containers.map((c) => [
        e.receivedOn,
        e.invoiceNumber,
        e.supplier.name,
        e.supplier.address,
        e.supplier.deaNumber,
        c.product,
        c.ndc,
        c.finishedForm,
        c.strength,
        c.lotNumber,
        c.expiryDate,
        c.labelNumber,
        e.receivedBy,
        e.confirmedBy ?? 'awaiting confirmation',
        e.confirmedAt ?? '',
        e.receiptId,
      ]),
    ),
  };
}

const DISPOSAL_COLUMNS: readonly [keyof DisposalReportRow, ReportColumn][] = [
  ['date', col('date', 'Date')],
  ['time', col('time', 'Time')],
  ['kind', col('kind', 'Kind')],
  ['product', col('product', 'Product')],
  ['ndc', col('ndc', 'NDC')],
  ['containerLabel', col('container_label', 'Label')],
  ['lotNumber', col('lot', 'Lot')],
  ['quantityMg', col('quantity_mg', 'mg', true)],
  ['quantityMl', col('quantity_ml', 'mL', true)],
  ['manner', col('manner', 'Manner')],
  ['witness', col('witness', 'Witness')],
  ['sessionId', col('session_id', 'Session')],
  ['distributorName', col('distributor_name', 'Distributor')],
  ['distributorAddress', col('distributor_address', 'Distributor address')],
  ['distributorDeaNumber', col('distributor_dea_number', 'Distributor DEA no.')],
  ['recordedBy', col('recorded_by', 'Recorded by')],
  ['status', col('status', 'Status')],
  ['eventId', col('event_id', 'Event')],
];

export function disposalReportTable(rows: readonly DisposalReportRow[]): ReportTable {
  return {
    columns: DISPOSAL_COLUMNS.map(([, c]) => c),
    rows: rows.map((r) => DISPOSAL_COLUMNS.map(([key]) => r[key])),
  };
}

const ADMINISTRATION_LABELS: Partial<Record<keyof AdministrationLogRow, string>> = {
  date: 'Date',
  time: 'Time',
  patientName: 'Patient',
  patientAddress: 'Address',
  product: 'Product',
  ndc: 'NDC',
  strength: 'Strength',
  containerLabel: 'Label',
  lotNumber: 'Lot',
  quantityMg: 'mg',
  quantityMl: 'mL',
  administeredBy: 'Given by',
  sessionId: 'Session',
  doseOrderId: 'Dose order',
  eventId: 'Event',
  status: 'Status',
};

export function administrationReportTable(rows: readonly AdministrationLogRow[]): ReportTable {
  return {
    columns: ADMINISTRATION_LOG_COLUMNS.map(([key, name]) =>
      col(name, ADMINISTRATION_LABELS[key] ?? name, key === 'quantityMg' || key === 'quantityMl'),
    ),
    rows: rows.map((r) => ADMINISTRATION_LOG_COLUMNS.map(([key]) => r[key])),
  };
}
