import { createHash } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, gt, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.js';
import { patients, users } from '../../../db/schema.js';
import { doses } from '../../../db/schema-dosing.js';
import { treatmentSessions } from '../../../db/schema-session.js';
import {
  ledgerContainerBalances,
  ledgerContainers,
  ledgerCounts,
  ledgerDiscrepancies,
  ledgerDiscrepancyNotes,
  ledgerEvents,
  ledgerLocations,
  ledgerLossFilings,
  ledgerProducts,
  ledgerReceipts,
  ledgerRegistrations,
} from '../../../db/schema-ledger.js';
import {
  balanceDelta,
  chainHash,
  GENESIS_HASH,
  LEDGER_EVENT_TYPES,
  type LedgerEvent,
} from '../../../domain/ledger/index.js';

/** The controlled-substance ledger's SQL in one place. */

export type RegistrationRow = typeof ledgerRegistrations.$inferSelect;
export type LocationRow = typeof ledgerLocations.$inferSelect;
export type ProductRow = typeof ledgerProducts.$inferSelect;
export type ReceiptRow = typeof ledgerReceipts.$inferSelect;
export type ContainerRow = typeof ledgerContainers.$inferSelect;
export type BalanceRow = typeof ledgerContainerBalances.$inferSelect;
export type EventRow = typeof ledgerEvents.$inferSelect;
export type CountRow = typeof ledgerCounts.$inferSelect;
export type DiscrepancyRow = typeof ledgerDiscrepancies.$inferSelect;

/** SHA-256 in hex: the hash function of the ledger's chain. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Serialises appends to one clinic's chain across every app server (the audit chain uses 724002). */
const LEDGER_CHAIN_LOCK = 724_003;

// --- Registrations, locations, products ---------------------------------------------------------

export async function insertRegistration(tx: Executor, values: typeof ledgerRegistrations.$inferInsert) {
  const [row] = await tx.insert(ledgerRegistrations).values(values).returning();
  return row!;
}

export function registrationsOf(db: Executor, clinicId: string) {
  return db
    .select()
    .from(ledgerRegistrations)
    .where(eq(ledgerRegistrations.clinicId, clinicId))
    .orderBy(desc(ledgerRegistrations.recordedAt));
}

export async function findRegistration(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(ledgerRegistrations)
    .where(and(eq(ledgerRegistrations.id, id), eq(ledgerRegistrations.clinicId, clinicId)));
  return row;
}

export async function insertLocation(tx: Executor, values: typeof ledgerLocations.$inferInsert) {
  const [row] = await tx.insert(ledgerLocations).values(values).returning();
  return row!;
}

export function locationsOf(db: Executor, clinicId: string) {
  return db
    .select()
    .from(ledgerLocations)
    .where(eq(ledgerLocations.clinicId, clinicId))
    .orderBy(asc(ledgerLocations.name));
}

export async function findLocation(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(ledgerLocations)
    .where(and(eq(ledgerLocations.id, id), eq(ledgerLocations.clinicId, clinicId)));
  return row;
}

export async function insertProduct(tx: Executor, values: typeof ledgerProducts.$inferInsert) {
  const [row] = await tx.insert(ledgerProducts).values(values).returning();
  return row!;
}

export function productRowsOf(db: Executor, clinicId: string) {
  return db
    .select()
    .from(ledgerProducts)
    .where(eq(ledgerProducts.clinicId, clinicId))
    .orderBy(asc(ledgerProducts.key));
}

// --- Receipts and containers --------------------------------------------------------------------

export async function insertReceipt(tx: Executor, values: typeof ledgerReceipts.$inferInsert) {
  const [row] = await tx.insert(ledgerReceipts).values(values).returning();
  return row!;
}

