CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"contact_preference" text DEFAULT 'email' NOT NULL,
	"concern" text,
	"message" text,
	"self_check" jsonb,
	"status" text DEFAULT 'new' NOT NULL,
	"staff_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"source" text DEFAULT 'site' NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leads_clinic_status_idx" ON "leads" USING btree ("clinic_id","status","created_at");--> statement-breakpoint
-- Enquiries are records of contact with a prospective patient: kept, never deleted (as patients).
CREATE TRIGGER leads_never_deleted BEFORE DELETE ON "leads"
  FOR EACH ROW EXECUTE FUNCTION arbor_refuse_rewrite();
