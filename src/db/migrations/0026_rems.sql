CREATE TABLE "rems_certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"status" text NOT NULL,
	"setting_identifier" text,
	"authorized_representative" text NOT NULL,
	"certified_on" date,
	"setting" jsonb NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rems_certifications_status" CHECK ("rems_certifications"."status" IN ('certified', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "rems_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"status" text NOT NULL,
	"enrolled_on" date,
	"rems_patient_id" text,
	"prescriber_id" uuid,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rems_enrolments_status" CHECK ("rems_enrolments"."status" IN ('enrolled', 'not_enrolled'))
);
--> statement-breakpoint
CREATE TABLE "rems_form_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" text NOT NULL,
	"title" text NOT NULL,
	"definition" jsonb NOT NULL,
	"loaded_by" uuid,
	"loaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rems_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"template_version" text NOT NULL,
	"treatment_date" date NOT NULL,
	"due_on" date NOT NULL,
	"staff_values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_values" jsonb,
	"submitted_at" timestamp with time zone,
	"submitted_on" date,
	"channel" text,
	"confirmation" text,
	"submitted_by" uuid,
	"reminded_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rems_forms_channel" CHECK ("rems_forms"."channel" IS NULL OR "rems_forms"."channel" IN ('online', 'fax')),
	CONSTRAINT "rems_forms_submission_complete" CHECK (("rems_forms"."submitted_at" IS NULL) = ("rems_forms"."submitted_on" IS NULL AND "rems_forms"."channel" IS NULL AND "rems_forms"."submitted_values" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "rems_certifications" ADD CONSTRAINT "rems_certifications_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rems_certifications" ADD CONSTRAINT "rems_certifications_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rems_enrolments" ADD CONSTRAINT "rems_enrolments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rems_enrolments" ADD CONSTRAINT "rems_enrolments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rems_enrolments" ADD CONSTRAINT "rems_enrolments_prescriber_id_users_id_fk" FOREIGN KEY ("prescriber_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rems_enrolments" ADD CONSTRAINT "rems_enrolments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rems_form_templates" ADD CONSTRAINT "rems_form_templates_loaded_by_users_id_fk" FOREIGN KEY ("loaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rems_forms" ADD CONSTRAINT "rems_forms_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rems_forms" ADD CONSTRAINT "rems_forms_session_id_treatment_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."treatment_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rems_forms" ADD CONSTRAINT "rems_forms_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rems_forms" ADD CONSTRAINT "rems_forms_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rems_certifications_clinic" ON "rems_certifications" USING btree ("clinic_id","recorded_at");--> statement-breakpoint
CREATE INDEX "rems_enrolments_patient" ON "rems_enrolments" USING btree ("clinic_id","patient_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rems_form_templates_version" ON "rems_form_templates" USING btree ("version");--> statement-breakpoint
CREATE UNIQUE INDEX "rems_forms_session" ON "rems_forms" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "rems_forms_due" ON "rems_forms" USING btree ("clinic_id","due_on");