import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { doses } from './schema-dosing.js';
import { treatmentSessions } from './schema-session.js';
import { at, clinicIdColumn, patients, users } from './schema.js';

/**
 * The controlled-substance ledger (docs/controlled-substance-ledger.md): the clinic's DEA registrations,
 * storage locations, product catalogue, receipts, containers, the append-only hash-chained events, the
 * derived container balances, counts and discrepancies. Every table carries clinic_id.
 *
 * Invariants and where they are enforced:
 * - An event is never changed or deleted (guard trigger); a mistake is put right by a correction event
 *   that names the original. Events of one clinic are chained (`prev_hash`, `hash`) in `seq` order; the
 *   service appends them one at a time under a per-clinic advisory lock.
 * - A balance never goes below zero: `ledger_container_balances.balance_ug` has a CHECK, and the service
 *   updates it in the transaction that appends the event while holding the row (`SELECT … FOR UPDATE`),
 *   so two people drawing the last milligrams at once cannot both succeed.
 * - Registrations, locations, products, containers and receipts are never deleted (guard); registrations,
 *   products and containers are never rewritten either (a new registration row supersedes the old one).
 * - Discrepancy notes are append-only; a discrepancy is never deleted.
 * - An inventory is never changed or deleted (guard); a clinic has one initial inventory (partial UNIQUE).
 */

export const ledgerRegistrations = pgTable(
  'ledger_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    deaNumber: text('dea_number').notNull(),
    /** Schedules the registration covers, e.g. ['III']; '2N', '3N' etc. as written on the certificate. */
    schedules: jsonb('schedules').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    /** The registered site: name and address as on the certificate. */
    siteName: text('site_name').notNull(),
    siteAddress: text('site_address').notNull(),
    phone: text('phone'),
    county: text('county'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('ledger_registrations_clinic').on(t.clinicId, t.recordedAt)],
);

export const ledgerLocations = pgTable(
  'ledger_locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => ledgerRegistrations.id),
    name: text('name').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('ledger_locations_name').on(t.clinicId, t.name)],
);

export const ledgerProducts = pgTable(
  'ledger_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    key: text('key').notNull(),
    /** The catalogue entry as the ledger rules read it (src/domain/ledger Product), checked on the way in. */
    product: jsonb('product').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('ledger_products_key').on(t.clinicId, t.key)],
);

export const ledgerReceipts = pgTable(
  'ledger_receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => ledgerLocations.id),
    /** Supplier name, address and DEA number. */
    supplier: jsonb('supplier').notNull(),
    invoiceNumber: text('invoice_number').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** The containers as entered: product key, lot, expiry, label number. */
    lines: jsonb('lines').notNull(),
    receivedBy: uuid('received_by')
      .notNull()
      .references(() => users.id),
    receivedAt: at('received_at').notNull(),
    /** The second person who confirmed it; the containers and their receive events exist from then. */
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: at('confirmed_at'),
  },
  (t) => [
    index('ledger_receipts_clinic').on(t.clinicId, t.receivedAt),
    check('ledger_receipts_confirmer', sql`${t.confirmedBy} IS NULL OR ${t.confirmedBy} <> ${t.receivedBy}`),
  ],
);

export const ledgerContainers = pgTable(
  'ledger_containers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    receiptId: uuid('receipt_id')
      .notNull()
      .references(() => ledgerReceipts.id),
    productKey: text('product_key').notNull(),
    lotNumber: text('lot_number').notNull(),
    expiryDate: date('expiry_date', { mode: 'string' }).notNull(),
    labelNumber: text('label_number').notNull(),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [uniqueIndex('ledger_containers_label').on(t.clinicId, t.labelNumber)],
);

/**
 * A container's current state, kept by the service in the transaction of each event. It is a cache of
 * what the events say (`bin/arbor ledger verify` recomputes it); its CHECK is the database's own refusal
 * of a negative balance.
 */
