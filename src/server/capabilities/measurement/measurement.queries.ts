import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import type { SettingValue } from '../../../domain/instruments/index.js';
import {
  assessmentObservations,
  assessmentResponses,
  measurementAnchors,
  measurementVersions,
} from '../../../db/schema-measurement.js';
import { clinics, patients } from '../../../db/schema.js';

/** Responses, observations, infusion dates and the trajectory's version: the capability's reads and writes. */

export type ResponseRow = typeof assessmentResponses.$inferSelect;
export type ObservationRow = typeof assessmentObservations.$inferSelect;
export type NewResponseRow = typeof assessmentResponses.$inferInsert;
export type NewObservationRow = typeof assessmentObservations.$inferInsert;

export async function findClinicSettings(db: Executor, clinicId: string) {
  const [row] = await db
    .select({ name: clinics.name, settings: clinics.settings })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  return row;
}

/** Marks the patient's measurement data as changed (trajectory cache), in the caller's transaction. */
export async function bumpMeasurementVersion(
  tx: Executor,
  clinicId: string,
  patientId: string,
): Promise<void> {
  await tx
    .insert(measurementVersions)
    .values({ clinicId, patientId, version: 1 })
    .onConflictDoUpdate({
      target: measurementVersions.patientId,
      set: { version: sql`${measurementVersions.version} + 1` },
    });
}

export async function insertResponse(tx: Executor, values: NewResponseRow): Promise<string> {
  const [row] = await tx.insert(assessmentResponses).values(values).returning({ id: assessmentResponses.id });
  return row!.id;
}

export async function insertObservation(tx: Executor, values: NewObservationRow): Promise<void> {
  await tx.insert(assessmentObservations).values(values);
}

export async function findResponse(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(assessmentResponses)
    .where(and(eq(assessmentResponses.id, id), eq(assessmentResponses.clinicId, clinicId)));
  return row;
}

export async function findObservationOf(db: Executor, responseId: string) {
  const [row] = await db
    .select()
    .from(assessmentObservations)
    .where(eq(assessmentObservations.responseId, responseId));
  return row;
}

/** The response that corrects this one, if any (the chain is linear: at most one). */
export async function findAmendmentOf(db: Executor, responseId: string, clinicId?: string) {
  const [row] = await db
    .select({ id: assessmentResponses.id })
    .from(assessmentResponses)
    .where(
      clinicId
        ? and(eq(assessmentResponses.amendsId, responseId), eq(assessmentResponses.clinicId, clinicId))
        : eq(assessmentResponses.amendsId, responseId),
    );
  return row;
}

/** One page of a patient's responses, newest first, with scores and the id of any correction. */
export async function listResponseRows(
  db: Executor,
  clinicId: string,
  patientId: string,
  query: { instrumentId?: string; limit: number; offset: number },
) {
  const conditions = [
    eq(assessmentResponses.clinicId, clinicId),
    eq(assessmentResponses.patientId, patientId),
  ];
  if (query.instrumentId) conditions.push(eq(assessmentResponses.instrumentId, query.instrumentId));
  return db
    .select({
      response: assessmentResponses,
      value: assessmentObservations.value,
      severity: assessmentObservations.severity,
      flags: assessmentObservations.flags,
      supersededBy: sql<
        string | null
      >`(SELECT a2.id FROM assessment_responses a2 WHERE a2.amends_id = ${assessmentResponses.id} LIMIT 1)`,
      total: sql<number>`count(*) OVER ()`.mapWith(Number),
    })
    .from(assessmentResponses)
    .leftJoin(assessmentObservations, eq(assessmentObservations.responseId, assessmentResponses.id))
    .where(and(...conditions))
    .orderBy(desc(assessmentResponses.administeredAt), desc(assessmentResponses.recordedAt))
    .limit(query.limit)
    .offset(query.offset);
}

/**
 * Current (not superseded) observations of one instrument, oldest first: the trajectory's data, with the
 * instrument settings each score was computed with (stored in its result). One query with a join, not a
 * subquery per row: the trajectory is read on every chart visit.
 */
