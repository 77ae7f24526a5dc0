import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { at, clinicIdColumn, patients, users } from './schema.js';

/**
 * Protocols, body measurements and doses (docs/dosing.md). Every table carries clinic_id so each query
 * is scoped to the caller's clinic.
 *
 * The built-in protocol library stays code data (src/domain/protocols); only a clinic's own copies and
 * revisions are stored. A dose points at protocol id + version, so a stored protocol version is never
 * rewritten: a revision is a new row (migration dosing-guards refuses UPDATE and DELETE).
 *
 * A dose keeps everything the calculator was given and everything it returned, so mg/kg can be
 * recomputed later from the stored weight, height, sex and basis (recomputeMgPerKg). Only its status
 * columns move (ordered → verified → ready_to_administer, or cancelled with a reason); once ready to
 * administer or cancelled the row is frozen, and a correction is a new dose that references the original.
 * 'administered' is reserved for the infusion session; nothing here sets it. Migration
 * dose-ready-to-administer renamed the former 'final' state and its columns (finalised_by/at).
 *
 * A body measurement (weight and height, dated, with who recorded it and where it came from) is
 * append-only: a correction is a new row that amends the old one (at most one amendment per row), and
 * migration body-measurements-guards refuses UPDATE and DELETE.
 */

export const clinicProtocols = pgTable(
  'clinic_protocols',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    /** The protocol's own id (lower-case slug), stable across versions. */
    protocolId: text('protocol_id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    /** The validated protocol (validateProtocol) exactly as the calculator will read it. */
    definition: jsonb('definition').notNull(),
    copiedFromId: text('copied_from_id'),
    copiedFromVersion: integer('copied_from_version'),
    /** 'library' or 'clinic': where the copied protocol came from. */
    copiedFromOrigin: text('copied_from_origin'),
    note: text('note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('clinic_protocols_version_unique').on(t.clinicId, t.protocolId, t.version),
    check('clinic_protocols_version_positive', sql`${t.version} >= 1`),
  ],
);

export const bodyMeasurementSources = [
  'clinic-scale',
  'patient-reported',
  'outside-record',
  'dose-entry',
  'infusion-session',
] as const;
export type BodyMeasurementSource = (typeof bodyMeasurementSources)[number];

export const patientBodyMeasurements = pgTable(
  'patient_body_measurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    weightKg: doublePrecision('weight_kg').notNull(),
    heightCm: doublePrecision('height_cm').notNull(),
    /** When the patient was weighed and measured (may be earlier than when it was recorded). */
    measuredAt: at('measured_at').notNull(),
    /** clinic-scale, patient-reported, outside-record, dose-entry (typed with a dose), infusion-session. */
    source: text('source', { enum: bodyMeasurementSources }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: at('recorded_at').notNull().defaultNow(),
    /** The measurement this one corrects; the original stays as it was. */
    amendsId: uuid('amends_id').references((): AnyPgColumn => patientBodyMeasurements.id),
    amendmentReason: text('amendment_reason'),
  },
  (t) => [
    index('patient_body_measurements_patient_idx').on(t.clinicId, t.patientId, t.measuredAt),
    uniqueIndex('patient_body_measurements_amends_unique')
      .on(t.amendsId)
      .where(sql`${t.amendsId} IS NOT NULL`),
    check('patient_body_measurements_weight_positive', sql`${t.weightKg} > 0`),
    check('patient_body_measurements_height_positive', sql`${t.heightCm} > 0`),
    check(
      'patient_body_measurements_source_valid',
      sql`${t.source} IN ('clinic-scale', 'patient-reported', 'outside-record', 'dose-entry', 'infusion-session')`,
    ),
    check(
      'patient_body_measurements_amendment_has_reason',
      sql`${t.amendsId} IS NULL OR length(trim(${t.amendmentReason})) > 0`,
    ),
  ],
);

export const doseStatuses = [
  'ordered',
  'verified',
  'ready_to_administer',
  'administered',
  'cancelled',
] as const;
export type DoseStatus = (typeof doseStatuses)[number];

export const doses = pgTable(
  'doses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    /** 'library' (built-in, code data) or 'clinic' (a clinic_protocols row). */
    protocolOrigin: text('protocol_origin').notNull(),
    protocolId: text('protocol_id').notNull(),
    protocolVersion: integer('protocol_version').notNull(),
    stepId: text('step_id').notNull(),
    /** The protocol version as used, so the dose stays explainable whatever happens to the library code. */
    protocolSnapshot: jsonb('protocol_snapshot').notNull(),
    /** The calculator's request without the protocol: patient, preparation, override, history. */
    inputs: jsonb('inputs').notNull(),
    /** The clinic's dosing settings in force when the dose was computed. */
    settings: jsonb('settings').notNull(),
    /** 'actual' or 'ideal'; null for intranasal doses, which are not weight-based. */
    weightBasis: text('weight_basis'),
    weightKg: doublePrecision('weight_kg'),
    weightUsedKg: doublePrecision('weight_used_kg'),
    heightCm: doublePrecision('height_cm'),
    sex: text('sex'),
    totalMg: doublePrecision('total_mg').notNull(),
    mgPerKg: doublePrecision('mg_per_kg'),
    /** computeDose's output (ComputedDose), explanation and warnings included. */
    result: jsonb('result').notNull(),
    status: text('status', { enum: doseStatuses }).notNull().default('ordered'),
    verificationRequired: boolean('verification_required').notNull(),
    orderedBy: uuid('ordered_by')
      .notNull()
      .references(() => users.id),
    orderedAt: at('ordered_at').notNull().defaultNow(),
    verifiedBy: uuid('verified_by').references(() => users.id),
    verifiedAt: at('verified_at'),
    /** Who marked the dose ready to administer (after verification when the clinic requires it). */
    markedReadyBy: uuid('marked_ready_by').references(() => users.id),
    markedReadyAt: at('marked_ready_at'),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
    cancelledAt: at('cancelled_at'),
    cancelReason: text('cancel_reason'),
    /** The dose (ready to administer) this one corrects; the original stays as it was. */
    amendsDoseId: uuid('amends_dose_id'),
    amendmentReason: text('amendment_reason'),
    /** The body measurement the weight and height came from (null for intranasal doses). */
    bodyMeasurementId: uuid('body_measurement_id').references(() => patientBodyMeasurements.id),
  },
  (t) => [
    index('doses_patient_idx').on(t.clinicId, t.patientId, t.orderedAt),
    uniqueIndex('doses_amends_unique')
      .on(t.amendsDoseId)
      .where(sql`${t.amendsDoseId} IS NOT NULL`),
    check(
      'doses_status_valid',
      sql`${t.status} IN ('ordered', 'verified', 'ready_to_administer', 'administered', 'cancelled')`,
    ),
    // The second clinician is never the one who ordered: enforced here as well as in the service.
    check('doses_verifier_differs', sql`${t.verifiedBy} IS NULL OR ${t.verifiedBy} <> ${t.orderedBy}`),
    check('doses_cancel_has_reason', sql`${t.status} <> 'cancelled' OR length(trim(${t.cancelReason})) > 0`),
    check(
      'doses_amendment_has_reason',
      sql`${t.amendsDoseId} IS NULL OR length(trim(${t.amendmentReason})) > 0`,
    ),
  ],
);