export const ledgerContainerBalances = pgTable(
  'ledger_container_balances',
  {
    containerId: uuid('container_id')
      .primaryKey()
      .references(() => ledgerContainers.id),
    clinicId: clinicIdColumn(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => ledgerLocations.id),
    status: text('status').notNull(),
    balanceUg: bigint('balance_ug', { mode: 'number' }).notNull(),
    lastEventId: uuid('last_event_id').notNull(),
    lastEventAt: at('last_event_at').notNull(),
  },
  (t) => [
    index('ledger_container_balances_location').on(t.clinicId, t.locationId),
    // Stock on hand is a few hundred rows among every container ever received (31,000 in five years):
    // the stock page and a product's stock read these two, not the whole table.
    index('ledger_container_balances_on_hand')
      .on(t.clinicId)
      .where(sql`${t.balanceUg} > 0 AND ${t.status} <> 'returned'`),
    index('ledger_container_balances_recent').on(t.clinicId, t.lastEventAt),
    check('ledger_container_balances_not_negative', sql`${t.balanceUg} >= 0`),
    check(
      'ledger_container_balances_status',
      sql`${t.status} IN ('sealed', 'open', 'expired', 'quarantined', 'returned')`,
    ),
  ],
);

export const ledgerEvents = pgTable(
  'ledger_events',
  {
    id: uuid('id').primaryKey(),
    /** The ledger's order; within a clinic it is the order of the hash chain. */
    seq: bigserial('seq', { mode: 'number' }).notNull().unique(),
    clinicId: clinicIdColumn(),
    type: text('type').notNull(),
    containerId: uuid('container_id')
      .notNull()
      .references(() => ledgerContainers.id),
    productKey: text('product_key').notNull(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => ledgerLocations.id),
    /** The change to the container's balance, µg (signed; 0 for open, transfer, expire, count). */
    deltaUg: bigint('delta_ug', { mode: 'number' }).notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    witnessId: uuid('witness_id').references(() => users.id),
    sessionId: uuid('session_id').references(() => treatmentSessions.id),
    doseId: uuid('dose_id').references(() => doses.id),
    patientId: uuid('patient_id').references(() => patients.id),
    correctsEventId: uuid('corrects_event_id'),
    countId: uuid('count_id'),
    /** When it happened. */
    eventAt: at('event_at').notNull(),
    /** When the server recorded it. */
    recordedAt: at('recorded_at').notNull(),
    /** The event as the ledger rules read it (src/domain/ledger LedgerEvent); the hash covers it. */
    event: jsonb('event').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('ledger_events_clinic_seq').on(t.clinicId, t.seq),
    index('ledger_events_container').on(t.containerId, t.seq),
    index('ledger_events_clinic_type_time').on(t.clinicId, t.type, t.eventAt),
    // A session's administrations, read when its note is signed (the chart and the ledger must agree).
    index('ledger_events_session')
      .on(t.sessionId)
      .where(sql`${t.sessionId} IS NOT NULL`),
    uniqueIndex('ledger_events_one_correction')
      .on(t.correctsEventId)
      .where(sql`${t.correctsEventId} IS NOT NULL`),
    check(
      'ledger_events_type',
      sql`${t.type} IN ('receive', 'open', 'administer', 'waste', 'transfer', 'return', 'expire', 'adjust', 'count', 'correction')`,
    ),
    check(
      'ledger_events_administration_links',
      sql`${t.type} <> 'administer' OR (${t.sessionId} IS NOT NULL AND ${t.doseId} IS NOT NULL AND ${t.patientId} IS NOT NULL)`,
    ),
    check('ledger_events_no_self_witness', sql`${t.witnessId} IS NULL OR ${t.witnessId} <> ${t.actorId}`),
  ],
);

export const ledgerCounts = pgTable(
  'ledger_counts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => ledgerLocations.id),
    mode: text('mode').notNull(),
    /** The containers to count, as shown (no expected quantities in blind mode). */
    sheet: jsonb('sheet').notNull(),
    startedBy: uuid('started_by')
      .notNull()
      .references(() => users.id),
    startedAt: at('started_at').notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: at('submitted_at'),
    /** The comparison with the ledger (expected, counted, difference), stored once when submitted. */
    comparison: jsonb('comparison'),
  },
  (t) => [
    index('ledger_counts_clinic').on(t.clinicId, t.startedAt),
    check('ledger_counts_mode', sql`${t.mode} IN ('blind', 'open')`),
  ],
);

