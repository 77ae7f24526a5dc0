-- Patient form links (src/db/schema-intake.ts): never deleted; what a link is for, for whom, and its
-- token never change. Only its use is recorded: opened, the date-of-birth proof and failed checks, the
-- lock, the use and the revocation.
CREATE TRIGGER patient_form_links_never_deleted BEFORE DELETE ON patient_form_links
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER patient_form_links_identity_frozen BEFORE UPDATE ON patient_form_links
  FOR EACH ROW
  WHEN (
    (to_jsonb(NEW) - 'opened_at' - 'proof_hash' - 'failed_checks' - 'locked_at' - 'used_at'
       - 'revoked_at' - 'revoked_by')
    IS DISTINCT FROM (to_jsonb(OLD) - 'opened_at' - 'proof_hash' - 'failed_checks' - 'locked_at'
       - 'used_at' - 'revoked_at' - 'revoked_by')
    OR (OLD.used_at IS NOT NULL AND NEW.used_at IS DISTINCT FROM OLD.used_at)
  )
  EXECUTE FUNCTION arbor_refuse_rewrite();
