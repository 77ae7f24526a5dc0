import { clinicLocalToInstant } from '../../../domain/clinic/index.js';
import {
  addDays,
  administrationLog,
  administrationLogCsv,
  administrationReportTable,
  disposalLog,
  disposalReportTable,
  receiptContainerOf,
  receiptReportTable,
  sumByProductLocation,
  viewQuantity,
  type AdministrationLogRow,
  type LedgerEvent,
  type Product,
  type ReceiptReportEntry,
  type Registrant,
  type ReportTable,
} from '../../../domain/ledger/index.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import {
  clinicCalendar,
  ledgerClinicOf,
  containerViewOf,
  eventViewOf,
  NO_STRENGTH,
  productsOf,
  toContainerBalance,
} from './ledger-state.js';
import { receiptsAwaitingConfirmation, receiptsReceivedBetween } from './ledger-reports.queries.js';
import {
  administrationEventsBetween,
  containerEventsOf,
  containersOf,
  eventsOf,
  findContainer,
  locationsOf,
  patientsByIds,
  productDeltasFrom,
  productEventCount,
  productEventsListed,
  productStockUg,
  findSessionLink,
  registrationsOf,
  sessionLedgerFacts,
  transfersBetweenRegistrations,
  type EventRow,
  usersOf,
} from './ledger.queries.js';

/**
 * What the ledger shows: containers with their balances (per container and per product and location),
 * the reports a registrant must produce (docs/clinical-sources.md#dea-records-content) — the
 * administration log (patient name and address, date, quantity, who), the perpetual log of one product,
 * receipts and disposals, each as JSON, CSV or a table for the PDF, Schedule III products only — and the
 * receipts awaiting a second person's confirmation. Every read is audited.
 */

/**
 * How long an emptied or returned container stays in the list: a week, so the last entry on a vial
 * finished lately can still be opened and corrected from the stock page. Older ones are read through the
 * perpetual log; listing five years of them made the stock page megabytes long.
 */
const RECENTLY_USED_MS = 7 * 86_400_000;

/** The containers on hand (and those used in the last week), and the balance per product and location. */
export async function listContainers(deps: AppDeps, actor: Actor) {
  const products = await productsOf(deps.db, actor.clinicId);
  const since = new Date(deps.now().getTime() - RECENTLY_USED_MS);
  const balances = (await containersOf(deps.db, actor.clinicId, { onHandOrSince: since })).map((r) =>
    toContainerBalance(r.container, r.balance, products),
  );
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'ledger.container',
    detail: { returned: balances.length },
    outcome: 'success',
  });
  return {
    items: balances.map((c) => containerViewOf(c, products)),
    byProductLocation: sumByProductLocation(balances).map((s) => {
      const strength = products.find((p) => p.key === s.productKey)?.strength ?? {
        contentUg: 1,
        volumeUl: null,
        countAs: 'unit' as const,
      };
      return {
        productKey: s.productKey,
        locationId: s.locationId,
        balance: viewQuantity(s.balanceUg, strength),
        containers: s.containers,
        sealed: s.sealed,
        open: s.open,
        outOfUse: s.outOfUse,
      };
    }),
  };
}

/**
 * What the log prints for a patient whose chart has no address: the record must carry it
 * (docs/clinical-sources.md#dea-records-content), so the gap is named, never a blank cell.
 */
export const NO_ADDRESS = '(no address on file: add it to the chart)';

function addressText(address: unknown): string {
  if (!address || typeof address !== 'object') return '';
  const a = address as Record<string, unknown>;
  return ['line1', 'line2', 'address1', 'address2', 'city', 'state', 'region', 'postalCode', 'zip', 'country']
    .map((k) => a[k])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .join(', ');
}

/**
 * The report's range: clinic-local dates, `to` not before `from`. A malformed date, or one outside the
 * years the contracts accept (`calendarDate`: 1900–2199, so the instants around a range stay dates
 * PostgreSQL holds), is refused by the schema before this runs.
 */
export function checkRange(from: string, to: string): void {
  if (to < from) throw badRequest([{ field: 'query.to', message: 'is before the start of the range' }]);
}

