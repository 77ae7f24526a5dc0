import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { doses } from './schema-dosing.js';
import { appointments } from './schema-scheduling.js';
import { at, clinicIdColumn, patients, users } from './schema.js';

/**
 * The treatment session (docs/infusion-session.md): one row per session and an append-only list of
 * everything charted in it. Every table carries clinic_id.
 *
 * Invariants and where they are enforced:
 * - A chart entry is never changed or deleted (guard trigger); a correction is a new entry.
 * - A retried entry never charts twice: (session_id, client_entry_id) is UNIQUE, and the service
 *   returns the first entry's result for a repeat.
 * - One session per appointment, and one session per dose given (partial UNIQUE indexes).
 * - A session's state moves only through the service, which checks the domain's state machine inside a
 *   transaction holding the session row; `version` grows by one with every entry so boards and tablets
 *   can tell what they have seen. The row is never deleted (guard trigger).
 */

export const treatmentSessions = pgTable(
  'treatment_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    /** 'iv_ketamine' or 'esketamine' (src/domain/session). */
    kind: text('kind').notNull(),
    state: text('state').notNull().default('checked_in'),
    version: integer('version').notNull().default(1),
    chairLabel: text('chair_label'),
    /** The verified dose given, set at the start. */
    doseId: uuid('dose_id').references(() => doses.id),
    checkedInAt: at('checked_in_at').notNull(),
    checkedInBy: uuid('checked_in_by')
      .notNull()
      .references(() => users.id),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('treatment_sessions_appointment')
      .on(t.appointmentId)
      .where(sql`${t.appointmentId} IS NOT NULL`),
    // A dose is given in one session: the second start with the same dose is refused here too.
    uniqueIndex('treatment_sessions_dose')
      .on(t.doseId)
      .where(sql`${t.doseId} IS NOT NULL`),
    index('treatment_sessions_clinic_day').on(t.clinicId, t.checkedInAt),
    index('treatment_sessions_patient').on(t.clinicId, t.patientId, t.checkedInAt),
    check('treatment_sessions_kind', sql`${t.kind} IN ('iv_ketamine', 'esketamine')`),
    check(
      'treatment_sessions_state',
      sql`${t.state} IN ('checked_in', 'checklist_done', 'infusing', 'paused', 'recovery', 'discharged', 'ended_early', 'transferred_out', 'note_signed')`,
    ),
  ],
);

export const sessionEntries = pgTable(
  'session_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => treatmentSessions.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    /** The id the device gave the entry: a retry with the same id is the same entry. */
    clientEntryId: uuid('client_entry_id').notNull(),
    /** checklist, bp_decision, action, vitals, scale, adverse_event, rescue, dose_explanation, note_*. */
    type: text('type').notNull(),
    /** The entry as checked and stored (scores computed, the note text frozen when signed). */
    payload: jsonb('payload').notNull(),
    /** When it happened (the server clock, or the time a late entry names). */
    eventAt: at('event_at').notNull(),
    /** When the server recorded it. */
    recordedAt: at('recorded_at').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    /** The session state after this entry, and the session version it made. */
    stateAfter: text('state_after').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    uniqueIndex('session_entries_client_id').on(t.sessionId, t.clientEntryId),
    uniqueIndex('session_entries_version').on(t.sessionId, t.version),
    index('session_entries_session').on(t.sessionId, t.eventAt),
    check('session_entries_not_after_record', sql`${t.eventAt} <= ${t.recordedAt}`),
  ],
);
