-- Treatment session guards (src/db/schema-session.ts states the invariants).
-- Chart entries are append-only: a correction is a new entry. Sessions are never deleted.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arbor_app') THEN
    GRANT SELECT, INSERT ON session_entries TO arbor_app;
    REVOKE UPDATE ON session_entries FROM arbor_app;
  END IF;
END $$;
--> statement-breakpoint
CREATE TRIGGER session_entries_append_only BEFORE UPDATE OR DELETE ON session_entries
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER treatment_sessions_never_deleted BEFORE DELETE ON treatment_sessions
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
-- Who, whose and when a session began never change; only its state, version, dose, chair and update time.
CREATE TRIGGER treatment_sessions_identity_frozen BEFORE UPDATE ON treatment_sessions
  FOR EACH ROW
  WHEN (
    (to_jsonb(NEW) - 'state' - 'version' - 'dose_id' - 'chair_label' - 'updated_at')
    IS DISTINCT FROM (to_jsonb(OLD) - 'state' - 'version' - 'dose_id' - 'chair_label' - 'updated_at')
    OR NEW.version <> OLD.version + 1
  )
  EXECUTE FUNCTION arbor_refuse_rewrite();
