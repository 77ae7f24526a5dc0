import { csvDocument } from './csv.js';
import type { AdministerEvent, CorrectionEvent, LedgerEvent } from './events.js';
import type { LocalDate } from './ledger-types.js';
import { strengthLabel, type Product } from './products.js';
import { formatMg, formatMl } from './quantities.js';

/**
 * The administration log a registrant must be able to produce (docs/clinical-sources.md#dea-records-content):
 * for each administration, the patient's name and address, the date, the quantity, the product, and who
 * gave it. Built from the ledger's events and lookups the caller passes in; an administration that a later
 * correction reversed stays in the log, marked, because records are never removed.
 */

export interface PatientLookup {
  name: string;
  address: string;
}

export interface AdministrationLogRow {
  eventId: string;
  date: LocalDate;
  /** Clinic-local time of day, HH:MM. */
  time: string;
  patientName: string;
  patientAddress: string;
  product: string;
  ndc: string;
  strength: string;
  containerLabel: string;
  lotNumber: string;
  quantityMg: string;
  quantityMl: string;
  administeredBy: string;
  sessionId: string;
  doseOrderId: string;
  /** 'recorded', or 'corrected by <event id>' when a correction reversed it. */
  status: string;
}

export interface AdministrationLogInput {
  events: readonly LedgerEvent[];
  /** Inclusive clinic-local date range. */
  from: LocalDate;
  to: LocalDate;
  /** Clinic-local date and time (`YYYY-MM-DDTHH:MM…`) of an instant. */
  localTimeOf: (at: number) => string;
  patients: (patientId: string) => PatientLookup | null;
  users: (userId: string) => string | null;
  /** Product, label number and lot of a container (from its receipt). */
  containers: (containerId: string) => { product: Product; labelNumber: string; lotNumber: string } | null;
}

const UNKNOWN = '(not found)';

/** The administrations in the date range, oldest first (ties in ledger order). */
export function administrationLog(input: AdministrationLogInput): AdministrationLogRow[] {
  const corrections = new Map<string, CorrectionEvent>();
  for (const e of input.events) if (e.type === 'correction') corrections.set(e.correctsEventId, e);
  const rows: { at: number; order: number; row: AdministrationLogRow }[] = [];
  input.events.forEach((e, order) => {
    if (e.type !== 'administer') return;
    const local = input.localTimeOf(e.at);
    const date = local.slice(0, 10);
    if (date < input.from || date > input.to) return;
    rows.push({ at: e.at, order, row: rowOf(e, local, input, corrections.get(e.id)) });
  });
  rows.sort((a, b) => a.at - b.at || a.order - b.order);
  return rows.map((r) => r.row);
}

function rowOf(
  e: AdministerEvent,
  local: string,
  input: AdministrationLogInput,
  correction: CorrectionEvent | undefined,
): AdministrationLogRow {
  const patient = input.patients(e.patientId);
  const container = input.containers(e.containerId);
  const product = container?.product ?? null;
  return {
    eventId: e.id,
    date: local.slice(0, 10),
    time: local.slice(11, 16),
    patientName: patient?.name ?? UNKNOWN,
    patientAddress: patient?.address ?? UNKNOWN,
    product: product?.name ?? UNKNOWN,
    ndc: product?.ndc ?? '',
    strength: product ? strengthLabel(product) : '',
    containerLabel: container?.labelNumber ?? UNKNOWN,
    lotNumber: container?.lotNumber ?? '',
    quantityMg: formatMg(e.quantityUg),
    quantityMl: product ? (formatMl(e.quantityUg, product.strength) ?? '') : '',
    administeredBy: input.users(e.actorId) ?? UNKNOWN,
    sessionId: e.sessionId,
    doseOrderId: e.doseOrderId,
    status: correction ? `corrected by ${correction.id}` : 'recorded',
  };
}

/** The log's CSV columns: the row's field and the column name. */
export const ADMINISTRATION_LOG_COLUMNS: readonly [keyof AdministrationLogRow, string][] = [
  ['date', 'date'],
  ['time', 'time'],
  ['patientName', 'patient_name'],
  ['patientAddress', 'patient_address'],
  ['product', 'product'],
  ['ndc', 'ndc'],
  ['strength', 'strength'],
  ['containerLabel', 'container_label'],
  ['lotNumber', 'lot'],
  ['quantityMg', 'quantity_mg'],
  ['quantityMl', 'quantity_ml'],
  ['administeredBy', 'administered_by'],
  ['sessionId', 'session_id'],
  ['doseOrderId', 'dose_order_id'],
  ['eventId', 'event_id'],
  ['status', 'status'],
];

/** The administration log as CSV. */
export function administrationLogCsv(rows: readonly AdministrationLogRow[]): string {
  return csvDocument(
    ADMINISTRATION_LOG_COLUMNS.map(([, name]) => name),
    rows.map((row) => ADMINISTRATION_LOG_COLUMNS.map(([key]) => row[key])),
  );
}
