-- Intake, screening, eligibility and consent guards (src/db/schema-intake.ts states the invariants).
-- Revisions, evaluations and consent PDFs are append-only; the app role may insert and read them only.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arbor_app') THEN
    GRANT SELECT, INSERT ON intake_revisions, medication_lists, screening_evaluations, consent_documents TO arbor_app;
    REVOKE UPDATE ON intake_revisions, medication_lists, screening_evaluations, consent_documents FROM arbor_app;
    GRANT SELECT, INSERT, UPDATE ON eligibility_decisions, consent_templates, consents TO arbor_app;
  END IF;
END $$;
--> statement-breakpoint
CREATE TRIGGER intake_revisions_append_only BEFORE UPDATE OR DELETE ON intake_revisions
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER medication_lists_append_only BEFORE UPDATE OR DELETE ON medication_lists
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER screening_evaluations_append_only BEFORE UPDATE OR DELETE ON screening_evaluations
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER consent_documents_append_only BEFORE UPDATE OR DELETE ON consent_documents
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER eligibility_decisions_never_deleted BEFORE DELETE ON eligibility_decisions
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
-- A decision is never rewritten: only its invalidation is set, once.
CREATE TRIGGER eligibility_decisions_only_invalidated BEFORE UPDATE ON eligibility_decisions
  FOR EACH ROW
  WHEN (
    OLD.invalidated_at IS NOT NULL
    OR (to_jsonb(NEW) - 'invalidated_at' - 'invalidated_reason')
       IS DISTINCT FROM (to_jsonb(OLD) - 'invalidated_at' - 'invalidated_reason')
  )
  EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER consent_templates_never_deleted BEFORE DELETE ON consent_templates
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
-- A template version is never rewritten: only its retirement is set, once.
CREATE TRIGGER consent_templates_only_retired BEFORE UPDATE ON consent_templates
  FOR EACH ROW
  WHEN (OLD.retired_at IS NOT NULL OR (to_jsonb(NEW) - 'retired_at') IS DISTINCT FROM (to_jsonb(OLD) - 'retired_at'))
  EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER consents_never_deleted BEFORE DELETE ON consents
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
-- A signed consent never changes: the countersignature and the withdrawal are each set once.
CREATE TRIGGER consents_signed_text_frozen BEFORE UPDATE ON consents
  FOR EACH ROW
  WHEN (
    (OLD.countersigned_at IS NOT NULL AND (
       NEW.countersigned_at IS DISTINCT FROM OLD.countersigned_at
       OR NEW.countersigned_by IS DISTINCT FROM OLD.countersigned_by
       OR NEW.countersign_client_ip IS DISTINCT FROM OLD.countersign_client_ip))
    OR (OLD.withdrawn_at IS NOT NULL AND (
       NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at
       OR NEW.withdrawn_reason IS DISTINCT FROM OLD.withdrawn_reason
       OR NEW.withdrawn_recorded_by IS DISTINCT FROM OLD.withdrawn_recorded_by))
    OR (to_jsonb(NEW) - 'countersigned_by' - 'countersigned_at' - 'countersign_client_ip'
         - 'withdrawn_at' - 'withdrawn_reason' - 'withdrawn_recorded_by')
       IS DISTINCT FROM (to_jsonb(OLD) - 'countersigned_by' - 'countersigned_at' - 'countersign_client_ip'
         - 'withdrawn_at' - 'withdrawn_reason' - 'withdrawn_recorded_by')
  )
  EXECUTE FUNCTION arbor_refuse_rewrite();
