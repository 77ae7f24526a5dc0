import { and, asc, between, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { ledgerReceipts } from '../../../db/schema-ledger.js';

/** The SQL of the registrant's reports that `ledger.queries.ts` does not already hold. */

/** A clinic's receipts received in the date range (inclusive), oldest first. */
export function receiptsReceivedBetween(db: Executor, clinicId: string, from: string, to: string) {
  return db
    .select()
    .from(ledgerReceipts)
    .where(and(eq(ledgerReceipts.clinicId, clinicId), between(ledgerReceipts.receivedOn, from, to)))
    .orderBy(asc(ledgerReceipts.receivedOn), asc(ledgerReceipts.receivedAt));
}

/** A clinic's receipts entered and not yet confirmed by a second person, oldest first. */
export function receiptsAwaitingConfirmation(db: Executor, clinicId: string) {
  return db
    .select()
    .from(ledgerReceipts)
    .where(and(eq(ledgerReceipts.clinicId, clinicId), isNull(ledgerReceipts.confirmedBy)))
    .orderBy(asc(ledgerReceipts.receivedAt));
}
