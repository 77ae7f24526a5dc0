CREATE TABLE "ledger_inventories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"taken_on" date NOT NULL,
	"time_of_day" text NOT NULL,
	"registrant" jsonb NOT NULL,
	"location_ids" jsonb NOT NULL,
	"zero_stock" boolean NOT NULL,
	"record" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	"count_ids" jsonb NOT NULL,
	"signed_by" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_inventories_kind" CHECK ("ledger_inventories"."kind" IN ('initial', 'biennial', 'other')),
	CONSTRAINT "ledger_inventories_time_of_day" CHECK ("ledger_inventories"."time_of_day" IN ('opening_of_business', 'close_of_business'))
);
--> statement-breakpoint
ALTER TABLE "ledger_inventories" ADD CONSTRAINT "ledger_inventories_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_inventories" ADD CONSTRAINT "ledger_inventories_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_inventories_clinic" ON "ledger_inventories" USING btree ("clinic_id","taken_on");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_inventories_one_initial" ON "ledger_inventories" USING btree ("clinic_id") WHERE "ledger_inventories"."kind" = 'initial';