export const ledgerDiscrepancies = pgTable(
  'ledger_discrepancies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    countId: uuid('count_id')
      .notNull()
      .references(() => ledgerCounts.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => ledgerLocations.id),
    productKey: text('product_key').notNull(),
    expectedUg: bigint('expected_ug', { mode: 'number' }).notNull(),
    countedUg: bigint('counted_ug', { mode: 'number' }).notNull(),
    differenceUg: bigint('difference_ug', { mode: 'number' }).notNull(),
    /** The count lines of this product (expected and counted per container), for Form 106. */
    lines: jsonb('lines').notNull(),
    discoveredOn: date('discovered_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    /** The resolution's reason, or the loss judgement (factors, deadlines, Form 106 data). */
    outcome: jsonb('outcome'),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: at('closed_at'),
    openedAt: at('opened_at').notNull(),
  },
  (t) => [
    index('ledger_discrepancies_clinic').on(t.clinicId, t.status, t.openedAt),
    check('ledger_discrepancies_status', sql`${t.status} IN ('open', 'resolved', 'significant')`),
  ],
);

export const ledgerDiscrepancyNotes = pgTable(
  'ledger_discrepancy_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    discrepancyId: uuid('discrepancy_id')
      .notNull()
      .references(() => ledgerDiscrepancies.id),
    text: text('text').notNull(),
    writtenBy: uuid('written_by')
      .notNull()
      .references(() => users.id),
    writtenAt: at('written_at').notNull(),
  },
  (t) => [index('ledger_discrepancy_notes_discrepancy').on(t.discrepancyId, t.writtenAt)],
);

/**
 * Initial and biennial inventories (docs/clinical-sources.md#dea-inventory). Append-only: an inventory is
 * a signed record, so a mistake is put right by taking another. `record` is the InventoryRecord built by
 * src/domain/ledger/inventory.ts; `lines` keeps what was expected and counted per container; the counts it
 * produced (one per location with stock) carry its count events and any discrepancies.
 */
export const ledgerInventories = pgTable(
  'ledger_inventories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    kind: text('kind').notNull(),
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    timeOfDay: text('time_of_day').notNull(),
    /** The registrant's name, address and DEA number as they stood when the inventory was taken. */
    registrant: jsonb('registrant').notNull(),
    locationIds: jsonb('location_ids').notNull(),
    zeroStock: boolean('zero_stock').notNull(),
    record: jsonb('record').notNull(),
    /** Per container: product, status, expected and counted µg, estimated or not. */
    lines: jsonb('lines').notNull(),
    /** The ledger_counts rows it produced, one per location with stock; empty for zero stock. */
    countIds: jsonb('count_ids').notNull(),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    signedAt: at('signed_at').notNull(),
  },
  (t) => [
    index('ledger_inventories_clinic').on(t.clinicId, t.takenOn),
    // A clinic takes one initial inventory; two people submitting one at once cannot both succeed.
    uniqueIndex('ledger_inventories_one_initial')
      .on(t.clinicId)
      .where(sql`${t.kind} = 'initial'`),
    check('ledger_inventories_kind', sql`${t.kind} IN ('initial', 'biennial', 'other')`),
    check(
      'ledger_inventories_time_of_day',
      sql`${t.timeOfDay} IN ('opening_of_business', 'close_of_business')`,
    ),
  ],
);

/**
 * What was filed about a theft or significant loss (docs/clinical-sources.md#dea-theft-loss): the written
 * notice to the DEA Field Division and DEA Form 106, each recorded once per discrepancy with the date it
 * was sent and the reference the DEA gave. Recording one stops its deadline. Append-only.
 */
export const ledgerLossFilings = pgTable(
  'ledger_loss_filings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    discrepancyId: uuid('discrepancy_id')
      .notNull()
      .references(() => ledgerDiscrepancies.id),
    kind: text('kind').notNull(),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    /** How it was sent and the reference received (e.g. the Form 106 confirmation number). */
    reference: text('reference').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [
    uniqueIndex('ledger_loss_filings_once').on(t.discrepancyId, t.kind),
    check('ledger_loss_filings_kind', sql`${t.kind} IN ('written_notice', 'form_106')`),
  ],
);

/**
 * The daily reminder of ledger duties: one row per clinic and clinic-local day, claimed with
 * INSERT … ON CONFLICT DO NOTHING, so that with several Arbor processes exactly one sends it.
 */
export const ledgerReminders = pgTable(
  'ledger_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    day: date('day', { mode: 'string' }).notNull(),
    duties: jsonb('duties').notNull(),
    sentAt: at('sent_at').notNull(),
  },
  (t) => [uniqueIndex('ledger_reminders_once_a_day').on(t.clinicId, t.day)],
);
