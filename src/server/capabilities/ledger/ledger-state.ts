import type { ContainerView, EventView } from '../../../contracts/ledger.js';
import type { Executor } from '../../../db/client.js';
import { clinicDateOf } from '../../../domain/clinic/index.js';
import {
  checkProduct,
  DEFAULT_LEDGER_SETTINGS,
  DEFAULT_PRODUCTS,
  viewQuantity,
  type ContainerBalance,
  type LedgerEvent,
  type LedgerSettings,
  type Problem,
  type Product,
  type Strength,
} from '../../../domain/ledger/index.js';
import { badRequest, conflict, type FieldProblem } from '../../shared/api-error.js';
import { readStoredClinic } from '../../shared/clinic-settings.js';
import {
  findLocation,
  findRegistration,
  productRowsOf,
  registrationsOf,
  type BalanceRow,
  type ContainerRow,
  type EventRow,
} from './ledger.queries.js';

/**
 * What every ledger use case needs: the clinic's catalogue (Arbor's starting products, replaced key by
 * key by the clinic's own entries), the clinic's calendar, a container as the ledger rules read it, and
 * the views sent back.
 */

export interface CatalogueEntry {
  product: Product;
  id: string | null;
  origin: 'catalogue' | 'clinic';
}

export async function catalogueOf(db: Executor, clinicId: string): Promise<CatalogueEntry[]> {
  const byKey = new Map<string, CatalogueEntry>(
    DEFAULT_PRODUCTS.map((p) => [p.key, { product: p, id: null, origin: 'catalogue' }]),
  );
  for (const row of await productRowsOf(db, clinicId)) {
    const checked = checkProduct(row.product as Product);
    if (checked.ok) byKey.set(row.key, { product: checked.value, id: row.id, origin: 'clinic' });
  }
  return [...byKey.values()].sort((a, b) => (a.product.key < b.product.key ? -1 : 1));
}

export async function productsOf(db: Executor, clinicId: string): Promise<Product[]> {
  return (await catalogueOf(db, clinicId)).map((e) => e.product);
}

/** The clinic's ledger settings (witness rules, count cadence, inventory interval, retention). */
export async function ledgerSettingsFor(db: Executor, clinicId: string): Promise<LedgerSettings> {
  return (await readStoredClinic(db, clinicId))?.settings.ledger ?? DEFAULT_LEDGER_SETTINGS;
}

/**
 * Stock is received, opened, given or moved only under a DEA registration in force: a location's
 * registration (its newest record for that DEA number, since a renewal is a new record) that lapsed
 * before today refuses it (docs/clinical-sources.md#dea-records-content). Counting, waste, return to a
 * reverse distributor and quarantine stay open: they account for or dispose of stock already held.
 */
export async function refuseUnderLapsedRegistration(
  db: Executor,
  clinicId: string,
  locationId: string,
  today: string,
): Promise<void> {
  const location = await findLocation(db, clinicId, locationId);
  const registration = location && (await findRegistration(db, clinicId, location.registrationId));
  if (!registration) return;
  const expiresOn = (await registrationsOf(db, clinicId))
    .filter((r) => r.deaNumber === registration.deaNumber)
    .reduce((latest, r) => (r.expiresOn > latest ? r.expiresOn : latest), registration.expiresOn);
  if (expiresOn < today)
    throw conflict(
      `DEA registration ${registration.deaNumber} lapsed on ${expiresOn}: no controlled substance may be received, opened, given or moved under it until it is renewed`,
    );
}

/** The DEA number a storage location is kept under; undefined for no location of this clinic. */
export async function deaNumberAt(db: Executor, clinicId: string, locationId: string) {
  const location = await findLocation(db, clinicId, locationId);
  if (!location) return undefined;
  return (await findRegistration(db, clinicId, location.registrationId))?.deaNumber ?? null;
}

/** The clinic-local date of an instant (epoch ms), in the clinic's time zone. */
export async function clinicCalendar(db: Executor, clinicId: string) {
  return calendarIn((await readStoredClinic(db, clinicId))?.settings.timeZone ?? 'UTC');
}

export type ClinicCalendar = ReturnType<typeof calendarIn>;

