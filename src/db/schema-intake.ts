import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, clinicIdColumn, patients, users } from './schema.js';

/**
 * Intake, medications, contraindication screening, eligibility decisions and informed consent
 * (docs/intake-and-consent.md). Every table carries clinic_id.
 *
 * Invariants and where they are enforced:
 * - Intake answers and medication lists are never overwritten: every save is a new revision row
 *   (UNIQUE per patient and revision); migration intake-guards refuses UPDATE and DELETE.
 * - A screening evaluation stores the rule versions, the inputs it read and every result, so a later
 *   reader sees what the physician saw; append-only.
 * - An eligibility decision is never rewritten; only its invalidation (time and reason) is set once,
 *   when the inputs it rested on change (guard trigger).
 * - A consent template version is never rewritten (a clinic's edit is a new version); only its
 *   retirement time is set once. A signed consent never changes: after the patient signs, only the
 *   countersignature and the withdrawal are set, each once (guard trigger); its PDF is append-only.
 */

const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value),
  fromDriver: (value) => new Uint8Array(value),
});

export const intakeRevisions = pgTable(
  'intake_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    revision: integer('revision').notNull(),
    /** 'draft' (saved as it goes), 'submitted' (complete), 'amendment' (a change after submission). */
    kind: text('kind').notNull(),
    answers: jsonb('answers').notNull(),
    reason: text('reason'),
    enteredBy: uuid('entered_by').references(() => users.id),
    /** 'staff' (entered or reviewed by staff) or 'patient' (the patient at a clinic tablet). */
    enteredVia: text('entered_via').notNull(),
    /** The patient's own form link the revision came through (enteredVia 'patient' away from staff). */
    formLinkId: uuid('form_link_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('intake_revisions_patient_revision').on(t.patientId, t.revision),
    index('intake_revisions_clinic_patient').on(t.clinicId, t.patientId),
    check('intake_revisions_kind', sql`${t.kind} IN ('draft', 'submitted', 'amendment')`),
  ],
);

export const medicationLists = pgTable(
  'medication_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    revision: integer('revision').notNull(),
    entries: jsonb('entries').notNull(),
    reason: text('reason'),
    enteredBy: uuid('entered_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('medication_lists_patient_revision').on(t.patientId, t.revision),
    index('medication_lists_clinic_patient').on(t.clinicId, t.patientId),
  ],
);

export const screeningEvaluations = pgTable(
  'screening_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    product: text('product').notNull(),
    intakeRevision: integer('intake_revision'),
    medicationRevision: integer('medication_revision'),
    /** Rule id → version, as evaluated. */
    ruleVersions: jsonb('rule_versions').notNull(),
    inputSnapshot: jsonb('input_snapshot').notNull(),
    results: jsonb('results').notNull(),
    evaluatedBy: uuid('evaluated_by').references(() => users.id),
    evaluatedAt: at('evaluated_at').notNull().defaultNow(),
  },
  (t) => [
    index('screening_evaluations_patient').on(t.clinicId, t.patientId, t.evaluatedAt),
    check('screening_evaluations_product', sql`${t.product} IN ('iv_ketamine', 'esketamine')`),
  ],
);

export const eligibilityDecisions = pgTable(
  'eligibility_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    product: text('product').notNull(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => screeningEvaluations.id),
    decision: text('decision').notNull(),
    reason: text('reason'),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: at('decided_at').notNull().defaultNow(),
    expiresAt: at('expires_at'),
    invalidatedAt: at('invalidated_at'),
    invalidatedReason: text('invalidated_reason'),
  },
  (t) => [
    index('eligibility_decisions_patient').on(t.clinicId, t.patientId, t.decidedAt),
    check(
      'eligibility_decisions_decision',
      sql`${t.decision} IN ('eligible', 'eligible_with_precautions', 'not_eligible', 'needs_more_information')`,
    ),
  ],
);

export const consentTemplates = pgTable(
  'consent_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    sections: jsonb('sections').notNull(),
    sources: jsonb('sources').notNull(),
    effectiveAt: at('effective_at').notNull().defaultNow(),
    retiredAt: at('retired_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('consent_templates_version').on(t.clinicId, t.code, t.version)],
);

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => consentTemplates.id),
    templateCode: text('template_code').notNull(),
    templateVersion: integer('template_version').notNull(),
    /** The exact text shown and signed, and its SHA-256 (hex). */
    renderedText: text('rendered_text').notNull(),
    textSha256: text('text_sha256').notNull(),
    patientTypedName: text('patient_typed_name').notNull(),
    patientSignature: jsonb('patient_signature').notNull(),
    esignConsentAt: at('esign_consent_at').notNull(),
    patientSignedAt: at('patient_signed_at').notNull(),
    patientClientIp: text('patient_client_ip'),
    patientUserAgent: text('patient_user_agent'),
    /** The staff session the patient signed on (the clinic tablet). */
    collectedBy: uuid('collected_by').references(() => users.id),
    /** Signed through the patient's own form link (null: at the clinic under a staff session). */
    formLinkId: uuid('form_link_id'),
    countersignedBy: uuid('countersigned_by').references(() => users.id),
    countersignedAt: at('countersigned_at'),
    countersignClientIp: text('countersign_client_ip'),
    withdrawnAt: at('withdrawn_at'),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnRecordedBy: uuid('withdrawn_recorded_by').references(() => users.id),
  },
  (t) => [index('consents_patient').on(t.clinicId, t.patientId, t.patientSignedAt)],
);

/** The PDF of a signed consent, made when it is countersigned; append-only. */
export const consentDocuments = pgTable(
  'consent_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    consentId: uuid('consent_id')
      .notNull()
      .references(() => consents.id),
    pdf: bytea('pdf').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('consent_documents_consent').on(t.consentId)],
);

/**
 * A single-use link through which a patient fills in the intake form or signs a consent form on their
 * own phone (or on a clinic tablet in kiosk mode). Only the token's SHA-256 is stored. Before the form
 * shows anything the patient confirms their date of birth; that check issues a proof (stored hashed)
 * the form's posts carry, so a forwarded link alone reveals nothing. Five wrong dates lock the link.
 * The link is used up when the intake is submitted or the consent signed; drafts keep it open.
 */
export const patientFormLinks = pgTable(
  'patient_form_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    /** 'intake' (questionnaire and medications) or 'consent' (sign one consent form). */
    purpose: text('purpose').notNull(),
    /** For consent: which form ('iv-ketamine', 'esketamine'); the current version is shown when opened. */
    consentTemplateCode: text('consent_template_code'),
    tokenHash: text('token_hash').notNull(),
    /** 'email', 'sms', 'copy' (staff hands the link over) or 'kiosk' (this clinic tablet). */
    channel: text('channel').notNull(),
    recipientHint: text('recipient_hint'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    openedAt: at('opened_at'),
    proofHash: text('proof_hash'),
    failedChecks: integer('failed_checks').notNull().default(0),
    lockedAt: at('locked_at'),
    usedAt: at('used_at'),
    revokedAt: at('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('patient_form_links_token').on(t.tokenHash),
    index('patient_form_links_patient').on(t.clinicId, t.patientId, t.createdAt),
    check('patient_form_links_purpose', sql`${t.purpose} IN ('intake', 'consent')`),
    check(
      'patient_form_links_consent_code',
      sql`(${t.purpose} = 'consent') = (${t.consentTemplateCode} IS NOT NULL)`,
    ),
    check('patient_form_links_channel', sql`${t.channel} IN ('email', 'sms', 'copy', 'kiosk')`),
  ],
);
