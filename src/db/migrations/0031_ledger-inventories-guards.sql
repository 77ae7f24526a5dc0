-- Inventory guards (src/db/schema-ledger.ts): a signed inventory is never changed or deleted.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arbor_app') THEN
    GRANT SELECT, INSERT ON ledger_inventories TO arbor_app;
    REVOKE UPDATE, DELETE ON ledger_inventories FROM arbor_app;
  END IF;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_inventories_append_only BEFORE UPDATE OR DELETE ON ledger_inventories
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