export async function findReceipt(db: Executor, clinicId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(ledgerReceipts)
    .where(and(eq(ledgerReceipts.id, id), eq(ledgerReceipts.clinicId, clinicId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function confirmReceiptRow(tx: Executor, id: string, confirmedBy: string, at: Date) {
  await tx.update(ledgerReceipts).set({ confirmedBy, confirmedAt: at }).where(eq(ledgerReceipts.id, id));
}

export function containersOfReceipt(db: Executor, receiptId: string) {
  return db.select().from(ledgerContainers).where(eq(ledgerContainers.receiptId, receiptId));
}

export async function labelTaken(db: Executor, clinicId: string, labels: string[]) {
  if (labels.length === 0) return [];
  const rows = await db
    .select({ label: ledgerContainers.labelNumber })
    .from(ledgerContainers)
    .where(and(eq(ledgerContainers.clinicId, clinicId), inArray(ledgerContainers.labelNumber, labels)));
  return rows.map((r) => r.label);
}

export async function insertContainer(tx: Executor, values: typeof ledgerContainers.$inferInsert) {
  const [row] = await tx.insert(ledgerContainers).values(values).returning();
  return row!;
}

export async function insertBalance(tx: Executor, values: typeof ledgerContainerBalances.$inferInsert) {
  await tx.insert(ledgerContainerBalances).values(values);
}

/** A container of the clinic with its balance row; `forUpdate` holds the balance row to the end. */
export async function findContainer(
  db: Executor,
  clinicId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ container: ContainerRow; balance: BalanceRow } | undefined> {
  const query = db
    .select({ container: ledgerContainers, balance: ledgerContainerBalances })
    .from(ledgerContainers)
    .innerJoin(ledgerContainerBalances, eq(ledgerContainerBalances.containerId, ledgerContainers.id))
    .where(and(eq(ledgerContainers.id, id), eq(ledgerContainers.clinicId, clinicId)));
  const [row] = options.forUpdate ? await query.for('update', { of: ledgerContainerBalances }) : await query;
  return row;
}

/**
 * Every container of the clinic (optionally at one location) with its balance. `onHandOrSince` keeps
 * the containers on hand (not returned, balance above 0) and those with an event since that instant: a
 * clinic's emptied and returned containers grow by thousands a year and are read through the logs.
 */
/** Stock on hand: the predicate of the partial index `ledger_container_balances_on_hand`, word for word. */
const onHand = () =>
  and(gt(ledgerContainerBalances.balanceUg, 0), sql`${ledgerContainerBalances.status} <> 'returned'`);

export function containersOf(
  db: Executor,
  clinicId: string,
  options: { locationId?: string; forUpdate?: boolean; onHandOrSince?: Date } = {},
) {
  const query = db
    .select({ container: ledgerContainers, balance: ledgerContainerBalances })
    .from(ledgerContainers)
    .innerJoin(ledgerContainerBalances, eq(ledgerContainerBalances.containerId, ledgerContainers.id))
    .where(
      and(
        eq(ledgerContainers.clinicId, clinicId),
        options.locationId ? eq(ledgerContainerBalances.locationId, options.locationId) : undefined,
        options.onHandOrSince
          ? or(onHand(), gte(ledgerContainerBalances.lastEventAt, options.onHandOrSince))
          : undefined,
      ),
    )
    .orderBy(asc(ledgerContainers.productKey), asc(ledgerContainers.labelNumber));
  return options.forUpdate ? query.for('update', { of: ledgerContainerBalances }) : query;
}

export async function updateBalance(
  tx: Executor,
  containerId: string,
  set: { balanceUg: number; status: string; locationId: string; lastEventId: string; lastEventAt: Date },
) {
  await tx
    .update(ledgerContainerBalances)
    .set(set)
    .where(eq(ledgerContainerBalances.containerId, containerId));
}

// --- Events -------------------------------------------------------------------------------------

/**
 * Appends one event to the clinic's chain: holds the clinic's chain lock, reads the head, stores the event
 * with the previous hash and its own. Call it in the transaction that changed the balance.
 */
export async function appendLedgerEvent(
  tx: Executor,
  event: LedgerEvent,
  links: { productKey: string; original?: LedgerEvent | null; recordedAt: Date },
): Promise<EventRow> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${LEDGER_CHAIN_LOCK}, hashtext(${event.clinicId}))`);
  const [head] = await tx
    .select({ hash: ledgerEvents.hash })
    .from(ledgerEvents)
    .where(eq(ledgerEvents.clinicId, event.clinicId))
    .orderBy(desc(ledgerEvents.seq))
    .limit(1);
  const prevHash = head?.hash ?? GENESIS_HASH;
  const stored = JSON.parse(JSON.stringify(event)) as LedgerEvent;
  const [row] = await tx
    .insert(ledgerEvents)
    .values({
      id: event.id,
      clinicId: event.clinicId,
      type: event.type,
      containerId: event.containerId,
      productKey: links.productKey,
      locationId: event.locationId,
      deltaUg: balanceDelta(event, links.original ?? null),
      actorId: event.actorId,
      witnessId: 'witnessId' in event ? event.witnessId : null,
      sessionId: 'sessionId' in event ? event.sessionId : null,
      doseId: event.type === 'administer' ? event.doseOrderId : null,
      patientId: event.type === 'administer' ? event.patientId : null,
      correctsEventId: event.type === 'correction' ? event.correctsEventId : null,
      countId: event.type === 'count' ? event.countId : null,
      eventAt: new Date(event.at),
      recordedAt: links.recordedAt,
      event: stored,
      prevHash,
      hash: chainHash(prevHash, stored, sha256Hex),
    })
    .returning();
  return row!;
}

export async function findEvent(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(ledgerEvents)
    .where(and(eq(ledgerEvents.id, id), eq(ledgerEvents.clinicId, clinicId)));
  return row;
}

export async function correctionOf(db: Executor, eventId: string) {
  const [row] = await db
    .select({ id: ledgerEvents.id })
    .from(ledgerEvents)
    .where(eq(ledgerEvents.correctsEventId, eventId));
  return row;
}

/** A clinic's events in the ledger's order (optionally of one product or some types). */
export function eventsOf(
  db: Executor,
  clinicId: string,
  options: { productKey?: string; types?: string[] } = {},
) {
  return db
    .select()
    .from(ledgerEvents)
    .where(
      and(
        eq(ledgerEvents.clinicId, clinicId),
        options.productKey ? eq(ledgerEvents.productKey, options.productKey) : undefined,
        options.types ? inArray(ledgerEvents.type, options.types) : undefined,
      ),
    )
    .orderBy(asc(ledgerEvents.seq));
}

/**
 * How many transfers moved a container from a location under one DEA number to a location under another
 * (refused since records are kept per registered location; some may have been recorded before).
 */
export async function transfersBetweenRegistrations(db: Executor, clinicId: string): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n
    FROM ${ledgerEvents} e
    JOIN ${ledgerLocations} src ON src.id = e.location_id
    JOIN ${ledgerLocations} dst ON dst.id = (e.event ->> 'toLocationId')::uuid
    JOIN ${ledgerRegistrations} rs ON rs.id = src.registration_id
    JOIN ${ledgerRegistrations} rd ON rd.id = dst.registration_id
    WHERE e.clinic_id = ${clinicId} AND e.type = 'transfer' AND rs.dea_number <> rd.dea_number`);
  return rows[0]?.n ?? 0;
}

/** A clinic's events after `afterSeq` in the ledger's order, at most `limit` (served by the seq index). */
export function eventsAfter(db: Executor, clinicId: string, afterSeq: number, limit: number) {
  return db
    .select()
    .from(ledgerEvents)
    .where(and(eq(ledgerEvents.clinicId, clinicId), gt(ledgerEvents.seq, afterSeq)))
    .orderBy(asc(ledgerEvents.seq))
    .limit(limit);
}

/**
 * What the ledger holds for one treatment session: whether the clinic kept its controlled-substance
 * ledger here when the session began (a storage location existed by its check-in: a session before the
 * ledger was set up cannot have its vial in it), and the session's administrations that no correction
 * reversed, with the container each came from.
 */
export async function sessionLedgerFacts(
  db: Executor,
  clinicId: string,
  session: { id: string; checkedInAt: Date },
) {
  const sessionId = session.id;
  const [kept] = await db
    .select({ id: ledgerLocations.id })
    .from(ledgerLocations)
    .where(and(eq(ledgerLocations.clinicId, clinicId), lte(ledgerLocations.createdAt, session.checkedInAt)))
    .limit(1);
  const administrations = await db
    .select({
      eventId: ledgerEvents.id,
      at: ledgerEvents.eventAt,
      containerId: ledgerEvents.containerId,
      productKey: ledgerEvents.productKey,
      quantityUg: sql<string>`-${ledgerEvents.deltaUg}`,
      labelNumber: ledgerContainers.labelNumber,
    })
    .from(ledgerEvents)
    .innerJoin(ledgerContainers, eq(ledgerContainers.id, ledgerEvents.containerId))
    .where(
      and(
        eq(ledgerEvents.sessionId, sessionId),
        eq(ledgerEvents.clinicId, clinicId),
        eq(ledgerEvents.type, 'administer'),
        sql`NOT EXISTS (SELECT 1 FROM ${ledgerEvents} AS c WHERE c.corrects_event_id = ${ledgerEvents.id})`,
      ),
    )
    .orderBy(asc(ledgerEvents.seq));
  return {
    kept: kept !== undefined,
    administrations: administrations.map((a) => ({ ...a, quantityUg: Number(a.quantityUg) })),
  };
}

/** How many events a clinic's ledger holds. */
export async function eventCount(db: Executor, clinicId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`count(*)` })
    .from(ledgerEvents)
    .where(eq(ledgerEvents.clinicId, clinicId));
  return Number(row?.n ?? 0);
}