/** Clinic-local dates and times in a zone, with one formatter (building one costs ~80 µs). */
function calendarIn(timeZone: string) {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  return {
    timeZone,
    dateOf: (at: number) => clinicDateOf(new Date(at).toISOString(), timeZone),
    localTimeOf: (at: number) => format.format(new Date(at)).replace(' ', 'T'),
  };
}

/** What a stock movement reads of its clinic, once: the catalogue, the calendar and the ledger settings. */
export interface LedgerClinic {
  products: Product[];
  calendar: ClinicCalendar;
  settings: LedgerSettings;
}

export async function ledgerClinicOf(db: Executor, clinicId: string): Promise<LedgerClinic> {
  const [stored, products] = await Promise.all([readStoredClinic(db, clinicId), productsOf(db, clinicId)]);
  return {
    products,
    calendar: calendarIn(stored?.settings.timeZone ?? 'UTC'),
    settings: stored?.settings.ledger ?? DEFAULT_LEDGER_SETTINGS,
  };
}

/** The strength of a product no longer in the catalogue: quantities shown in µg and mg only. */
export const NO_STRENGTH: Strength = { contentUg: 1, volumeUl: null, countAs: 'unit' };

/** A stored container as the ledger rules read it. */
export function toContainerBalance(
  container: ContainerRow,
  balance: BalanceRow,
  products: readonly Product[],
): ContainerBalance {
  return {
    containerId: container.id,
    clinicId: container.clinicId,
    productKey: container.productKey,
    locationId: balance.locationId,
    status: balance.status as ContainerBalance['status'],
    balanceUg: balance.balanceUg,
    strength: products.find((p) => p.key === container.productKey)?.strength ?? NO_STRENGTH,
    lotNumber: container.lotNumber,
    expiryDate: container.expiryDate,
    labelNumber: container.labelNumber,
    receivedAt: container.receivedAt.getTime(),
    lastEventId: balance.lastEventId,
    lastEventAt: balance.lastEventAt.getTime(),
  };
}

export function containerViewOf(c: ContainerBalance, products: readonly Product[]): ContainerView {
  return {
    id: c.containerId,
    productKey: c.productKey,
    product: products.find((p) => p.key === c.productKey)?.name ?? c.productKey,
    lotNumber: c.lotNumber,
    expiryDate: c.expiryDate,
    labelNumber: c.labelNumber,
    locationId: c.locationId,
    status: c.status,
    balance: viewQuantity(c.balanceUg, c.strength),
    lastEventAt: new Date(c.lastEventAt).toISOString(),
  };
}

export function eventViewOf(
  row: EventRow,
  strength: Strength,
  balanceAfterUg: number | null = null,
): EventView {
  return {
    id: row.id,
    seq: row.seq,
    type: row.type,
    containerId: row.containerId,
    productKey: row.productKey,
    locationId: row.locationId,
    delta: viewQuantity(row.deltaUg, strength),
    balanceAfter: balanceAfterUg === null ? null : viewQuantity(balanceAfterUg, strength),
    actorId: row.actorId,
    witnessId: row.witnessId,
    sessionId: row.sessionId,
    doseId: row.doseId,
    patientId: row.patientId,
    correctsEventId: row.correctsEventId,
    eventAt: row.eventAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    hash: row.hash,
  };
}

/** The stored event as the ledger rules read it. */
export const domainEventOf = (row: EventRow): LedgerEvent => row.event as LedgerEvent;

/** The request field a ledger rule's problem is about. */
const FIELD_OF: Record<string, string> = {
  quantityUg: 'body.quantity',
  deltaUg: 'body.deltaMg',
  witnessId: 'body.witness',
  containerId: 'params.id',
  correctsEventId: 'params.id',
  locationId: 'body.locationId',
  at: 'body.eventAt',
  doseOrderId: 'body.doseId',
  patientId: 'body.sessionId',
  confirmedById: 'body',
};

export function fieldOf(field: string): string {
  return FIELD_OF[field] ?? `body.${field}`;
}

/** A rule's refusal as a 400 naming the request's fields. */
export function refused(problems: Problem[], locationField = 'params.id') {
  const fields: FieldProblem[] = problems.map((p) => ({
    field: p.field === 'locationId' ? locationField : fieldOf(p.field),
    message: p.message,
  }));
  return badRequest(fields, 'The ledger refuses this entry');
}
