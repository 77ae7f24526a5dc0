-- REMS guards (src/db/schema-rems.ts states the invariants).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arbor_app') THEN
    GRANT SELECT, INSERT ON rems_certifications, rems_enrolments, rems_form_templates TO arbor_app;
    REVOKE UPDATE ON rems_certifications, rems_enrolments, rems_form_templates FROM arbor_app;
  END IF;
END $$;
--> statement-breakpoint
CREATE TRIGGER rems_certifications_append_only BEFORE UPDATE OR DELETE ON rems_certifications
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER rems_enrolments_append_only BEFORE UPDATE OR DELETE ON rems_enrolments
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER rems_form_templates_append_only BEFORE UPDATE OR DELETE ON rems_form_templates
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER rems_forms_never_deleted BEFORE DELETE ON rems_forms
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
-- A submitted form never changes; only the reminder bookkeeping may move after submission.
CREATE TRIGGER rems_forms_frozen_when_submitted BEFORE UPDATE ON rems_forms
  FOR EACH ROW
  WHEN (
    OLD.submitted_at IS NOT NULL
    AND (to_jsonb(NEW) - 'reminded_on') IS DISTINCT FROM (to_jsonb(OLD) - 'reminded_on')
  )
  EXECUTE FUNCTION arbor_refuse_rewrite();
