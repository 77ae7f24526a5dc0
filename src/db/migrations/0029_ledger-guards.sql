-- Controlled-substance ledger guards (src/db/schema-ledger.ts states the invariants).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arbor_app') THEN
    GRANT SELECT, INSERT ON ledger_registrations, ledger_locations, ledger_products, ledger_containers,
      ledger_events, ledger_discrepancy_notes TO arbor_app;
    REVOKE UPDATE, DELETE ON ledger_registrations, ledger_locations, ledger_products, ledger_containers,
      ledger_events, ledger_discrepancy_notes FROM arbor_app;
    GRANT SELECT, INSERT, UPDATE ON ledger_receipts, ledger_container_balances, ledger_counts,
      ledger_discrepancies TO arbor_app;
    REVOKE DELETE ON ledger_receipts, ledger_container_balances, ledger_counts, ledger_discrepancies
      FROM arbor_app;
    GRANT USAGE ON SEQUENCE ledger_events_seq_seq TO arbor_app;
  END IF;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_events_append_only BEFORE UPDATE OR DELETE ON ledger_events
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER ledger_registrations_append_only BEFORE UPDATE OR DELETE ON ledger_registrations
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER ledger_locations_append_only BEFORE UPDATE OR DELETE ON ledger_locations
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER ledger_products_append_only BEFORE UPDATE OR DELETE ON ledger_products
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER ledger_containers_append_only BEFORE UPDATE OR DELETE ON ledger_containers
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER ledger_discrepancy_notes_append_only BEFORE UPDATE OR DELETE ON ledger_discrepancy_notes
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER ledger_receipts_never_deleted BEFORE DELETE ON ledger_receipts
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
-- A confirmed receipt never changes again.
CREATE TRIGGER ledger_receipts_frozen_when_confirmed BEFORE UPDATE ON ledger_receipts
  FOR EACH ROW WHEN (OLD.confirmed_by IS NOT NULL)
  EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER ledger_container_balances_never_deleted BEFORE DELETE ON ledger_container_balances
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER ledger_counts_never_deleted BEFORE DELETE ON ledger_counts
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
-- A submitted count never changes again.
CREATE TRIGGER ledger_counts_frozen_when_submitted BEFORE UPDATE ON ledger_counts
  FOR EACH ROW WHEN (OLD.submitted_at IS NOT NULL)
  EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER ledger_discrepancies_never_deleted BEFORE DELETE ON ledger_discrepancies
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
-- A closed discrepancy (resolved or judged significant) never changes again.
CREATE TRIGGER ledger_discrepancies_frozen_when_closed BEFORE UPDATE ON ledger_discrepancies
  FOR EACH ROW WHEN (OLD.status <> 'open')
  EXECUTE FUNCTION arbor_refuse_rewrite();
