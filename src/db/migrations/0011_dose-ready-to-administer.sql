-- A dose's last state before the infusion session was called 'final', which reads as "given". It is
-- renamed for what it is, 'ready_to_administer' (ordered → verified → ready to administer, or
-- cancelled), with the columns that record who marked it ready. 'administered' is reserved for the
-- infusion session, which records who gave the dose and when; no route sets it.
-- Stored doses are mapped: the freeze trigger is dropped while they move and recreated (for the new
-- names) by the next guard migration. Audit rows written before this migration keep 'final' in their
-- detail (the audit trail is never rewritten); docs/dosing.md says what it meant.
DROP TRIGGER doses_frozen_when_final ON doses;
--> statement-breakpoint
ALTER TABLE "doses" DROP CONSTRAINT "doses_status_valid";
--> statement-breakpoint
UPDATE "doses" SET "status" = 'ready_to_administer' WHERE "status" = 'final';
--> statement-breakpoint
ALTER TABLE "doses" ADD CONSTRAINT "doses_status_valid" CHECK ("doses"."status" IN ('ordered', 'verified', 'ready_to_administer', 'administered', 'cancelled'));
--> statement-breakpoint
ALTER TABLE "doses" RENAME COLUMN "finalised_by" TO "marked_ready_by";
--> statement-breakpoint
ALTER TABLE "doses" RENAME COLUMN "finalised_at" TO "marked_ready_at";
--> statement-breakpoint
ALTER TABLE "doses" RENAME CONSTRAINT "doses_finalised_by_users_id_fk" TO "doses_marked_ready_by_users_id_fk";
