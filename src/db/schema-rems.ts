import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { treatmentSessions } from './schema-session.js';
import { at, clinicIdColumn, patients, users } from './schema.js';

/**
 * The SPRAVATO REMS (docs/spravato-rems.md): the clinic's setting certification, each patient's
 * enrolment, the Patient Monitoring Form templates and the form of each esketamine session.
 *
 * Invariants and where they are enforced:
 * - Certification and enrolment records are append-only (guard trigger): the latest row is the status;
 *   a correction or a withdrawal is a new row.
 * - A form template version is never rewritten (guard); a new version of the form is a new row.
 * - One form per session (UNIQUE). A submitted form never changes: after `submitted_at` is set only the
 *   reminder bookkeeping may move (guard trigger).
 */

export const remsCertifications = pgTable(
  'rems_certifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    /** 'certified' or 'withdrawn'. */
    status: text('status').notNull(),
    settingIdentifier: text('setting_identifier'),
    authorizedRepresentative: text('authorized_representative').notNull(),
    certifiedOn: date('certified_on', { mode: 'string' }),
    /** The certified setting as the form names it: name, address lines, city, state, ZIP, phone. */
    setting: jsonb('setting').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [
    index('rems_certifications_clinic').on(t.clinicId, t.recordedAt),
    check('rems_certifications_status', sql`${t.status} IN ('certified', 'withdrawn')`),
  ],
);

export const remsEnrolments = pgTable(
  'rems_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    /** 'enrolled' or 'not_enrolled' (a withdrawal or a correction). */
    status: text('status').notNull(),
    enrolledOn: date('enrolled_on', { mode: 'string' }),
    /** The identifier the REMS gave the patient, when the clinic keeps it. */
    remsPatientId: text('rems_patient_id'),
    /** The prescriber who signed the enrolment form with the patient. */
    prescriberId: uuid('prescriber_id').references(() => users.id),
    note: text('note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [
    index('rems_enrolments_patient').on(t.clinicId, t.patientId, t.recordedAt),
    check('rems_enrolments_status', sql`${t.status} IN ('enrolled', 'not_enrolled')`),
  ],
);

export const remsFormTemplates = pgTable(
  'rems_form_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** e.g. '2021-11': the version printed on the form. */
    version: text('version').notNull(),
    title: text('title').notNull(),
    /** The form's items (src/domain/rems: pmfTemplateSchema). */
    definition: jsonb('definition').notNull(),
    loadedBy: uuid('loaded_by').references(() => users.id),
    loadedAt: at('loaded_at').notNull(),
  },
  (t) => [uniqueIndex('rems_form_templates_version').on(t.version)],
);

export const remsForms = pgTable(
  'rems_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => treatmentSessions.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    templateVersion: text('template_version').notNull(),
    /** The treatment date (clinic-local) and the last day the form is due (7 days after it). */
    treatmentDate: date('treatment_date', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** What staff entered for the items the chart cannot fill, by item id. */
    staffValues: jsonb('staff_values')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** The complete form as submitted (chart and staff values), frozen at submission. */
    submittedValues: jsonb('submitted_values'),
    submittedAt: at('submitted_at'),
    submittedOn: date('submitted_on', { mode: 'string' }),
    /** 'online' (the REMS website) or 'fax'. */
    channel: text('channel'),
    confirmation: text('confirmation'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    remindedOn: date('reminded_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('rems_forms_session').on(t.sessionId),
    index('rems_forms_due').on(t.clinicId, t.dueOn),
    check('rems_forms_channel', sql`${t.channel} IS NULL OR ${t.channel} IN ('online', 'fax')`),
    check(
      'rems_forms_submission_complete',
      sql`(${t.submittedAt} IS NULL) = (${t.submittedOn} IS NULL AND ${t.channel} IS NULL AND ${t.submittedValues} IS NULL)`,
    ),
  ],
);