/** A report's range of clinic-local dates, optionally for one registered location (its DEA number). */
export interface ReportRange {
  from: string;
  to: string;
  deaNumber?: string | undefined;
}

/**
 * The storage locations under one DEA number (every record of it: a renewal is a new record), so a report
 * holds that registered location's records only, as they are kept separately for each
 * (docs/clinical-sources.md#dea-records-content); undefined for the whole clinic. A container never moves
 * between registrations (a transfer is refused), so its events all fall on one side. A DEA number the
 * clinic does not hold is a 400 naming it.
 */
async function locationsUnder(deps: AppDeps, clinicId: string, deaNumber: string | undefined) {
  if (!deaNumber) return undefined;
  const held = new Set(
    (await registrationsOf(deps.db, clinicId)).filter((r) => r.deaNumber === deaNumber).map((r) => r.id),
  );
  if (held.size === 0)
    throw badRequest([{ field: 'query.deaNumber', message: 'is not a DEA registration of this clinic' }]);
  const crossing = await transfersBetweenRegistrations(deps.db, clinicId);
  if (crossing > 0)
    throw conflict(
      `${crossing} transfer${crossing === 1 ? '' : 's'} in this ledger moved stock from one DEA registration to another, so one registration's records cannot be separated from the others': ask for the report of every registration`,
    );
  return (await locationsOf(deps.db, clinicId)).filter((l) => held.has(l.registrationId)).map((l) => l.id);
}

/**
 * The products the reports hold: Schedule III only, so these records stay readily separable from any
 * other (docs/clinical-sources.md#dea-records-retention). A stored product that is not a valid Schedule
 * III entry never reaches the catalogue, so its events are left out too.
 */
async function scheduleIIIProducts(deps: AppDeps, clinicId: string): Promise<Product[]> {
  return (await productsOf(deps.db, clinicId)).filter((p) => p.schedule === 'III');
}

/** The product, label and lot of each container, from its `receive` event. */
function containerLookup(events: readonly LedgerEvent[], products: readonly Product[]) {
  const receipts = new Map(
    events.flatMap((e) => (e.type === 'receive' ? [[e.containerId, e] as const] : [])),
  );
  return (id: string) => {
    const r = receipts.get(id);
    const product = r && products.find((p) => p.key === r.productKey);
    return r && product ? { product, labelNumber: r.labelNumber, lotNumber: r.lotNumber } : null;
  };
}

async function peopleOf(deps: AppDeps, clinicId: string) {
  const people = new Map((await usersOf(deps.db, clinicId)).map((u) => [u.id, u.displayName]));
  return (id: string) => people.get(id) ?? null;
}

/** One audit row per report produced: which report, its range, its size and the format. */
async function auditReport(
  deps: AppDeps,
  actor: Actor,
  entity: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await deps.audit.record({
    ...auditActor(actor),
    action: 'export',
    entity,
    detail,
    outcome: 'success',
  });
}

/**
 * Instants that hold every clinic-local date from `from` to `to` whatever the time zone (UTC−12 to
 * UTC+14): a report reads the events of these instants, then keeps those whose local date is in range.
 */
/**
 * The instants a range of clinic-local dates covers: [midnight of `from`, midnight after `to`) in the
 * clinic's time zone, so PostgreSQL cuts (and pages) the range exactly.
 */
function instantsOf(from: string, to: string, timeZone: string) {
  const midnight = (date: string) =>
    new Date(clinicLocalToInstant(`${date}T00:00`, timeZone).epochMilliseconds);
  return { from: midnight(from), to: midnight(addDays(to, 1)) };
}

