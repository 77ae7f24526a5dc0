CREATE TABLE "clinic_protocols" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"protocol_id" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"copied_from_id" text,
	"copied_from_version" integer,
	"copied_from_origin" text,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinic_protocols_version_positive" CHECK ("clinic_protocols"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "doses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"protocol_origin" text NOT NULL,
	"protocol_id" text NOT NULL,
	"protocol_version" integer NOT NULL,
	"step_id" text NOT NULL,
	"protocol_snapshot" jsonb NOT NULL,
	"inputs" jsonb NOT NULL,
	"settings" jsonb NOT NULL,
	"weight_basis" text,
	"weight_kg" double precision,
	"weight_used_kg" double precision,
	"height_cm" double precision,
	"sex" text,
	"total_mg" double precision NOT NULL,
	"mg_per_kg" double precision,
	"result" jsonb NOT NULL,
	"status" text DEFAULT 'ordered' NOT NULL,
	"verification_required" boolean NOT NULL,
	"ordered_by" uuid NOT NULL,
	"ordered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"finalised_by" uuid,
	"finalised_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"amends_dose_id" uuid,
	"amendment_reason" text,
	CONSTRAINT "doses_status_valid" CHECK ("doses"."status" IN ('ordered', 'verified', 'final', 'cancelled')),
	CONSTRAINT "doses_verifier_differs" CHECK ("doses"."verified_by" IS NULL OR "doses"."verified_by" <> "doses"."ordered_by"),
	CONSTRAINT "doses_cancel_has_reason" CHECK ("doses"."status" <> 'cancelled' OR length(trim("doses"."cancel_reason")) > 0),
	CONSTRAINT "doses_amendment_has_reason" CHECK ("doses"."amends_dose_id" IS NULL OR length(trim("doses"."amendment_reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "clinic_protocols" ADD CONSTRAINT "clinic_protocols_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_protocols" ADD CONSTRAINT "clinic_protocols_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doses" ADD CONSTRAINT "doses_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doses" ADD CONSTRAINT "doses_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doses" ADD CONSTRAINT "doses_ordered_by_users_id_fk" FOREIGN KEY ("ordered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doses" ADD CONSTRAINT "doses_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doses" ADD CONSTRAINT "doses_finalised_by_users_id_fk" FOREIGN KEY ("finalised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doses" ADD CONSTRAINT "doses_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clinic_protocols_version_unique" ON "clinic_protocols" USING btree ("clinic_id","protocol_id","version");--> statement-breakpoint
CREATE INDEX "doses_patient_idx" ON "doses" USING btree ("clinic_id","patient_id","ordered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "doses_amends_unique" ON "doses" USING btree ("amends_dose_id") WHERE "doses"."amends_dose_id" IS NOT NULL;