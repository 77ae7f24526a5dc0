DROP INDEX "patients_family_prefix";--> statement-breakpoint
DROP INDEX "patients_given_prefix";--> statement-breakpoint
DROP INDEX "patients_preferred_prefix";--> statement-breakpoint
-- Covering prefix indexes: every column a prefix search filters on or returns for its candidates is in
-- the index, so a search of a vacuumed table reads no heap pages (index-only scans, one per name part).
CREATE INDEX "patients_family_prefix_cover" ON "patients" USING btree ("clinic_id", lower("legal_family_name") text_pattern_ops) INCLUDE ("id", "legal_family_name", "legal_given_name", "preferred_name", "active", "care_status", "birth_date", "mrn");--> statement-breakpoint
CREATE INDEX "patients_given_prefix_cover" ON "patients" USING btree ("clinic_id", lower("legal_given_name") text_pattern_ops) INCLUDE ("id", "legal_family_name", "legal_given_name", "preferred_name", "active", "care_status", "birth_date", "mrn");--> statement-breakpoint
CREATE INDEX "patients_preferred_prefix_cover" ON "patients" USING btree ("clinic_id", lower("preferred_name") text_pattern_ops) INCLUDE ("id", "legal_family_name", "legal_given_name", "preferred_name", "active", "care_status", "birth_date", "mrn");
