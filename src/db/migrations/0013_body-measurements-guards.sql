-- A body measurement is a clinical record: never rewritten or deleted (a correction is a new row that
-- amends it). The app role may insert and read it only; triggers refuse UPDATE, DELETE and TRUNCATE even
-- for roles that hold more privileges, as for the audit trail (0001).
-- The dose freeze trigger dropped by dose-ready-to-administer is recreated for the new state names and
-- the new body_measurement_id column: a dose ready to administer, administered or cancelled is frozen,
-- and before that only its status columns move.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arbor_app') THEN
    GRANT SELECT, INSERT ON patient_body_measurements TO arbor_app;
  END IF;
END $$;
--> statement-breakpoint
CREATE TRIGGER patient_body_measurements_append_only BEFORE UPDATE OR DELETE ON patient_body_measurements
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER patient_body_measurements_no_truncate BEFORE TRUNCATE ON patient_body_measurements
  FOR EACH STATEMENT EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER doses_frozen_when_ready BEFORE UPDATE ON doses
  FOR EACH ROW
  WHEN (
    OLD.status IN ('ready_to_administer', 'administered', 'cancelled')
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
    OR NEW.body_measurement_id IS DISTINCT FROM OLD.body_measurement_id
    OR NEW.status = 'administered'
  )
  EXECUTE FUNCTION arbor_refuse_rewrite();
