import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, clinicIdColumn, patients, users } from './schema.js';
import { appointments } from './schema-scheduling.js';

/**
 * Measurement-based care (docs/measurement-based-care.md). Every table carries clinic_id so each query is scoped to the
 * caller's clinic. Responses, their observations and safety actions are clinical records: they are
 * append-only (migration 0004_mbc-guards revokes UPDATE and adds the arbor_refuse_rewrite trigger); a correction is
 * a new response that amends the original, with a reason.
 */

/** A QuestionnaireResponse as submitted: answers by item id, exactly as given, never rewritten. */
export const assessmentResponses = pgTable(
  'assessment_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    instrumentId: text('instrument_id').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    answers: jsonb('answers').notNull(),
    /** 'staff' (entered by staff), 'self-report' (patient link) or 'kiosk' (tablet at the desk). */
    source: text('source').notNull(),
    linkId: uuid('link_id'),
    /** When the questionnaire was answered: the clinical time used for trajectories and schedules. */
    administeredAt: at('administered_at').notNull(),
    recordedAt: at('recorded_at').notNull().defaultNow(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    /** The response this one corrects; at most one correction per response keeps the chain linear. */
    amendsId: uuid('amends_id'),
    amendmentReason: text('amendment_reason'),
  },
  (t) => [
    index('assessment_responses_patient_idx').on(t.clinicId, t.patientId, t.instrumentId, t.administeredAt),
    uniqueIndex('assessment_responses_amends_unique')
      .on(t.amendsId)
      .where(sql`${t.amendsId} IS NOT NULL`),
  ],
);

/**
 * The score of a response as an Observation: LOINC code where a checked one exists (else Arbor's
 * own code), value, band, flags, the full score result with its formula and settings, and the FHIR
 * R4 Observation view. Derived once, when the response is stored, and never recomputed in place.
 */
export const assessmentObservations = pgTable(
  'assessment_observations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    responseId: uuid('response_id')
      .notNull()
      .references(() => assessmentResponses.id),
    instrumentId: text('instrument_id').notNull(),
    codeSystem: text('code_system').notNull(),
    code: text('code').notNull(),
    value: doublePrecision('value'),
    severity: text('severity'),
    flags: jsonb('flags')
      .notNull()
      .default(sql`'[]'::jsonb`),
    effectiveAt: at('effective_at').notNull(),
    result: jsonb('result').notNull(),
    fhir: jsonb('fhir').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assessment_observations_response_unique').on(t.responseId),
    index('assessment_observations_series_idx').on(t.clinicId, t.patientId, t.instrumentId, t.effectiveAt),
  ],
);

/**
 * A single-use self-report link (or kiosk hand-over). Only the SHA-256 of the 256-bit token is kept
 * (ASVS 7.2.3, 11.5.1); the token itself exists only in the message sent and the patient's browser.
 */
export const selfReportLinks = pgTable(
  'self_report_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    instrumentId: text('instrument_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** 'email', 'sms', 'copy' (staff hands the link over) or 'kiosk'. */
    channel: text('channel').notNull(),
    /** The address written in a masked form (j•••@example.com), for the staff list only. */
    recipientHint: text('recipient_hint'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    openedAt: at('opened_at'),
    usedAt: at('used_at'),
    responseId: uuid('response_id'),
    revokedAt: at('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('self_report_links_token_unique').on(t.tokenHash),
    index('self_report_links_patient_idx').on(t.clinicId, t.patientId, t.createdAt),
  ],
);

/**
 * A safety alert raised by a response (PHQ-9 item 9 ≥ 1, C-SSRS high risk, docs/clinical-sources.md#phq9-item9 and #cssrs-screener).
 * It stays open, on the banner and in the clinician's task list, until an action that resolves it
 * is recorded; the status columns are the only ones ever updated.
 */
export const safetyAlerts = pgTable(
  'safety_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    responseId: uuid('response_id')
      .notNull()
      .references(() => assessmentResponses.id),
    instrumentId: text('instrument_id').notNull(),
    /** Why: flag ids and risk levels, e.g. ["suicidal-ideation"] or ["cssrs-high"]. */
    reasons: jsonb('reasons').notNull(),
    raisedAt: at('raised_at').notNull(),
    /** The responsible clinician; null means every clinician of the clinic sees the task. */
    assignedTo: uuid('assigned_to').references(() => users.id),
    status: text('status').notNull().default('open'),
    resolvedAt: at('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedByActionId: uuid('resolved_by_action_id'),
  },
  (t) => [
    index('safety_alerts_patient_idx').on(t.clinicId, t.patientId, t.status),
    index('safety_alerts_open_idx').on(t.clinicId, t.status, t.raisedAt),
  ],
);

/** What a clinician did about an alert: who, when, what. Append-only. */
export const safetyAlertActions = pgTable(
  'safety_alert_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => safetyAlerts.id),
    kind: text('kind').notNull(),
    note: text('note').notNull(),
    resolves: boolean('resolves').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('safety_alert_actions_alert_idx').on(t.alertId)],
);

/**
 * A per-patient measurement plan: rules relative to anchors (infusions) and calendar rules, e.g.
 * "PHQ-9 and GAD-7 before every infusion and 24 h after; weekly during maintenance".
 */
export const measurementPlans = pgTable(
  'measurement_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    name: text('name').notNull(),
    rules: jsonb('rules').notNull(),
    responsibleClinicianId: uuid('responsible_clinician_id').references(() => users.id),
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('measurement_plans_patient_idx').on(t.clinicId, t.patientId),
    index('measurement_plans_status_idx').on(t.clinicId, t.status),
  ],
);

/** Dates the plan is relative to: booked infusions (from scheduling), or dates entered by hand. */
export const measurementAnchors = pgTable(
  'measurement_anchors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    kind: text('kind').notNull().default('infusion'),
    at: at('at').notNull(),
    label: text('label'),
    /**
     * The booked infusion this anchor follows (scheduling moves and cancels it with the appointment);
     * null for dates entered by hand, kept for history from before the clinic used Arbor's calendar.
     */
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    cancelledAt: at('cancelled_at'),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
  },
  (t) => [
    index('measurement_anchors_patient_idx').on(t.clinicId, t.patientId, t.at),
    uniqueIndex('measurement_anchors_appointment_unique').on(t.appointmentId),
  ],
);

/**
 * A per-patient change counter for measurement data, bumped in the same transaction as every new
 * response and every infusion date added or cancelled. The trajectory cache checks it with one
 * primary-key lookup instead of counting the patient's responses on every read.
 */
export const measurementVersions = pgTable('measurement_versions', {
  patientId: uuid('patient_id')
    .primaryKey()
    .references(() => patients.id),
  clinicId: clinicIdColumn(),
  version: integer('version').notNull().default(1),
});
