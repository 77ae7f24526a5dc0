-- The application connects with the privileges of arbor_app (SET ROLE after connect), which may
-- read and append but never rewrite history: no DELETE anywhere, no UPDATE on the audit trail or
-- on the patient history. Triggers enforce the same even for roles that hold more privileges.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arbor_app') THEN
    BEGIN
      CREATE ROLE arbor_app NOLOGIN;
    EXCEPTION WHEN duplicate_object THEN NULL;
      WHEN insufficient_privilege THEN RAISE NOTICE 'cannot create role arbor_app; the app will use its login role';
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arbor_app') THEN
    EXECUTE format('GRANT arbor_app TO %I', current_user);
    GRANT USAGE ON SCHEMA public TO arbor_app;
    GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO arbor_app;
    REVOKE UPDATE ON audit_log, patient_history FROM arbor_app;
    GRANT DELETE ON auth_throttle TO arbor_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO arbor_app;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION arbor_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER patient_history_append_only BEFORE UPDATE OR DELETE ON patient_history
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER patients_never_deleted BEFORE DELETE ON patients
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
