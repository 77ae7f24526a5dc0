import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { users } from '../../../db/schema.js';
import { ledgerInventories } from '../../../db/schema-ledger.js';

/** The SQL of inventories (the rest of the ledger's is in ledger.queries.ts). */

export type InventoryRow = typeof ledgerInventories.$inferSelect;

export async function insertInventory(tx: Executor, values: typeof ledgerInventories.$inferInsert) {
  const [row] = await tx.insert(ledgerInventories).values(values).returning();
  return row!;
}

/** The clinic's inventories, newest first (by the date taken, then by signature). */
export function inventoriesOf(db: Executor, clinicId: string) {
  return db
    .select()
    .from(ledgerInventories)
    .where(eq(ledgerInventories.clinicId, clinicId))
    .orderBy(desc(ledgerInventories.takenOn), desc(ledgerInventories.signedAt));
}

export async function findInventory(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(ledgerInventories)
    .where(and(eq(ledgerInventories.id, id), eq(ledgerInventories.clinicId, clinicId)));
  return row;
}

/** The signer's name and email: the email is what re-authentication looks the user up by. */
export async function signerOf(db: Executor, clinicId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.clinicId, clinicId)));
  return row;
}
