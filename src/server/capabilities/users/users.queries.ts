import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { users } from '../../../db/schema.js';

/** Staff accounts' SQL: no audit, no HTTP errors, no rules. */

export type UserRow = typeof users.$inferSelect;
type NewUserRow = typeof users.$inferInsert;

export async function listClinicUsers(db: Executor, clinicId: string): Promise<UserRow[]> {
  return db.select().from(users).where(eq(users.clinicId, clinicId)).orderBy(asc(users.displayName));
}

/** Emails are unique across every clinic, compared without case. */
export async function emailInUse(db: Executor, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return Boolean(row);
}

export async function insertUser(tx: Executor, values: NewUserRow): Promise<UserRow> {
  const [row] = await tx.insert(users).values(values).returning();
  return row!;
}

/** A user of the clinic, locked for the rest of the transaction; undefined for another clinic's id. */
export async function lockClinicUser(
  tx: Executor,
  clinicId: string,
  id: string,
): Promise<UserRow | undefined> {
  const [row] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.clinicId, clinicId)))
    .for('update');
  return row;
}

export async function clinicUserExists(db: Executor, clinicId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, id), eq(users.clinicId, clinicId)));
  return Boolean(row);
}

/** Changes a user the caller has locked (see lockClinicUser) and returns the stored row. */
export async function updateUserRow(
  tx: Executor,
  id: string,
  changes: Partial<NewUserRow>,
): Promise<UserRow> {
  const [row] = await tx.update(users).set(changes).where(eq(users.id, id)).returning();
  return row!;
}
