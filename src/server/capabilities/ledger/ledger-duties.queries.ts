import { and, eq, gte, isNotNull, min, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { patients, users } from '../../../db/schema.js';
import {
  ledgerCounts,
  ledgerEvents,
  ledgerInventories,
  ledgerLocations,
  ledgerReceipts,
  ledgerReminders,
} from '../../../db/schema-ledger.js';

/** Per location and clinic-local day since `since`: whether stock moved (not a count), and counts taken. */
export async function locationDays(db: Executor, clinicId: string, timeZone: string, since: Date) {
  const localDay = (column: typeof ledgerEvents.eventAt | typeof ledgerCounts.submittedAt) =>
    sql<string>`((${column} AT TIME ZONE ${timeZone})::date)::text`;
  const [locations, moved, counted] = await Promise.all([
    db
      .select({ id: ledgerLocations.id, name: ledgerLocations.name })
      .from(ledgerLocations)
      .where(eq(ledgerLocations.clinicId, clinicId)),
    db
      .selectDistinct({ locationId: ledgerEvents.locationId, day: localDay(ledgerEvents.eventAt) })
      .from(ledgerEvents)
      .where(
        and(
          eq(ledgerEvents.clinicId, clinicId),
          ne(ledgerEvents.type, 'count'),
          gte(ledgerEvents.eventAt, since),
        ),
      ),
    db
      .select({
        locationId: ledgerCounts.locationId,
        day: localDay(ledgerCounts.submittedAt),
        counts: sql<number>`count(*)::int`,
      })
      .from(ledgerCounts)
      .where(
        and(
          eq(ledgerCounts.clinicId, clinicId),
          isNotNull(ledgerCounts.submittedAt),
          gte(ledgerCounts.submittedAt, since),
        ),
      )
      // By position: the day's expression carries the time zone as a parameter, numbered anew each time.
      .groupBy(ledgerCounts.locationId, sql`2`),
  ]);
  return { locations, moved, counted };
}

/** The date of the first confirmed receipt: from then on, the clinic handles controlled substances. */
export async function firstStockOn(db: Executor, clinicId: string): Promise<string | null> {
  const [row] = await db
    .select({ first: min(ledgerReceipts.receivedOn) })
    .from(ledgerReceipts)
    .where(and(eq(ledgerReceipts.clinicId, clinicId), isNotNull(ledgerReceipts.confirmedAt)));
  return row?.first ?? null;
}

export function inventoryDatesOf(db: Executor, clinicId: string) {
  return db
    .select({ kind: ledgerInventories.kind, takenOn: ledgerInventories.takenOn })
    .from(ledgerInventories)
    .where(eq(ledgerInventories.clinicId, clinicId));
}

/** Clinics that keep a ledger (they have a storage location). */
export async function clinicsWithLedger(db: Executor): Promise<string[]> {
  const rows = await db.selectDistinct({ clinicId: ledgerLocations.clinicId }).from(ledgerLocations);
  return rows.map((r) => r.clinicId);
}

/** Whether the clinic's reminder for that day was already sent (by this process or another). */
export async function remindedOn(db: Executor, clinicId: string, day: string): Promise<boolean> {
  const rows = await db
    .select({ id: ledgerReminders.id })
    .from(ledgerReminders)
    .where(and(eq(ledgerReminders.clinicId, clinicId), eq(ledgerReminders.day, day)))
    .limit(1);
  return rows.length > 0;
}

/** Claims the day's reminder for a clinic; false when another process (or an earlier tick) already did. */
export async function claimReminder(
  tx: Executor,
  values: typeof ledgerReminders.$inferInsert,
): Promise<boolean> {
  const rows = await tx
    .insert(ledgerReminders)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: ledgerReminders.id });
  return rows.length > 0;
}

export function activeStaffOf(db: Executor, clinicId: string) {
  return db
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .where(and(eq(users.clinicId, clinicId), eq(users.status, 'active')));
}

/**
 * How many patients given a dose from the ledger since `since` have no address on their chart: no field
 * of the address holds text, so the administration log would have none to print.
 */
export async function patientsGivenWithoutAddress(db: Executor, clinicId: string, since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(DISTINCT ${ledgerEvents.patientId})::int` })
    .from(ledgerEvents)
    .innerJoin(patients, eq(patients.id, ledgerEvents.patientId))
    .where(
      and(
        eq(ledgerEvents.clinicId, clinicId),
        eq(ledgerEvents.type, 'administer'),
        gte(ledgerEvents.eventAt, since),
        // Not reversed by a correction: an administration entered by mistake names no patient given a dose.
        sql`NOT EXISTS (SELECT 1 FROM ${ledgerEvents} AS c WHERE c.corrects_event_id = ${ledgerEvents.id})`,
        // CASE, not OR: jsonb_each_text fails on anything but an object, and OR does not fix the order.
        sql`CASE WHEN jsonb_typeof(${patients.address}) = 'object'
                 THEN NOT EXISTS (SELECT 1 FROM jsonb_each_text(${patients.address}) AS field
                                  WHERE btrim(field.value) <> '')
                 ELSE true END`,
      ),
    );
  return row?.n ?? 0;
}
