import { z } from 'zod';

/**
 * Per-clinic settings with their defaults. Security values follow the defaults and ASVS
 * 5.0 §6.3/§7.3 (security.md §3): they are configurable, within floors that keep them safe.
 */
export const securitySettingsSchema = z
  .object({
    /** Automatic logoff after inactivity (HIPAA 164.312(a)(2)(iii); ONC (d)(5)). */
    sessionIdleMinutes: z.number().int().min(1).max(30).default(15),
    /** Absolute session lifetime (ASVS 4.0.3 V3.3.2 L2: 12 hours). */
    sessionAbsoluteHours: z.number().int().min(1).max(12).default(12),
    passwordFailuresPerAccount: z.number().int().min(3).max(20).default(5),
    passwordFailuresPerIp: z.number().int().min(5).max(200).default(30),
    mfaFailuresPerUser: z.number().int().min(3).max(10).default(5),
    /** Locks expire by themselves, so an attacker cannot lock a user out for good (ASVS 6.1.1). */
    lockMinutes: z.number().int().min(1).max(60).default(15),
  })
  .strict();

export const crisisLineSchema = z
  .object({
    label: z.string().trim().min(1).max(120).default('988 Suicide & Crisis Lifeline'),
    phone: z.string().trim().min(1).max(40).default('988'),
    text: z.string().trim().max(40).default('988'),
    note: z.string().trim().max(300).default('If you are in immediate danger, call 911.'),
  })
  .strict();

export const clinicSettingsSchema = z
  .object({
    timeZone: z.string().trim().min(1).max(64).default('America/New_York'),
    security: securitySettingsSchema.default(securitySettingsSchema.parse({})),
    crisisLine: crisisLineSchema.default(crisisLineSchema.parse({})),
  })
  .passthrough();

export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

/** Settings as stored may predate a newer default; unknown sections are kept for other modules. */
export function readClinicSettings(stored: unknown): ClinicSettings {
  const parsed = clinicSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : clinicSettingsSchema.parse({});
}