async function administrationRows(
  deps: AppDeps,
  actor: Actor,
  range: ReportRange,
  page?: { offset: number; limit?: number | undefined },
) {
  const { from, to } = range;
  checkRange(from, to);
  const clinic = await ledgerClinicOf(deps.db, actor.clinicId);
  const products = clinic.products.filter((p) => p.schedule === 'III');
  const read = await readAdministrations(deps, actor.clinicId, {
    ...instantsOf(from, to, clinic.calendar.timeZone),
    productKeys: products.map((p) => p.key),
    locationIds: await locationsUnder(deps, actor.clinicId, range.deaNumber),
    page,
  });
  const rows = read.events;
  const events = rows.map((r) => r.event as LedgerEvent);
  const containers = new Map(
    read.containers.flatMap((c) => {
      const product = products.find((p) => p.key === c.productKey);
      return product
        ? [[c.id, { product, labelNumber: c.labelNumber, lotNumber: c.lotNumber }] as const]
        : [];
    }),
  );
  const patientIds = [...new Set(rows.filter((r) => r.patientId).map((r) => r.patientId!))];
  const patients = new Map(
    (await patientsByIds(deps.db, actor.clinicId, patientIds)).map((p) => [
      p.id,
      { name: `${p.given} ${p.family}`, address: addressText(p.address) || NO_ADDRESS },
    ]),
  );
  const log: AdministrationLogRow[] = administrationLog({
    events,
    from,
    to,
    localTimeOf: clinic.calendar.localTimeOf,
    patients: (id) => patients.get(id) ?? null,
    users: await peopleOf(deps, actor.clinicId),
    containers: (id) => containers.get(id) ?? null,
  });
  // The patients whose names the log discloses (the audit row says how many).
  const patientOf = new Map(rows.map((r) => [r.id, r.patientId]));
  const ids = new Set(log.map((row) => patientOf.get(row.eventId)));
  return { log, total: read.total, patients: ids.size };
}

