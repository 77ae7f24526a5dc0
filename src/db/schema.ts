import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A UTC timestamp column (timestamptz); every time Arbor stores is one. */
export const at = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => at('created_at').notNull().defaultNow();

/** The tenant column every table of clinic data carries; clinics is defined below, read lazily. */
export const clinicIdColumn = () =>
  uuid('clinic_id')
    .notNull()
    .references(() => clinics.id);

/** A clinic is the tenant: every table holding clinic data carries clinic_id. */
export const clinics = pgTable('clinics', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  settings: jsonb('settings')
    .notNull()
    .default(sql`'{}'::jsonb`),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    status: text('status').notNull().default('active'),
    passwordHash: text('password_hash').notNull(),
    /**
     * Set when an administrator (or `arbor user create`) chose the password: the person replaces it
     * at the next sign-in before any staff route answers them.
     */
    passwordMustChange: boolean('password_must_change').notNull().default(false),
    /** Sealed with AES-256-GCM under the key outside the database (`v1:…`; secret-box.ts). */
    totpSecret: text('totp_secret'),
    totpEnrolledAt: timestamp('totp_enrolled_at', { withTimezone: true }),
    /** The last accepted TOTP time step: a code at or before it is a replay. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    index('users_clinic_idx').on(t.clinicId),
  ],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** Set for every earlier code when the authenticator is reset or enrolled again. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Server-side sessions: only the SHA-256 of the token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    clinicId: clinicIdColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /**
     * 'mfa' = password accepted, code pending; 'enrol' = must enrol TOTP; 'change-password' = must
     * replace a temporary password; 'full' = signed in.
     */
    stage: text('stage').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    clientIp: text('client_ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failure counters for brute-force limits, kept in PostgreSQL so every app server shares them. */
export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** One-time setup codes printed at start-up; only their hashes are kept. */
export const setupCodes = pgTable('setup_codes', {
  codeHash: text('code_hash').primaryKey(),
  createdAt: createdAt(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/**
 * The audit trail (ASTM E2147 fields). Append-only: the app role may only INSERT and SELECT,
 * and a trigger refuses UPDATE and DELETE. Each row's hash covers the previous row's hash.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 6 }).notNull(),
    clinicId: uuid('clinic_id'),
    userId: uuid('user_id'),
    userLabel: text('user_label'),
    patientId: uuid('patient_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    detail: jsonb('detail')
      .notNull()
      .default(sql`'{}'::jsonb`),
    outcome: text('outcome').notNull(),
    clientIp: text('client_ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_clinic_time_idx').on(t.clinicId, t.occurredAt),
    index('audit_patient_idx').on(t.patientId, t.occurredAt),
    index('audit_user_idx').on(t.userId, t.occurredAt),
    // Searches list the patients they showed in detail.patientIds; the report filters on them too.
    index('audit_patient_ids_idx').using('gin', sql`(${t.detail} -> 'patientIds') jsonb_path_ops`),
  ],
);

export const clinicCounters = pgTable(
  'clinic_counters',
  {
    clinicId: clinicIdColumn(),
    name: text('name').notNull(),
    value: bigint('value', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.name] })],
);

export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    mrn: text('mrn').notNull(),
    legalGivenName: text('legal_given_name').notNull(),
    legalFamilyName: text('legal_family_name').notNull(),
    preferredName: text('preferred_name'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sexAtBirth: text('sex_at_birth').notNull(),
    genderIdentity: text('gender_identity'),
    pronouns: text('pronouns'),
    phone: text('phone'),
    email: text('email'),
    address: jsonb('address'),
    emergencyContact: jsonb('emergency_contact'),
    referringClinician: jsonb('referring_clinician'),
    conditions: jsonb('conditions')
      .notNull()
      .default(sql`'[]'::jsonb`),
    alerts: jsonb('alerts')
      .notNull()
      .default(sql`'[]'::jsonb`),
    careStatus: text('care_status').notNull().default('referred'),
    active: boolean('active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    /** Lower-cased names for trigram search (legal, preferred), kept by PostgreSQL itself. */
    searchName: text('search_name').generatedAlwaysAs(
      sql`lower(legal_given_name || ' ' || legal_family_name || ' ' || coalesce(preferred_name, ''))`,
    ),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('patients_clinic_mrn_unique').on(t.clinicId, t.mrn),
    index('patients_clinic_birth_idx').on(t.clinicId, t.birthDate),
    index('patients_clinic_family_idx').on(t.clinicId, t.legalFamilyName, t.legalGivenName),
    index('patients_search_name_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('patients_mrn_trgm').using('gin', sql`lower(${t.mrn}) gin_trgm_ops`),
    // Prefix search ("smi" finds Smith) on each name part uses three covering btree indexes,
    // patients_{family,given,preferred}_prefix_cover, created in migration 0015 by hand: drizzle
    // cannot declare INCLUDE columns, and the search reads only the index (no heap) through them.
  ],
);

/** Every version of every patient record, written in the same transaction as the change. */
export const patientHistory = pgTable(
  'patient_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    changedFields: jsonb('changed_fields')
      .notNull()
      .default(sql`'[]'::jsonb`),
    reason: text('reason'),
    changedBy: uuid('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('patient_history_version_unique').on(t.patientId, t.version)],
);

/** Outgoing mail and SMS; the outbox driver leaves them here, the SMTP driver sends and marks them. */
export const messageOutbox = pgTable(
  'message_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').references(() => clinics.id),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('message_outbox_status_idx').on(t.status, t.createdAt)],
);
