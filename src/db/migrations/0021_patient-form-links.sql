CREATE TABLE "patient_form_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"consent_template_code" text,
	"token_hash" text NOT NULL,
	"channel" text NOT NULL,
	"recipient_hint" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone,
	"proof_hash" text,
	"failed_checks" integer DEFAULT 0 NOT NULL,
	"locked_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	CONSTRAINT "patient_form_links_purpose" CHECK ("patient_form_links"."purpose" IN ('intake', 'consent')),
	CONSTRAINT "patient_form_links_consent_code" CHECK (("patient_form_links"."purpose" = 'consent') = ("patient_form_links"."consent_template_code" IS NOT NULL)),
	CONSTRAINT "patient_form_links_channel" CHECK ("patient_form_links"."channel" IN ('email', 'sms', 'copy', 'kiosk'))
);
--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "form_link_id" uuid;--> statement-breakpoint
ALTER TABLE "intake_revisions" ADD COLUMN "form_link_id" uuid;--> statement-breakpoint
ALTER TABLE "patient_form_links" ADD CONSTRAINT "patient_form_links_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_form_links" ADD CONSTRAINT "patient_form_links_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_form_links" ADD CONSTRAINT "patient_form_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_form_links" ADD CONSTRAINT "patient_form_links_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "patient_form_links_token" ON "patient_form_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "patient_form_links_patient" ON "patient_form_links" USING btree ("clinic_id","patient_id","created_at");