-- Scheduling guards (src/db/schema-scheduling.ts states the invariants).
-- No double booking, enforced by PostgreSQL: for live appointments (not cancelled, not a no-show) no two
-- may overlap on the same chair or room, the same booked clinician, or the same patient. Ranges are
-- half-open [starts_at, ends_at), so back-to-back bookings pass. btree_gist gives GiST the "=" on uuid.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_no_room_overlap
  EXCLUDE USING gist (clinic_id WITH =, room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
  WHERE (room_id IS NOT NULL AND status NOT IN ('cancelled', 'no_show'));
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_no_clinician_overlap
  EXCLUDE USING gist (clinic_id WITH =, clinician_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
  WHERE (clinician_id IS NOT NULL AND status NOT IN ('cancelled', 'no_show'));
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_no_patient_overlap
  EXCLUDE USING gist (clinic_id WITH =, patient_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
  WHERE (status NOT IN ('cancelled', 'no_show'));
--> statement-breakpoint
-- Appointments are never deleted (a cancellation is a status with a reason); their history and the
-- reminders sent are append-only. The app role may insert and read history and reminders only.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arbor_app') THEN
    GRANT SELECT, INSERT, UPDATE ON rooms, staff_schedules, staff_time_off, clinic_closures, appointment_types,
      appointment_series, appointments, patient_reminder_preferences, calendar_feeds TO arbor_app;
    GRANT SELECT, INSERT ON appointment_history, appointment_reminders TO arbor_app;
    REVOKE UPDATE ON appointment_history, appointment_reminders FROM arbor_app;
  END IF;
END $$;
--> statement-breakpoint
CREATE TRIGGER appointments_never_deleted BEFORE DELETE ON appointments
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER appointments_no_truncate BEFORE TRUNCATE ON appointments
  FOR EACH STATEMENT EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER appointment_history_append_only BEFORE UPDATE OR DELETE ON appointment_history
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER appointment_history_no_truncate BEFORE TRUNCATE ON appointment_history
  FOR EACH STATEMENT EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER appointment_reminders_append_only BEFORE UPDATE OR DELETE ON appointment_reminders
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
