-- A stored protocol version is what past doses point at: it is never rewritten or deleted (a revision
-- is a new row). A dose moves only through its status columns (ordered → verified → final, or
-- cancelled); its inputs, settings and computed result never change, and once final or cancelled the
-- whole row is frozen. Doses are never deleted: a correction is a new dose that amends the original.
-- As in 0001, triggers enforce this even for roles that hold more privileges than arbor_app.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arbor_app') THEN
    GRANT SELECT, INSERT, UPDATE ON clinic_protocols, doses TO arbor_app;
    REVOKE UPDATE ON clinic_protocols FROM arbor_app;
  END IF;
END $$;
--> statement-breakpoint
CREATE TRIGGER clinic_protocols_append_only BEFORE UPDATE OR DELETE ON clinic_protocols
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER doses_never_deleted BEFORE DELETE ON doses
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER doses_frozen_when_final BEFORE UPDATE ON doses
  FOR EACH ROW
  WHEN (
    OLD.status IN ('final', 'cancelled')
    OR NEW.clinic_id IS DISTINCT FROM OLD.clinic_id
    OR NEW.patient_id IS DISTINCT FROM OLD.patient_id
    OR NEW.protocol_origin IS DISTINCT FROM OLD.protocol_origin
    OR NEW.protocol_id IS DISTINCT FROM OLD.protocol_id
    OR NEW.protocol_version IS DISTINCT FROM OLD.protocol_version
    OR NEW.step_id IS DISTINCT FROM OLD.step_id
    OR NEW.protocol_snapshot IS DISTINCT FROM OLD.protocol_snapshot
    OR NEW.inputs IS DISTINCT FROM OLD.inputs
    OR NEW.settings IS DISTINCT FROM OLD.settings
    OR NEW.weight_basis IS DISTINCT FROM OLD.weight_basis
    OR NEW.weight_kg IS DISTINCT FROM OLD.weight_kg
    OR NEW.weight_used_kg IS DISTINCT FROM OLD.weight_used_kg
    OR NEW.height_cm IS DISTINCT FROM OLD.height_cm
    OR NEW.sex IS DISTINCT FROM OLD.sex
    OR NEW.total_mg IS DISTINCT FROM OLD.total_mg
    OR NEW.mg_per_kg IS DISTINCT FROM OLD.mg_per_kg
    OR NEW.result IS DISTINCT FROM OLD.result
    OR NEW.verification_required IS DISTINCT FROM OLD.verification_required
    OR NEW.ordered_by IS DISTINCT FROM OLD.ordered_by
    OR NEW.ordered_at IS DISTINCT FROM OLD.ordered_at
    OR NEW.amends_dose_id IS DISTINCT FROM OLD.amends_dose_id
    OR NEW.amendment_reason IS DISTINCT FROM OLD.amendment_reason
  )
  EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER doses_no_truncate BEFORE TRUNCATE ON doses
  FOR EACH STATEMENT EXECUTE FUNCTION arbor_refuse_rewrite();
