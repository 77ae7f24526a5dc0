import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, clinicIdColumn, messageOutbox, patients, users } from './schema.js';

/**
 * Scheduling (docs/scheduling.md): rooms and chairs, staff working hours and time off, closures,
 * appointment types, appointments, series, reminders and calendar feeds. Every table carries clinic_id.
 *
 * Invariants and where they are enforced:
 * - No chair, room, clinician or patient is booked twice at once: exclusion constraints over
 *   tstzrange(starts_at, ends_at, '[)') in migration scheduling-guards (btree_gist), for live
 *   appointments only (not cancelled, not a no-show). `[)` lets back-to-back bookings pass.
 * - Nurse capacity (concurrent nurse-using appointments ≤ nurses on duty × chairs per nurse) is a count,
 *   not an exclusion: the booking service checks it under a per-clinic advisory lock in the same
 *   transaction as the insert.
 * - Appointments are never deleted; every change bumps `version` and writes the previous state to
 *   appointment_history in the same transaction (migration scheduling-guards refuses DELETE).
 * - A reminder is sent once: appointment_reminders is UNIQUE on (appointment_id, offset_minutes) and the
 *   job inserts it with the outbox message in one transaction.
 */

/** A bookable place: an infusion chair, a Spravato room or a consult room. */
export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rooms_clinic_name_unique').on(t.clinicId, t.name),
    check('rooms_kind', sql`${t.kind} IN ('infusion_chair', 'spravato_room', 'consult_room')`),
  ],
);

/** A staff member's scheduling role and weekly working hours (clinic-local `HH:MM`, by ISO weekday). */
export const staffSchedules = pgTable('staff_schedules', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  clinicId: clinicIdColumn(),
  /** 'nurse' (counts toward nurse capacity) or 'clinician' (prescriber: on site, or booked for visits). */
  role: text('role').notNull(),
  hours: jsonb('hours').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** Leave, training, sickness: a staff member is not available in [starts_at, ends_at). */
export const staffTimeOff = pgTable(
  'staff_time_off',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    cancelledAt: at('cancelled_at'),
  },
  (t) => [
    index('staff_time_off_user_idx').on(t.clinicId, t.userId, t.startsAt),
    check('staff_time_off_order', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Whole days the clinic is closed (holidays), clinic-local dates, inclusive. */
export const clinicClosures = pgTable(
  'clinic_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    cancelledAt: at('cancelled_at'),
  },
  (t) => [
    index('clinic_closures_clinic_idx').on(t.clinicId, t.fromDate),
    check('clinic_closures_order', sql`${t.toDate} >= ${t.fromDate}`),
  ],
);

/**
 * An appointment type as data (defaults with their sources in src/domain/scheduling): how long it holds
 * its resources, which room kind, whether a clinician is booked or must be on site, whether it uses nurse
 * capacity, and the pre-visit instructions a reminder carries.
 */
export const appointmentTypes = pgTable(
  'appointment_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** For infusions: the infusion and recovery parts of the duration, shown to the front desk. */
    parts: jsonb('parts'),
    roomKind: text('room_kind'),
    clinician: text('clinician').notNull(),
    usesNurse: boolean('uses_nurse').notNull(),
    /** 'infusion' and 'spravato' appointments anchor measurement plans and the session chart. */
    category: text('category').notNull(),
    instructions: text('instructions').notNull().default(''),
    source: jsonb('source').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('appointment_types_clinic_code_unique').on(t.clinicId, t.code),
    check('appointment_types_duration', sql`${t.durationMinutes} BETWEEN 5 AND 720`),
    check('appointment_types_clinician', sql`${t.clinician} IN ('none', 'assigned', 'on_site')`),
    check(
      'appointment_types_room_kind',
      sql`${t.roomKind} IS NULL OR ${t.roomKind} IN ('infusion_chair', 'spravato_room', 'consult_room')`,
    ),
  ],
);

/** Appointments booked together: an induction course or a maintenance plan. */
export const appointmentSeries = pgTable(
  'appointment_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    kind: text('kind').notNull(),
    /** The series rules the proposal followed (count, per week, span), with their source. */
    rules: jsonb('rules').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('appointment_series_patient_idx').on(t.clinicId, t.patientId)],
);

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    typeId: uuid('type_id')
      .notNull()
      .references(() => appointmentTypes.id),
    seriesId: uuid('series_id').references(() => appointmentSeries.id),
    seriesIndex: integer('series_index'),
    roomId: uuid('room_id').references(() => rooms.id),
    clinicianId: uuid('clinician_id').references(() => users.id),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    usesNurse: boolean('uses_nurse').notNull(),
    /** 'in_person' or 'video' (follow-ups). */
    mode: text('mode').notNull().default('in_person'),
    status: text('status').notNull().default('booked'),
    statusReason: text('status_reason'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('appointments_clinic_time_idx').on(t.clinicId, t.startsAt),
    index('appointments_patient_idx').on(t.clinicId, t.patientId, t.startsAt),
    index('appointments_series_idx').on(t.seriesId),
    check('appointments_order', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'appointments_status',
      sql`${t.status} IN ('booked', 'checked_in', 'in_chair', 'recovering', 'completed', 'cancelled', 'no_show')`,
    ),
    check('appointments_mode', sql`${t.mode} IN ('in_person', 'video')`),
  ],
);

/** Every earlier state of an appointment, written in the transaction that changed it. */
export const appointmentHistory = pgTable(
  'appointment_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id),
    version: integer('version').notNull(),
    /** What happened: booked, rescheduled, checked_in, cancelled, … */
    change: text('change').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    reason: text('reason'),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: at('changed_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('appointment_history_version_unique').on(t.appointmentId, t.version)],
);

/** One row per reminder sent: the UNIQUE key makes sending idempotent across ticks and servers. */
export const appointmentReminders = pgTable(
  'appointment_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id),
    offsetMinutes: integer('offset_minutes').notNull(),
    channel: text('channel').notNull(),
    outboxId: uuid('outbox_id').references(() => messageOutbox.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('appointment_reminders_once').on(t.appointmentId, t.offsetMinutes, t.channel)],
);

/** A patient's reminder choice: opted out of all reminders, or which channels. */
export const patientReminderPreferences = pgTable('patient_reminder_preferences', {
  patientId: uuid('patient_id')
    .primaryKey()
    .references(() => patients.id),
  clinicId: clinicIdColumn(),
  optedOut: boolean('opted_out').notNull().default(false),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** A staff member's private iCalendar feed: only the SHA-256 of its token is stored; revocable. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    uniqueIndex('calendar_feeds_token_unique').on(t.tokenHash),
    index('calendar_feeds_user_idx').on(t.clinicId, t.userId),
  ],
);
