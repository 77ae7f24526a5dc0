-- Loss filings guards (src/db/schema-ledger.ts): what was filed with the DEA is never changed or deleted.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arbor_app') THEN
    GRANT SELECT, INSERT ON ledger_loss_filings TO arbor_app;
    REVOKE UPDATE, DELETE ON ledger_loss_filings FROM arbor_app;
  END IF;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_loss_filings_append_only BEFORE UPDATE OR DELETE ON ledger_loss_filings
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
