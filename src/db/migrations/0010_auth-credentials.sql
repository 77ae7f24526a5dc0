ALTER TABLE "recovery_codes" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_must_change" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Recovery codes left over from an earlier enrolment are revoked: those of accounts whose
-- authenticator was reset (no enrolment now), and those made before the account's current
-- enrolment (the codes of an enrolment are made in its own transaction, so a minute of clock
-- difference between the app and the database cannot revoke them).
UPDATE "recovery_codes" AS rc
SET "revoked_at" = now()
FROM "users" AS u
WHERE u."id" = rc."user_id"
  AND rc."used_at" IS NULL
  AND rc."revoked_at" IS NULL
  AND (u."totp_enrolled_at" IS NULL OR rc."created_at" < u."totp_enrolled_at" - interval '1 minute');