/** One container's events in the ledger's order (served by the container index). */
export function containerEventsOf(db: Executor, clinicId: string, containerId: string) {
  return db
    .select()
    .from(ledgerEvents)
    .where(and(eq(ledgerEvents.clinicId, clinicId), eq(ledgerEvents.containerId, containerId)))
    .orderBy(asc(ledgerEvents.seq));
}

/**
 * What the administration log of a range reads: the administrations of the given products that happened
 * in [from, to), in time order (the ledger's order among equal times), optionally one page of them; the
 * corrections that name them; and the containers they were drawn from (product, label, lot: as received,
 * never rewritten). Paged here, so a screen's page reads its rows and not the month's thousands. Each
 * statement is served by an index; only the columns the log uses; the event is the hashed one.
 */
export async function administrationEventsBetween(
  db: Executor,
  clinicId: string,
  range: EventScope & { from: Date; to: Date; productKeys: string[] },
  page?: { offset: number; limit?: number | undefined },
) {
  const columns = {
    id: ledgerEvents.id,
    seq: ledgerEvents.seq,
    type: ledgerEvents.type,
    productKey: ledgerEvents.productKey,
    patientId: ledgerEvents.patientId,
    containerId: ledgerEvents.containerId,
    event: ledgerEvents.event,
  };
  const where = and(
    eq(ledgerEvents.clinicId, clinicId),
    eq(ledgerEvents.type, 'administer'),
    gte(ledgerEvents.eventAt, range.from),
    lt(ledgerEvents.eventAt, range.to),
    inArray(ledgerEvents.productKey, range.productKeys),
    atLocations(ledgerEvents.locationId, range.locationIds),
  );
  if (range.productKeys.length === 0) return { total: 0, events: [], containers: [] };
  let ordered = db
    .select(columns)
    .from(ledgerEvents)
    .where(where)
    .orderBy(asc(ledgerEvents.eventAt), asc(ledgerEvents.seq))
    .$dynamic();
  if (page) ordered = ordered.offset(page.offset);
  if (page?.limit !== undefined) ordered = ordered.limit(page.limit);
  const rows = await ordered;
  const total = page
    ? Number(
        (
          await db
            .select({ n: sql<string>`count(*)` })
            .from(ledgerEvents)
            .where(where)
        )[0]?.n ?? 0,
      )
    : rows.length;
  if (rows.length === 0) return { total, events: rows, containers: [] };
  // One array parameter each (not a list of hundreds, nor a subquery the planner hashes whole tables for).
  const anyOf = (column: AnyPgColumn, ids: string[]) => sql`${column} = ANY(${sql.param(ids)}::uuid[])`;
  const corrections = await db
    .select(columns)
    .from(ledgerEvents)
    .where(
      and(
        anyOf(
          ledgerEvents.correctsEventId,
          rows.map((r) => r.id),
        ),
        eq(ledgerEvents.clinicId, clinicId),
        eq(ledgerEvents.type, 'correction'),
      ),
    );
  const containers = await db
    .select({
      id: ledgerContainers.id,
      productKey: ledgerContainers.productKey,
      lotNumber: ledgerContainers.lotNumber,
      labelNumber: ledgerContainers.labelNumber,
    })
    .from(ledgerContainers)
    .where(
      and(
        anyOf(ledgerContainers.id, [...new Set(rows.map((r) => r.containerId))]),
        eq(ledgerContainers.clinicId, clinicId),
      ),
    );
  return { total, events: [...rows, ...corrections], containers };
}

