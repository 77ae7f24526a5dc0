CREATE TABLE "patient_body_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"weight_kg" double precision NOT NULL,
	"height_cm" double precision NOT NULL,
	"measured_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"amends_id" uuid,
	"amendment_reason" text,
	CONSTRAINT "patient_body_measurements_weight_positive" CHECK ("patient_body_measurements"."weight_kg" > 0),
	CONSTRAINT "patient_body_measurements_height_positive" CHECK ("patient_body_measurements"."height_cm" > 0),
	CONSTRAINT "patient_body_measurements_source_valid" CHECK ("patient_body_measurements"."source" IN ('clinic-scale', 'patient-reported', 'outside-record', 'dose-entry', 'infusion-session')),
	CONSTRAINT "patient_body_measurements_amendment_has_reason" CHECK ("patient_body_measurements"."amends_id" IS NULL OR length(trim("patient_body_measurements"."amendment_reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "doses" ADD COLUMN "body_measurement_id" uuid;--> statement-breakpoint
ALTER TABLE "patient_body_measurements" ADD CONSTRAINT "patient_body_measurements_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_body_measurements" ADD CONSTRAINT "patient_body_measurements_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_body_measurements" ADD CONSTRAINT "patient_body_measurements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_body_measurements" ADD CONSTRAINT "patient_body_measurements_amends_id_patient_body_measurements_id_fk" FOREIGN KEY ("amends_id") REFERENCES "public"."patient_body_measurements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_body_measurements_patient_idx" ON "patient_body_measurements" USING btree ("clinic_id","patient_id","measured_at");--> statement-breakpoint
CREATE UNIQUE INDEX "patient_body_measurements_amends_unique" ON "patient_body_measurements" USING btree ("amends_id") WHERE "patient_body_measurements"."amends_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "doses" ADD CONSTRAINT "doses_body_measurement_id_patient_body_measurements_id_fk" FOREIGN KEY ("body_measurement_id") REFERENCES "public"."patient_body_measurements"("id") ON DELETE no action ON UPDATE no action;