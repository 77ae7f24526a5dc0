CREATE TABLE "ledger_loss_filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"discrepancy_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"filed_on" date NOT NULL,
	"reference" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_loss_filings_kind" CHECK ("ledger_loss_filings"."kind" IN ('written_notice', 'form_106'))
);
--> statement-breakpoint
ALTER TABLE "ledger_loss_filings" ADD CONSTRAINT "ledger_loss_filings_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_loss_filings" ADD CONSTRAINT "ledger_loss_filings_discrepancy_id_ledger_discrepancies_id_fk" FOREIGN KEY ("discrepancy_id") REFERENCES "public"."ledger_discrepancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_loss_filings" ADD CONSTRAINT "ledger_loss_filings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_loss_filings_once" ON "ledger_loss_filings" USING btree ("discrepancy_id","kind");