CREATE TABLE "ledger_container_balances" (
	"container_id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"status" text NOT NULL,
	"balance_ug" bigint NOT NULL,
	"last_event_id" uuid NOT NULL,
	"last_event_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_container_balances_not_negative" CHECK ("ledger_container_balances"."balance_ug" >= 0),
	CONSTRAINT "ledger_container_balances_status" CHECK ("ledger_container_balances"."status" IN ('sealed', 'open', 'expired', 'quarantined', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "ledger_containers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"receipt_id" uuid NOT NULL,
	"product_key" text NOT NULL,
	"lot_number" text NOT NULL,
	"expiry_date" date NOT NULL,
	"label_number" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_counts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"sheet" jsonb NOT NULL,
	"started_by" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"comparison" jsonb,
	CONSTRAINT "ledger_counts_mode" CHECK ("ledger_counts"."mode" IN ('blind', 'open'))
);
--> statement-breakpoint
CREATE TABLE "ledger_discrepancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"count_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"product_key" text NOT NULL,
	"expected_ug" bigint NOT NULL,
	"counted_ug" bigint NOT NULL,
	"difference_ug" bigint NOT NULL,
	"lines" jsonb NOT NULL,
	"discovered_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" jsonb,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"opened_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_discrepancies_status" CHECK ("ledger_discrepancies"."status" IN ('open', 'resolved', 'significant'))
);
--> statement-breakpoint
CREATE TABLE "ledger_discrepancy_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"discrepancy_id" uuid NOT NULL,
	"text" text NOT NULL,
	"written_by" uuid NOT NULL,
	"written_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"clinic_id" uuid NOT NULL,
	"type" text NOT NULL,
	"container_id" uuid NOT NULL,
	"product_key" text NOT NULL,
	"location_id" uuid NOT NULL,
	"delta_ug" bigint NOT NULL,
	"actor_id" uuid NOT NULL,
	"witness_id" uuid,
	"session_id" uuid,
	"dose_id" uuid,
	"patient_id" uuid,
	"corrects_event_id" uuid,
	"count_id" uuid,
	"event_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"event" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "ledger_events_seq_unique" UNIQUE("seq"),
	CONSTRAINT "ledger_events_type" CHECK ("ledger_events"."type" IN ('receive', 'open', 'administer', 'waste', 'transfer', 'return', 'expire', 'adjust', 'count', 'correction')),
	CONSTRAINT "ledger_events_administration_links" CHECK ("ledger_events"."type" <> 'administer' OR ("ledger_events"."session_id" IS NOT NULL AND "ledger_events"."dose_id" IS NOT NULL AND "ledger_events"."patient_id" IS NOT NULL)),
	CONSTRAINT "ledger_events_no_self_witness" CHECK ("ledger_events"."witness_id" IS NULL OR "ledger_events"."witness_id" <> "ledger_events"."actor_id")
);
--> statement-breakpoint
CREATE TABLE "ledger_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"key" text NOT NULL,
	"product" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"supplier" jsonb NOT NULL,
	"invoice_number" text NOT NULL,
	"received_on" date NOT NULL,
	"lines" jsonb NOT NULL,
	"received_by" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "ledger_receipts_confirmer" CHECK ("ledger_receipts"."confirmed_by" IS NULL OR "ledger_receipts"."confirmed_by" <> "ledger_receipts"."received_by")
);
--> statement-breakpoint
CREATE TABLE "ledger_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"dea_number" text NOT NULL,
	"schedules" jsonb NOT NULL,
	"expires_on" date NOT NULL,
	"site_name" text NOT NULL,
	"site_address" text NOT NULL,
	"phone" text,
	"county" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_container_balances" ADD CONSTRAINT "ledger_container_balances_container_id_ledger_containers_id_fk" FOREIGN KEY ("container_id") REFERENCES "public"."ledger_containers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_container_balances" ADD CONSTRAINT "ledger_container_balances_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_container_balances" ADD CONSTRAINT "ledger_container_balances_location_id_ledger_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."ledger_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_containers" ADD CONSTRAINT "ledger_containers_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_containers" ADD CONSTRAINT "ledger_containers_receipt_id_ledger_receipts_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."ledger_receipts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_counts" ADD CONSTRAINT "ledger_counts_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_counts" ADD CONSTRAINT "ledger_counts_location_id_ledger_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."ledger_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_counts" ADD CONSTRAINT "ledger_counts_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_counts" ADD CONSTRAINT "ledger_counts_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_discrepancies" ADD CONSTRAINT "ledger_discrepancies_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_discrepancies" ADD CONSTRAINT "ledger_discrepancies_count_id_ledger_counts_id_fk" FOREIGN KEY ("count_id") REFERENCES "public"."ledger_counts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_discrepancies" ADD CONSTRAINT "ledger_discrepancies_location_id_ledger_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."ledger_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_discrepancies" ADD CONSTRAINT "ledger_discrepancies_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_discrepancy_notes" ADD CONSTRAINT "ledger_discrepancy_notes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_discrepancy_notes" ADD CONSTRAINT "ledger_discrepancy_notes_discrepancy_id_ledger_discrepancies_id_fk" FOREIGN KEY ("discrepancy_id") REFERENCES "public"."ledger_discrepancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_discrepancy_notes" ADD CONSTRAINT "ledger_discrepancy_notes_written_by_users_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_container_id_ledger_containers_id_fk" FOREIGN KEY ("container_id") REFERENCES "public"."ledger_containers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_location_id_ledger_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."ledger_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_witness_id_users_id_fk" FOREIGN KEY ("witness_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_session_id_treatment_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."treatment_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_dose_id_doses_id_fk" FOREIGN KEY ("dose_id") REFERENCES "public"."doses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_locations" ADD CONSTRAINT "ledger_locations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_locations" ADD CONSTRAINT "ledger_locations_registration_id_ledger_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."ledger_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_locations" ADD CONSTRAINT "ledger_locations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_products" ADD CONSTRAINT "ledger_products_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_products" ADD CONSTRAINT "ledger_products_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_receipts" ADD CONSTRAINT "ledger_receipts_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_receipts" ADD CONSTRAINT "ledger_receipts_location_id_ledger_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."ledger_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_receipts" ADD CONSTRAINT "ledger_receipts_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_receipts" ADD CONSTRAINT "ledger_receipts_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_registrations" ADD CONSTRAINT "ledger_registrations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_registrations" ADD CONSTRAINT "ledger_registrations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_container_balances_location" ON "ledger_container_balances" USING btree ("clinic_id","location_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_containers_label" ON "ledger_containers" USING btree ("clinic_id","label_number");--> statement-breakpoint
CREATE INDEX "ledger_counts_clinic" ON "ledger_counts" USING btree ("clinic_id","started_at");--> statement-breakpoint
CREATE INDEX "ledger_discrepancies_clinic" ON "ledger_discrepancies" USING btree ("clinic_id","status","opened_at");--> statement-breakpoint
CREATE INDEX "ledger_discrepancy_notes_discrepancy" ON "ledger_discrepancy_notes" USING btree ("discrepancy_id","written_at");--> statement-breakpoint
CREATE INDEX "ledger_events_clinic_seq" ON "ledger_events" USING btree ("clinic_id","seq");--> statement-breakpoint
CREATE INDEX "ledger_events_container" ON "ledger_events" USING btree ("container_id","seq");--> statement-breakpoint
CREATE INDEX "ledger_events_clinic_type_time" ON "ledger_events" USING btree ("clinic_id","type","event_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_events_one_correction" ON "ledger_events" USING btree ("corrects_event_id") WHERE "ledger_events"."corrects_event_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_locations_name" ON "ledger_locations" USING btree ("clinic_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_products_key" ON "ledger_products" USING btree ("clinic_id","key");--> statement-breakpoint
CREATE INDEX "ledger_receipts_clinic" ON "ledger_receipts" USING btree ("clinic_id","received_at");--> statement-breakpoint
CREATE INDEX "ledger_registrations_clinic" ON "ledger_registrations" USING btree ("clinic_id","recorded_at");