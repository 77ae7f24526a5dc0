CREATE TABLE "session_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"client_entry_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"event_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"state_after" text NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "session_entries_not_after_record" CHECK ("session_entries"."event_at" <= "session_entries"."recorded_at")
);
--> statement-breakpoint
CREATE TABLE "treatment_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"appointment_id" uuid,
	"kind" text NOT NULL,
	"state" text DEFAULT 'checked_in' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"chair_label" text,
	"dose_id" uuid,
	"checked_in_at" timestamp with time zone NOT NULL,
	"checked_in_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "treatment_sessions_kind" CHECK ("treatment_sessions"."kind" IN ('iv_ketamine', 'esketamine')),
	CONSTRAINT "treatment_sessions_state" CHECK ("treatment_sessions"."state" IN ('checked_in', 'checklist_done', 'infusing', 'paused', 'recovery', 'discharged', 'ended_early', 'transferred_out', 'note_signed'))
);
--> statement-breakpoint
ALTER TABLE "session_entries" ADD CONSTRAINT "session_entries_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_entries" ADD CONSTRAINT "session_entries_session_id_treatment_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."treatment_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_entries" ADD CONSTRAINT "session_entries_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_entries" ADD CONSTRAINT "session_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_dose_id_doses_id_fk" FOREIGN KEY ("dose_id") REFERENCES "public"."doses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_checked_in_by_users_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "session_entries_client_id" ON "session_entries" USING btree ("session_id","client_entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_entries_version" ON "session_entries" USING btree ("session_id","version");--> statement-breakpoint
CREATE INDEX "session_entries_session" ON "session_entries" USING btree ("session_id","event_at");--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_sessions_appointment" ON "treatment_sessions" USING btree ("appointment_id") WHERE "treatment_sessions"."appointment_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "treatment_sessions_clinic_day" ON "treatment_sessions" USING btree ("clinic_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "treatment_sessions_patient" ON "treatment_sessions" USING btree ("clinic_id","patient_id","checked_in_at");