import { z } from 'zod';
import { benzodiazepineTableSchema, ruleSettingsSchema } from '../intake/index.js';

/**
 * A clinic's intake, screening and consent settings. The screening rules and the diazepam table carry
 * their own sources (docs/clinical-sources.md#benzodiazepine-equivalents); the expiry periods are
 * engineering defaults (docs/clinical-sources.md#consent-versioning) a clinic sets for itself.
 */
export const intakeSettingsSchema = z
  .object({
    /** Per rule: enabled, and a threshold where the rule allows one (hard stops cannot be disabled). */
    rules: ruleSettingsSchema.default({}),
    /** The clinic's own diazepam-equivalence table; null for the default (Ashton). */
    benzodiazepineTable: benzodiazepineTableSchema.nullable().default(null),
    /** An eligibility decision lapses after this many days (null: never). Engineering default: 180. */
    decisionExpiryDays: z.number().int().min(7).max(730).nullable().default(180),
    /** A signed consent lapses after this many days (null: never). Engineering default: 365. */
    consentExpiryDays: z.number().int().min(30).max(1095).nullable().default(365),
    /** A link to the intake or a consent form sent to the patient works for this many hours (not clinical). */
    formLinkExpiryHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24 * 7),
    /** A form opened on a clinic tablet in kiosk mode works for this many minutes (not clinical). */
    formKioskMinutes: z.number().int().min(10).max(240).default(90),
  })
  .strict();

export type IntakeSettings = z.infer<typeof intakeSettingsSchema>;