const { event: _event, prevHash: _prevHash, ...listedColumns } = getTableColumns(ledgerEvents);

/**
 * One product's events in the ledger's order (optionally those that happened in [from, to)) with every
 * column a listing shows, without the stored event and the previous hash, which a listing does not show
 * and which cost most of the reading (the perpetual log lists thousands).
 */
/** Where a report looks: a time range and, for one registration's records, its storage locations. */
export interface EventScope {
  from?: Date;
  to?: Date;
  /** Only events at these locations (one registration's); every location when absent. */
  locationIds?: readonly string[] | undefined;
}

const atLocations = (column: AnyPgColumn, ids: readonly string[] | undefined) =>
  ids ? sql`${column} = ANY(${sql.param([...ids])}::uuid[])` : undefined;

function productEventsWhere(clinicId: string, productKey: string, range: EventScope) {
  return and(
    eq(ledgerEvents.clinicId, clinicId),
    // Every type named, so that the (clinic, type, time) index serves a range.
    range.from || range.to ? inArray(ledgerEvents.type, [...LEDGER_EVENT_TYPES]) : undefined,
    eq(ledgerEvents.productKey, productKey),
    range.from ? gte(ledgerEvents.eventAt, range.from) : undefined,
    range.to ? lt(ledgerEvents.eventAt, range.to) : undefined,
    atLocations(ledgerEvents.locationId, range.locationIds),
  );
}