/** A page of the range's administrations and how many it holds, read in one snapshot so they agree. */
function readAdministrations(
  deps: AppDeps,
  clinicId: string,
  range: {
    from: Date;
    to: Date;
    productKeys: string[];
    locationIds: string[] | undefined;
    page?: { offset: number; limit?: number | undefined } | undefined;
  },
) {
  const { page, ...bounds } = range;
  return deps.db.transaction((tx) => administrationEventsBetween(tx, clinicId, bounds, page), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

async function auditedAdministrations(
  deps: AppDeps,
  actor: Actor,
  range: ReportRange,
  format: ReportFormat,
  page?: { offset: number; limit?: number | undefined },
) {
  const read = await administrationRows(deps, actor, range, page);
  await auditReport(deps, actor, 'ledger.administration-log', {
    ...range,
    ...(page && { offset: page.offset }),
    rows: read.log.length,
    patients: read.patients,
    format,
  });
  return read;
}

export type ReportFormat = 'json' | 'csv' | 'pdf';

/** The administration log of a range for the screen: the range's count and the page asked for. */
export async function administrationLogReport(
  deps: AppDeps,
  actor: Actor,
  query: ReportRange & { offset: number; limit?: number | undefined },
) {
  const { from, to, deaNumber, offset, limit } = query;
  const range = { from, to, deaNumber };
  const { log, total } = await auditedAdministrations(deps, actor, range, 'json', { offset, limit });
  return { from, to, total, offset, rows: log as unknown as Record<string, unknown>[] };
}

export async function administrationLogCsvReport(deps: AppDeps, actor: Actor, range: ReportRange) {
  return administrationLogCsv((await auditedAdministrations(deps, actor, range, 'csv')).log);
}

/** The administration log as a table (for the PDF). */
export async function administrationLogTable(deps: AppDeps, actor: Actor, range: ReportRange) {
  return administrationReportTable((await auditedAdministrations(deps, actor, range, 'pdf')).log);
}

/**
 * One page of the events of one product whose clinic-local date is in the range, in the ledger's order,
 * each with the product's balance after it (the balance of the whole ledger, not counted from the start
 * of the range), and how many the range holds. The range's ends are the clinic's midnights, so PostgreSQL
 * cuts and pages it exactly. Reads the page and the changes since its first event, never the history
 * before it: the balance before the page is today's stock less every change since. One read-only
 * snapshot, so an event appended meanwhile cannot count on one side only.
 */
export async function perpetualEventsBetween(
  deps: AppDeps,
  clinicId: string,
  productKey: string,
  range: { from: string; to: string; timeZone: string; locationIds?: string[] | undefined },
  page: { offset: number; limit: number } = { offset: 0, limit: 100_000 },
) {
  const bounds = { ...instantsOf(range.from, range.to, range.timeZone), locationIds: range.locationIds };
  return deps.db.transaction(
    async (tx) => {
      const total = await productEventCount(tx, clinicId, productKey, bounds);
      const rows = await productEventsListed(tx, clinicId, productKey, bounds, page);
      if (rows.length === 0) return { total, events: [] };
      const deltas = await productDeltasFrom(tx, clinicId, productKey, rows[0]!.seq, range.locationIds);
      let stock =
        (await productStockUg(tx, clinicId, productKey, range.locationIds)) -
        deltas.reduce((n, d) => n + d.deltaUg, 0);
      const after = new Map<number, number>();
      for (const d of deltas) after.set(d.seq, (stock += d.deltaUg));
      return { total, events: rows.map((row) => ({ row, balanceAfterUg: after.get(row.seq)! })) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** A listed event row as `eventViewOf` takes it: the view shows neither the stored event nor its link. */
const listed = (row: Omit<EventRow, 'event' | 'prevHash'>): EventRow => ({
  ...row,
  event: null,
  prevHash: '',
});

/**
 * The perpetual log of one product for a range of clinic-local dates, a page at a time: the events in the
 * ledger's order, each with the product's balance after it (that of the whole ledger), and the range's
 * count. The whole history is the PDF's and the container history's business, not one screen's.
 */
export async function perpetualLog(
  deps: AppDeps,
  actor: Actor,
  productKey: string,
  query: ReportRange & { offset: number; limit: number },
) {
  checkRange(query.from, query.to);
  const clinic = await ledgerClinicOf(deps.db, actor.clinicId);
  const product = clinic.products.find((p) => p.key === productKey);
  if (!product) throw notFound('Product');
  const { timeZone } = clinic.calendar;
  const { from, to, deaNumber, offset, limit } = query;
  const locationIds = await locationsUnder(deps, actor.clinicId, deaNumber);
  const page = await perpetualEventsBetween(
    deps,
    actor.clinicId,
    productKey,
    { from, to, timeZone, locationIds },
    {
      offset,
      limit,
    },
  );
  const events = page.events.map(({ row, balanceAfterUg }) =>
    eventViewOf(listed(row), product.strength, balanceAfterUg),
  );
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'ledger.perpetual-log',
    detail: { productKey, from, to, ...(deaNumber && { deaNumber }), offset, events: events.length },
    outcome: 'success',
  });
  return { productKey, product: product.name, from, to, total: page.total, offset, events };
}

// --- Receipts, disposals, the perpetual log as a table, receipts awaiting confirmation ------------

interface ReceiptLine {
  productKey: string;
  lotNumber: string;
  expiryDate: string;
  labelNumber: string;
}

async function receiptEntries(deps: AppDeps, actor: Actor, { from, to, deaNumber }: ReportRange) {
  checkRange(from, to);
  const under = await locationsUnder(deps, actor.clinicId, deaNumber);
  const products = await scheduleIIIProducts(deps, actor.clinicId);
  const person = await peopleOf(deps, actor.clinicId);
  const locations = new Map((await locationsOf(deps.db, actor.clinicId)).map((l) => [l.id, l.name]));
  const entries: ReceiptReportEntry[] = [];
  for (const row of await receiptsReceivedBetween(deps.db, actor.clinicId, from, to)) {
    if (under && !under.includes(row.locationId)) continue;
    const containers = (row.lines as ReceiptLine[]).flatMap((line) => {
      const product = products.find((p) => p.key === line.productKey);
      return product ? [receiptContainerOf(line, product)] : [];
    });
    if (containers.length === 0) continue;
    entries.push({
      receiptId: row.id,
      invoiceNumber: row.invoiceNumber,
      receivedOn: row.receivedOn,
      supplier: row.supplier as Registrant,
      location: locations.get(row.locationId) ?? '',
      receivedBy: person(row.receivedBy) ?? '(not found)',
      receivedAt: row.receivedAt.toISOString(),
      confirmedBy: row.confirmedBy ? (person(row.confirmedBy) ?? '(not found)') : null,
      confirmedAt: row.confirmedAt?.toISOString() ?? null,
      containers,
    });
  }
  return entries;
}

async function auditedReceipts(deps: AppDeps, actor: Actor, range: ReportRange, format: ReportFormat) {
  const receipts = await receiptEntries(deps, actor, range);
  await auditReport(deps, actor, 'ledger.receipts-report', {
    ...range,
    receipts: receipts.length,
    containers: receipts.reduce((n, r) => n + r.containers.length, 0),
    format,
  });
  return receipts;
}

/** Receipts in the range: supplier, invoice, date, each container, who received and who confirmed. */
export async function receiptsReport(deps: AppDeps, actor: Actor, range: ReportRange) {
  return { from: range.from, to: range.to, receipts: await auditedReceipts(deps, actor, range, 'json') };
}

export async function receiptsTable(deps: AppDeps, actor: Actor, range: ReportRange, format: ReportFormat) {
  return receiptReportTable(await auditedReceipts(deps, actor, range, format));
}

async function disposalRows(deps: AppDeps, actor: Actor, { from, to, deaNumber }: ReportRange) {
  checkRange(from, to);
  const products = await scheduleIIIProducts(deps, actor.clinicId);
  const calendar = await clinicCalendar(deps.db, actor.clinicId);
  const under = await locationsUnder(deps, actor.clinicId, deaNumber);
  // Every event: the quantity taken out of use at an expiry is the container's balance before it.
  const events = (await eventsOf(deps.db, actor.clinicId))
    .filter((r) => products.some((p) => p.key === r.productKey))
    .filter((r) => !under || under.includes(r.locationId))
    .map((r) => r.event as LedgerEvent);
  return disposalLog({
    events,
    from,
    to,
    localTimeOf: calendar.localTimeOf,
    users: await peopleOf(deps, actor.clinicId),
    containers: containerLookup(events, products),
  });
}

async function auditedDisposals(deps: AppDeps, actor: Actor, range: ReportRange, format: ReportFormat) {
  const rows = await disposalRows(deps, actor, range);
  await auditReport(deps, actor, 'ledger.disposals-report', { ...range, rows: rows.length, format });
  return rows;
}

/** Waste (witness, session), returns to a reverse distributor, and expired or quarantined stock. */
export async function disposalsReport(deps: AppDeps, actor: Actor, range: ReportRange) {
  return { from: range.from, to: range.to, rows: await auditedDisposals(deps, actor, range, 'json') };
}

export async function disposalsTable(deps: AppDeps, actor: Actor, range: ReportRange, format: ReportFormat) {
  return disposalReportTable(await auditedDisposals(deps, actor, range, format));
}

/**
 * The perpetual log of one product as a table: the events whose clinic-local date is in the range, each
 * with the product's balance after it (counted from the first event, not from the start of the range).
 */
export async function perpetualLogTable(
  deps: AppDeps,
  actor: Actor,
  productKey: string,
  { from, to, deaNumber }: ReportRange,
  format: 'pdf' | 'csv' = 'pdf',
): Promise<ReportTable & { product: string }> {
  checkRange(from, to);
  const product = (await scheduleIIIProducts(deps, actor.clinicId)).find((p) => p.key === productKey);
  if (!product) throw notFound('Product');
  const calendar = await clinicCalendar(deps.db, actor.clinicId);
  const person = await peopleOf(deps, actor.clinicId);
  const under = await locationsUnder(deps, actor.clinicId, deaNumber);
  // One registration's events make its own running balance: its containers never leave it.
  const rows = (await eventsOf(deps.db, actor.clinicId, { productKey })).filter(
    (r) => !under || under.includes(r.locationId),
  );
  const labels = containerLookup(
    rows.map((r) => r.event as LedgerEvent),
    [product],
  );
  let total = 0;
  const table: string[][] = [];
  for (const r of rows) {
    total += r.deltaUg;
    const local = calendar.localTimeOf(r.eventAt.getTime());
    if (local.slice(0, 10) < from || local.slice(0, 10) > to) continue;
    const delta = viewQuantity(r.deltaUg, product.strength);
    const after = viewQuantity(total, product.strength);
    table.push([
      String(r.seq),
      local.slice(0, 10),
      local.slice(11, 16),
      r.type,
      labels(r.containerId)?.labelNumber ?? '',
      delta.mg,
      delta.ml ?? '',
      after.mg,
      after.ml ?? '',
      person(r.actorId) ?? '(not found)',
      r.witnessId ? (person(r.witnessId) ?? '(not found)') : '',
      r.correctsEventId ?? '',
    ]);
  }
  await auditReport(deps, actor, 'ledger.perpetual-log', {
    productKey,
    from,
    to,
    ...(deaNumber && { deaNumber }),
    events: table.length,
    format,
  });
  const numeric = (key: string, label: string) => ({ key, label, numeric: true });
  return {
    product: product.name,
    columns: [
      { key: 'seq', label: '#' },
      { key: 'date', label: 'Date' },
      { key: 'time', label: 'Time' },
      { key: 'event', label: 'Event' },
      { key: 'container_label', label: 'Label' },
      numeric('change_mg', 'Change mg'),
      numeric('change_ml', 'Change mL'),
      numeric('balance_mg', 'Balance mg'),
      numeric('balance_ml', 'Balance mL'),
      { key: 'by', label: 'By' },
      { key: 'witness', label: 'Witness' },
      { key: 'corrects', label: 'Corrects event' },
    ],
    rows: table,
  };
}

/** Receipts entered and not yet confirmed: who entered each and when, so a second person can confirm. */
export async function listAwaitingReceipts(deps: AppDeps, actor: Actor) {
  const person = await peopleOf(deps, actor.clinicId);
  const locations = new Map((await locationsOf(deps.db, actor.clinicId)).map((l) => [l.id, l.name]));
  const rows = await receiptsAwaitingConfirmation(deps.db, actor.clinicId);
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'ledger.receipt',
    detail: { awaiting: true, returned: rows.length },
    outcome: 'success',
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      locationId: r.locationId,
      location: locations.get(r.locationId) ?? '',
      supplier: r.supplier as Registrant,
      invoiceNumber: r.invoiceNumber,
      receivedOn: r.receivedOn,
      containers: (r.lines as ReceiptLine[]).length,
      receivedBy: r.receivedBy,
      receivedByName: person(r.receivedBy) ?? '(not found)',
      receivedAt: r.receivedAt.toISOString(),
    })),
  };
}

