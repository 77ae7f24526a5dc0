import { z } from 'zod';
import { clinicSettingsSchema } from '../domain/clinic/index.js';

/**
 * The clinic itself: first-run setup (the first clinic and its administrator) and the clinic's name
 * and settings.
 */

// ---- First-run setup ---------------------------------------------------------------------------

export const setupBody = z
  .object({
    setupCode: z.string().trim().min(1).max(40),
    clinicName: z.string().trim().min(2).max(120),
    displayName: z.string().trim().min(1).max(120),
    email: z.email().max(254),
    password: z.string().max(1024),
  })
  .strict();

export const setupStatusResponse = z.object({ needsSetup: z.boolean() });

/** The new administrator is signed in with a session that must enrol an authenticator next. */
export const setupResponse = z.object({ stage: z.literal('enrol') });

export type SetupRequest = z.input<typeof setupBody>;
export type SetupStatus = z.infer<typeof setupStatusResponse>;

// ---- Clinic settings ---------------------------------------------------------------------------

/**
 * A partial change: each settings section given is merged over the stored one, and the merged
 * whole is validated against the settings schema (field errors name `body.settings.<section>.…`;
 * an unknown section or field is refused by name, `body.settings.<name>`).
 */
export const clinicSettingsBody = z
  .object({
    name: z.string().trim().min(2).max(120).optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export type ClinicSettingsRequest = z.input<typeof clinicSettingsBody>;

/** The clinic with its settings, every default filled in. */
export const clinicResponse = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  isDemo: z.boolean(),
  settings: clinicSettingsSchema,
  /**
   * Parts of the stored settings that no longer validate (saved before a rule changed): each is read
   * as its default, named here (`settings.site.bookingUrl`) with the reason. The next saved change
   * stores the defaults shown. The server always sends it, empty when everything stored is valid.
   */
  storedSettingsProblems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

export type Clinic = z.infer<typeof clinicResponse>;