export async function currentSeries(db: Executor, clinicId: string, patientId: string, instrumentId: string) {
  const { rows } = await db.execute<{
    response_id: string;
    effective_at: Date | string;
    value: number | null;
    severity: string | null;
    flags: string[];
    amended: boolean;
    settings: Record<string, { value?: SettingValue }> | null;
  }>(sql`
    SELECT o.response_id, o.effective_at, o.value, o.severity, o.flags, (r.amends_id IS NOT NULL) AS amended,
           o.result -> 'details' -> 'settings' AS settings
    FROM assessment_observations o
    JOIN assessment_responses r ON r.id = o.response_id AND r.clinic_id = o.clinic_id
    WHERE o.clinic_id = ${clinicId} AND o.patient_id = ${patientId} AND o.instrument_id = ${instrumentId}
      AND NOT EXISTS (SELECT 1 FROM assessment_responses a WHERE a.amends_id = o.response_id)
    ORDER BY o.effective_at`);
  return rows.map((r) => ({
    responseId: r.response_id,
    effectiveAt: new Date(r.effective_at),
    value: r.value === null ? null : Number(r.value),
    severity: r.severity,
    flags: r.flags,
    amended: r.amended,
    settingsUsed: Object.fromEntries(
      Object.entries(r.settings ?? {})
        .filter(([, s]) => s && s.value !== undefined)
        .map(([key, s]) => [key, s.value as SettingValue]),
    ),
  }));
}

/** The patient's infusion dates that were not cancelled, oldest first. */
export async function listPatientAnchors(db: Executor, clinicId: string, patientId: string) {
  return db
    .select()
    .from(measurementAnchors)
    .where(
      and(
        eq(measurementAnchors.clinicId, clinicId),
        eq(measurementAnchors.patientId, patientId),
        isNull(measurementAnchors.cancelledAt),
      ),
    )
    .orderBy(asc(measurementAnchors.at));
}

/**
 * The instruments a patient of the clinic has scores for, in one round trip with the patient check;
 * undefined when the clinic has no such patient.
 */
export async function scoredInstrumentsOfPatient(
  db: Executor,
  clinicId: string,
  patientId: string,
): Promise<string[] | undefined> {
  const { rows } = await db.execute<{ instruments: string[] }>(sql`
    SELECT ARRAY(SELECT DISTINCT o.instrument_id FROM assessment_observations o
                 WHERE o.clinic_id = p.clinic_id AND o.patient_id = p.id ORDER BY 1) AS instruments
    FROM patients p WHERE p.id = ${patientId} AND p.clinic_id = ${clinicId}`);
  return rows[0]?.instruments;
}

/** A named prepared statement per database handle: the check runs on every trajectory read. */
const versionQueries = new WeakMap<Database, ReturnType<typeof prepareVersionQuery>>();

function prepareVersionQuery(db: Database) {
  return db
    .select({ version: measurementVersions.version, settings: sql<string>`md5(${clinics.settings}::text)` })
    .from(patients)
    .innerJoin(clinics, eq(clinics.id, patients.clinicId))
    .leftJoin(
      measurementVersions,
      and(
        eq(measurementVersions.patientId, patients.id),
        eq(measurementVersions.clinicId, patients.clinicId),
      ),
    )
    .where(
      and(eq(patients.id, sql.placeholder('patientId')), eq(patients.clinicId, sql.placeholder('clinicId'))),
    )
    .prepare('mbc_trajectory_version');
}

/**
 * What a cached trajectory depends on: the patient's measurement version and a digest of the
 * clinic's settings; undefined when the clinic has no such patient.
 */
export async function findTrajectoryVersion(
  db: Database,
  clinicId: string,
  patientId: string,
): Promise<string | undefined> {
  let query = versionQueries.get(db);
  if (!query) {
    query = prepareVersionQuery(db);
    versionQueries.set(db, query);
  }
  const [row] = await query.execute({ patientId, clinicId });
  return row ? `${row.version ?? 0}|${row.settings}` : undefined;
}

/** The latest PHQ-9 item 9 answer on record (a corrected response counts as corrected; null when none). */
export async function latestPhq9Item9(
  db: Executor,
  clinicId: string,
  patientId: string,
): Promise<number | null> {
  const result = await db.execute<{ value: number | null }>(sql`
    SELECT (answers->>'item9')::int AS value FROM assessment_responses
    WHERE clinic_id = ${clinicId} AND patient_id = ${patientId} AND instrument_id = 'phq9'
      AND NOT EXISTS (SELECT 1 FROM assessment_responses later WHERE later.amends_id = assessment_responses.id)
    ORDER BY administered_at DESC LIMIT 1`);
  return result.rows[0]?.value ?? null;
}