/**
 * One container's history, oldest first, each event with the container's balance after it: what the
 * stock page shows for a container and where a correction starts. Another clinic's container is a 404.
 */
export async function containerHistory(deps: AppDeps, actor: Actor, containerId: string) {
  const products = await productsOf(deps.db, actor.clinicId);
  const found = await findContainer(deps.db, actor.clinicId, containerId);
  if (!found) throw notFound('Container');
  const container = toContainerBalance(found.container, found.balance, products);
  let balance = 0;
  const events = (await containerEventsOf(deps.db, actor.clinicId, containerId)).map((row) => {
    balance += row.deltaUg;
    return eventViewOf(row, container.strength, balance);
  });
  await deps.audit.record({
    ...auditActor(actor),
    action: 'read',
    entity: 'ledger.container',
    entityId: containerId,
    detail: { events: events.length },
    outcome: 'success',
  });
  return { container: containerViewOf(container, products), events };
}

/**
 * What the ledger holds for one of the clinic's treatment sessions: whether the clinic keeps its ledger
 * here and the administrations no correction reversed. The session page shows it beside the form that
 * records the vial or devices, since the note's signature waits for it. Another clinic's session is a 404.
 */
export async function sessionAdministrations(deps: AppDeps, actor: Actor, sessionId: string) {
  const session = await findSessionLink(deps.db, actor.clinicId, sessionId);
  if (!session) throw notFound('Session');
  const products = await productsOf(deps.db, actor.clinicId);
  const facts = await sessionLedgerFacts(deps.db, actor.clinicId, session);
  await deps.audit.record({
    ...auditActor(actor),
    patientId: session.patientId,
    action: 'read',
    entity: 'ledger.session',
    entityId: sessionId,
    detail: { administrations: facts.administrations.length },
    outcome: 'success',
  });
  return {
    kept: facts.kept,
    items: facts.administrations.map((a) => {
      const product = products.find((p) => p.key === a.productKey);
      return {
        eventId: a.eventId,
        at: a.at.toISOString(),
        labelNumber: a.labelNumber,
        product: product?.name ?? a.productKey,
        quantity: viewQuantity(a.quantityUg, product?.strength ?? NO_STRENGTH),
      };
    }),
  };
}
