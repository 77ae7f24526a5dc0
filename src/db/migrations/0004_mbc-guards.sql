-- Measurement-based care records are clinical records: a response as submitted, its score and the
-- actions taken on a safety alert are never rewritten or deleted (corrections are amendments that
-- reference the original). The app role loses UPDATE on them; triggers refuse UPDATE and DELETE even
-- for roles that hold more privileges, as for the audit trail (0001).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arbor_app') THEN
    GRANT SELECT, INSERT, UPDATE ON assessment_responses, assessment_observations, self_report_links,
      safety_alerts, safety_alert_actions, measurement_plans, measurement_anchors TO arbor_app;
    REVOKE UPDATE ON assessment_responses, assessment_observations, safety_alert_actions FROM arbor_app;
  END IF;
END $$;
--> statement-breakpoint
CREATE TRIGGER assessment_responses_append_only BEFORE UPDATE OR DELETE ON assessment_responses
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER assessment_observations_append_only BEFORE UPDATE OR DELETE ON assessment_observations
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER safety_alert_actions_append_only BEFORE UPDATE OR DELETE ON safety_alert_actions
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER safety_alerts_never_deleted BEFORE DELETE ON safety_alerts
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER self_report_links_never_deleted BEFORE DELETE ON self_report_links
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
