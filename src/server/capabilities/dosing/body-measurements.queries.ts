import { and, desc, eq, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.js';
import { patientBodyMeasurements } from '../../../db/schema-dosing.js';

/** The SQL of body measurements: append-only rows, every query scoped to the caller's clinic. */

export type BodyMeasurementRow = typeof patientBodyMeasurements.$inferSelect;
export type NewBodyMeasurementRow = typeof patientBodyMeasurements.$inferInsert;

export async function insertBodyMeasurement(
  db: Executor,
  values: NewBodyMeasurementRow,
): Promise<BodyMeasurementRow> {
  const [row] = await db.insert(patientBodyMeasurements).values(values).returning();
  return row!;
}

/** One measurement of one patient of the clinic. */
export async function findPatientBodyMeasurement(
  db: Executor,
  clinicId: string,
  patientId: string,
  id: string,
): Promise<BodyMeasurementRow | undefined> {
  const [row] = await db
    .select()
    .from(patientBodyMeasurements)
    .where(
      and(
        eq(patientBodyMeasurements.id, id),
        eq(patientBodyMeasurements.clinicId, clinicId),
        eq(patientBodyMeasurements.patientId, patientId),
      ),
    );
  return row;
}

/** A patient's measurements, newest measured first (at most `limit`). */
export async function listPatientBodyMeasurements(
  db: Executor,
  clinicId: string,
  patientId: string,
  limit: number,
): Promise<BodyMeasurementRow[]> {
  return db
    .select()
    .from(patientBodyMeasurements)
    .where(
      and(eq(patientBodyMeasurements.clinicId, clinicId), eq(patientBodyMeasurements.patientId, patientId)),
    )
    .orderBy(desc(patientBodyMeasurements.measuredAt), desc(patientBodyMeasurements.recordedAt))
    .limit(limit);
}

/** The measurement a dose uses: the newest measured that no other measurement amends. */
export async function latestBodyMeasurement(
  db: Executor,
  clinicId: string,
  patientId: string,
): Promise<BodyMeasurementRow | undefined> {
  const correction = alias(patientBodyMeasurements, 'correction');
  const [row] = await db
    .select()
    .from(patientBodyMeasurements)
    .where(
      and(
        eq(patientBodyMeasurements.clinicId, clinicId),
        eq(patientBodyMeasurements.patientId, patientId),
        notExists(
          db
            .select({ one: sql`1` })
            .from(correction)
            .where(eq(correction.amendsId, patientBodyMeasurements.id)),
        ),
      ),
    )
    .orderBy(desc(patientBodyMeasurements.measuredAt), desc(patientBodyMeasurements.recordedAt))
    .limit(1);
  return row;
}
