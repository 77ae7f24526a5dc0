import { randomUUID } from 'node:crypto';
import type { Database } from '../../../db/client.js';
import {
  ledgerContainerBalances,
  ledgerContainers,
  ledgerCounts,
  ledgerDiscrepancies,
  ledgerInventories,
  ledgerLocations,
  ledgerReceipts,
  ledgerRegistrations,
} from '../../../db/schema-ledger.js';
import { appendLedgerEvent } from './ledger.queries.js';

export interface SeededLedger {
  locationId: string;
  receiptId: string;
  containerId: string;
  eventId: string;
  countId: string;
  discrepancyId: string;
  inventoryId: string;
}

/**
 * A clinic's ledger records written straight to the tables (a registration, a safe, a confirmed receipt of
 * one 500 mg vial with its receive event, a submitted count and its discrepancy, an initial inventory), for
 * tests about another clinic's records.
 */
export async function seedLedger(
  db: Database,
  clinicId: string,
  receiverId: string,
  confirmerId: string,
): Promise<SeededLedger> {
  const now = new Date();
  const [registration] = await db
    .insert(ledgerRegistrations)
    .values({
      clinicId,
      deaNumber: 'FR1234563',
      schedules: ['III'],
      expiresOn: '2030-12-31',
      siteName: 'Foreign site',
      siteAddress: 'Foreign address',
      recordedBy: receiverId,
      recordedAt: now,
    })
    .returning();
  const [location] = await db
    .insert(ledgerLocations)
    .values({
      clinicId,
      registrationId: registration!.id,
      name: 'Foreign safe',
      createdBy: receiverId,
      createdAt: now,
    })
    .returning();
  const line = {
    productKey: 'ketamine-50-10',
    lotNumber: 'FL1',
    expiryDate: '2030-01-01',
    labelNumber: 'F-1',
  };
  const supplier = { name: 'Foreign supplier', address: 'Foreign road', deaNumber: 'FS1234563' };
  const [receipt] = await db
    .insert(ledgerReceipts)
    .values({
      clinicId,
      locationId: location!.id,
      supplier,
      invoiceNumber: 'F-INV',
      receivedOn: now.toISOString().slice(0, 10),
      lines: [line],
      receivedBy: receiverId,
      receivedAt: now,
      confirmedBy: confirmerId,
      confirmedAt: now,
    })
    .returning();
  const containerId = randomUUID();
  const eventId = randomUUID();
  await db
    .insert(ledgerContainers)
    .values({ id: containerId, clinicId, receiptId: receipt!.id, ...line, receivedAt: now });
  await db.insert(ledgerContainerBalances).values({
    containerId,
    clinicId,
    locationId: location!.id,
    status: 'sealed',
    balanceUg: 500_000,
    lastEventId: eventId,
    lastEventAt: now,
  });
  await appendLedgerEvent(
    db,
    {
      id: eventId,
      type: 'receive',
      clinicId,
      locationId: location!.id,
      containerId,
      actorId: receiverId,
      at: now.getTime(),
      quantityUg: 500_000,
      ...line,
      supplier,
      invoiceNumber: 'F-INV',
      confirmedById: confirmerId,
    },
    { productKey: line.productKey, recordedAt: now },
  );
  const [count] = await db
    .insert(ledgerCounts)
    .values({
      clinicId,
      locationId: location!.id,
      mode: 'blind',
      sheet: [],
      startedBy: receiverId,
      startedAt: now,
    })
    .returning();
  const [discrepancy] = await db
    .insert(ledgerDiscrepancies)
    .values({
      clinicId,
      countId: count!.id,
      locationId: location!.id,
      productKey: line.productKey,
      expectedUg: 500_000,
      countedUg: 490_000,
      differenceUg: 10_000,
      lines: [],
      discoveredOn: now.toISOString().slice(0, 10),
      openedAt: now,
    })
    .returning();
  const registrant = { name: 'Foreign site', address: 'Foreign address', deaNumber: 'FR1234563' };
  const [inventory] = await db
    .insert(ledgerInventories)
    .values({
      clinicId,
      kind: 'initial',
      takenOn: now.toISOString().slice(0, 10),
      timeOfDay: 'opening_of_business',
      registrant,
      locationIds: [location!.id],
      zeroStock: true,
      record: {
        kind: 'initial',
        takenOn: now.toISOString().slice(0, 10),
        timeOfDay: 'opening_of_business',
        registrant,
        locationIds: [location!.id],
        zeroStock: true,
        products: [],
        signedBy: receiverId,
        signedAt: now.getTime(),
        source: { section: 'docs/clinical-sources.md#dea-inventory', evidence: 'secondary' },
      },
      lines: [],
      countIds: [],
      signedBy: receiverId,
      signedAt: now,
    })
    .returning();
  return {
    locationId: location!.id,
    receiptId: receipt!.id,
    containerId,
    eventId,
    countId: count!.id,
    discrepancyId: discrepancy!.id,
    inventoryId: inventory!.id,
  };
}