export function productEventsListed(
  db: Executor,
  clinicId: string,
  productKey: string,
  range: EventScope = {},
  page?: { offset: number; limit: number },
) {
  const query = db
    .select(listedColumns)
    .from(ledgerEvents)
    .where(productEventsWhere(clinicId, productKey, range));
  if (!page) return query.orderBy(asc(ledgerEvents.seq));
  // Ordered by an expression: with a LIMIT, ordering by the bare seq leads the planner to walk the whole
  // ledger in seq order looking for the range (125 ms at five years) instead of reading the range by its
  // index and sorting the month (2 ms).
  return query
    .orderBy(sql`${ledgerEvents.seq} + 0`)
    .limit(page.limit)
    .offset(page.offset);
}

/** How many events of one product happened in [from, to). */
export function productEventCountQuery(
  db: Executor,
  clinicId: string,
  productKey: string,
  range: EventScope & { from: Date; to: Date },
) {
  return db
    .select({ n: sql<number>`count(*)::int` })
    .from(ledgerEvents)
    .where(productEventsWhere(clinicId, productKey, range));
}

export async function productEventCount(
  db: Executor,
  clinicId: string,
  productKey: string,
  range: EventScope & { from: Date; to: Date },
): Promise<number> {
  const [row] = await productEventCountQuery(db, clinicId, productKey, range);
  return row?.n ?? 0;
}

/** The balance change of every event of one product from `fromSeq` on, in the ledger's order. */
export function productDeltasFrom(
  db: Executor,
  clinicId: string,
  productKey: string,
  fromSeq: number,
  locationIds?: readonly string[],
) {
  return db
    .select({ seq: ledgerEvents.seq, deltaUg: ledgerEvents.deltaUg })
    .from(ledgerEvents)
    .where(
      and(
        eq(ledgerEvents.clinicId, clinicId),
        eq(ledgerEvents.productKey, productKey),
        gte(ledgerEvents.seq, fromSeq),
        atLocations(ledgerEvents.locationId, locationIds),
      ),
    )
    .orderBy(asc(ledgerEvents.seq));
}

/**
 * The product's stock now: the sum of its containers' stored balances, which is the sum of every event's
 * change (each balance row is updated in the transaction that appends its event; `ledger verify` checks
 * that they agree).
 */
export function productStockQuery(
  db: Executor,
  clinicId: string,
  productKey: string,
  locationIds?: readonly string[],
) {
  return db
    .select({ ug: sql<string>`coalesce(sum(${ledgerContainerBalances.balanceUg}), 0)` })
    .from(ledgerContainerBalances)
    .innerJoin(ledgerContainers, eq(ledgerContainers.id, ledgerContainerBalances.containerId))
    .where(
      and(
        eq(ledgerContainerBalances.clinicId, clinicId),
        eq(ledgerContainers.productKey, productKey),
        // A returned container holds 0 (a return takes the whole balance): the same sum, by the index.
        onHand(),
        atLocations(ledgerContainerBalances.locationId, locationIds),
      ),
    );
}

export async function productStockUg(
  db: Executor,
  clinicId: string,
  productKey: string,
  locationIds?: readonly string[],
): Promise<number> {
  const [row] = await productStockQuery(db, clinicId, productKey, locationIds);
  return Number(row?.ug ?? 0);
}

// --- Links to the chart -------------------------------------------------------------------------

