import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinicIdColumn, patients } from './schema.js';

/**
 * Consultation requests from the public site ("new enquiries"). They hold health-related data a
 * visitor chose to share, so they are scoped by clinic, audited on every read and change, and never
 * deleted: a closed enquiry keeps its status history in the audit trail. The table keeps its
 * original name `leads`; in code its rows are enquiries.
 */
export const enquiries = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: clinicIdColumn(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    /** How the person prefers to be contacted: 'email' or 'phone'. */
    contactPreference: text('contact_preference').notNull().default('email'),
    /** What the person wants help with, in their words (optional). */
    concern: text('concern'),
    message: text('message'),
    /** Self-check totals only when the person ticked "include my self-check results". */
    selfCheck: jsonb('self_check'),
    /** 'new' → 'contacted' → 'closed', or 'registered' once the person becomes a patient; audited. */
    status: text('status').notNull().default('new'),
    staffNote: text('staff_note'),
    /** The patient registered from this enquiry, set once with status 'registered'. */
    patientId: uuid('patient_id').references(() => patients.id),
    version: integer('version').notNull().default(1),
    source: text('source').notNull().default('site'),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [index('leads_clinic_status_idx').on(t.clinicId, t.status, t.createdAt)],
);