/** A treatment session of the clinic, as an administration links to it (read here, not through the session capability, which reads the ledger when a note is signed). */
export async function findSessionLink(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .select({
      id: treatmentSessions.id,
      patientId: treatmentSessions.patientId,
      doseId: treatmentSessions.doseId,
      checkedInAt: treatmentSessions.checkedInAt,
    })
    .from(treatmentSessions)
    .where(and(eq(treatmentSessions.id, id), eq(treatmentSessions.clinicId, clinicId)));
  return row;
}

export async function findDose(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .select({ id: doses.id, patientId: doses.patientId, status: doses.status })
    .from(doses)
    .where(and(eq(doses.id, id), eq(doses.clinicId, clinicId)));
  return row;
}

export function patientsByIds(db: Executor, clinicId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: patients.id,
      given: patients.legalGivenName,
      family: patients.legalFamilyName,
      address: patients.address,
    })
    .from(patients)
    .where(and(eq(patients.clinicId, clinicId), inArray(patients.id, ids)));
}

export function usersOf(db: Executor, clinicId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role, status: users.status })
    .from(users)
    .where(eq(users.clinicId, clinicId));
}

// --- Counts and discrepancies -------------------------------------------------------------------

export async function insertCount(tx: Executor, values: typeof ledgerCounts.$inferInsert) {
  const [row] = await tx.insert(ledgerCounts).values(values).returning();
  return row!;
}

/** Who submitted each of these counts (the person a discrepancy's closer must not be). */
export function countersOf(db: Executor, countIds: string[]) {
  if (countIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: ledgerCounts.id, submittedBy: ledgerCounts.submittedBy })
    .from(ledgerCounts)
    .where(inArray(ledgerCounts.id, [...new Set(countIds)]));
}

export async function findCount(db: Executor, clinicId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(ledgerCounts)
    .where(and(eq(ledgerCounts.id, id), eq(ledgerCounts.clinicId, clinicId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function submitCountRow(
  tx: Executor,
  id: string,
  set: { submittedBy: string; submittedAt: Date; comparison: unknown },
) {
  await tx
    .update(ledgerCounts)
    .set({ ...set, comparison: set.comparison as object })
    .where(eq(ledgerCounts.id, id));
}

export async function insertDiscrepancy(tx: Executor, values: typeof ledgerDiscrepancies.$inferInsert) {
  const [row] = await tx.insert(ledgerDiscrepancies).values(values).returning();
  return row!;
}

export function discrepanciesOf(db: Executor, clinicId: string, options: { countId?: string } = {}) {
  return db
    .select()
    .from(ledgerDiscrepancies)
    .where(
      and(
        eq(ledgerDiscrepancies.clinicId, clinicId),
        options.countId ? eq(ledgerDiscrepancies.countId, options.countId) : undefined,
      ),
    )
    .orderBy(desc(ledgerDiscrepancies.openedAt));
}

export async function findDiscrepancy(db: Executor, clinicId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(ledgerDiscrepancies)
    .where(and(eq(ledgerDiscrepancies.id, id), eq(ledgerDiscrepancies.clinicId, clinicId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function closeDiscrepancy(
  tx: Executor,
  id: string,
  set: { status: 'resolved' | 'significant'; outcome: unknown; closedBy: string; closedAt: Date },
) {
  await tx
    .update(ledgerDiscrepancies)
    .set({ ...set, outcome: set.outcome as object })
    .where(eq(ledgerDiscrepancies.id, id));
}

export async function insertDiscrepancyNote(
  tx: Executor,
  values: typeof ledgerDiscrepancyNotes.$inferInsert,
) {
  await tx.insert(ledgerDiscrepancyNotes).values(values);
}

export async function insertLossFiling(tx: Executor, values: typeof ledgerLossFilings.$inferInsert) {
  await tx.insert(ledgerLossFilings).values(values);
}

/** What was filed with the DEA about these discrepancies (the written notice, Form 106). */
export function lossFilingsOf(db: Executor, discrepancyIds: string[]) {
  if (discrepancyIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(ledgerLossFilings)
    .where(inArray(ledgerLossFilings.discrepancyId, discrepancyIds))
    .orderBy(asc(ledgerLossFilings.recordedAt));
}

export function notesOf(db: Executor, discrepancyIds: string[]) {
  if (discrepancyIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(ledgerDiscrepancyNotes)
    .where(inArray(ledgerDiscrepancyNotes.discrepancyId, discrepancyIds))
    .orderBy(asc(ledgerDiscrepancyNotes.writtenAt));
}
