import { z } from 'zod';
import { DEFAULT_DOSING_SETTINGS, dosingSettingsSchema } from '../dosing';

/**
 * Per-clinic settings with their defaults. Security defaults follow HIPAA, ONC and OWASP ASVS
 * 5.0 §6.3/§7.3 (see docs/security.md): they are configurable, within floors that keep them safe.
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

/**
 * Measurement-based care (docs/measurement-based-care.md). Each clinical default cites its entry in the
 * clinical source register (docs/clinical-sources.md); [secondary] and disputed values are settings for
 * exactly that reason.
 */
export const measurementSettingsSchema = z
  .object({
    /** Self-report links expire after this many hours (Arbor default, not a clinical value: 72 h). */
    linkExpiryHours: z.number().int().min(1).max(336).default(72),
    /** A kiosk hand-over is for the patient at the desk now: it lapses sooner. */
    kioskExpiryMinutes: z.number().int().min(5).max(240).default(30),
    /**
     * Response = reduction from baseline ≥ this percent [primary]
     * (docs/clinical-sources.md#response-definition).
     */
    responsePercent: z.number().min(1).max(100).default(50),
    /**
     * PHQ-9 remission: total below this, McInnes 2022 [primary]
     * (docs/clinical-sources.md#remission-definition).
     */
    phq9RemissionBelow: z.number().int().min(1).max(27).default(5),
    /**
     * QIDS-SR16 remission: total at most this, CRTCE [primary]
     * (docs/clinical-sources.md#remission-definition).
     */
    qidsRemissionAtMost: z.number().int().min(0).max(27).default(5),
    /**
     * MADRS remission: total at most this (KetECT ≤ 10; TRANSFORM-3 used ≤ 12;
     * docs/clinical-sources.md#remission-definition).
     */
    madrsRemissionAtMost: z.number().int().min(0).max(60).default(10),
    /**
     * PCL-5 provisional cut-off, VA National Center for PTSD 31–33 [secondary]
     * (docs/clinical-sources.md#pcl5-cut-off).
     */
    pcl5CutOff: z.number().int().min(0).max(80).default(33),
    /**
     * Modified Aldrete discharge threshold, usually ≥ 9 [secondary]
     * (docs/clinical-sources.md#aldrete-score).
     */
    aldreteDischargeThreshold: z.number().int().min(0).max(10).default(9),
    /** How long after it falls due a scheduled questionnaire counts as overdue rather than due. */
    overdueAfterHours: z.number().int().min(1).max(336).default(24),
  })
  .strict();

/** A colour as #rrggbb, so that the site's stylesheet can be built from settings without injection. */
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f5f5b');

export const siteLocationSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    address: z.string().trim().min(1).max(300),
    hours: z.string().trim().max(300).default(''),
  })
  .strict();

/**
 * The public education site's white label (docs/site.md): what the clinic calls itself, how it looks
 * and how to reach it. The demo values are placeholders a clinic replaces in the staff app.
 */
export const siteSettingsSchema = z
  .object({
    /** Shown in the header and page titles; empty means the clinic's name. */
    displayName: z.string().trim().max(120).default(''),
    tagline: z.string().trim().max(200).default('Careful, evidence-based ketamine treatment'),
    logoText: z.string().trim().max(40).default('Arbor'),
    /** A same-origin path or https URL of a logo image; empty shows the logo text. */
    logoUrl: z
      .string()
      .trim()
      .max(500)
      .refine(
        (v) => v === '' || v.startsWith('/') || v.startsWith('https://'),
        'must be a path or an https URL',
      )
      .default(''),
    primaryColour: hexColour.default('#1f5f5b'),
    accentColour: hexColour.default('#8a4b14'),
    phone: z.string().trim().max(40).default('(555) 010-0199'),
    email: z.string().trim().max(200).default('hello@demo.arbor.test'),
    address: z.string().trim().max(300).default('100 Example Street, Suite 2, Springfield, ST 00000'),
    hours: z.string().trim().max(300).default('Monday to Friday 8 am – 5 pm; infusions by appointment'),
    /** An external booking page; empty sends visitors to the consultation form. */
    bookingUrl: z
      .string()
      .trim()
      .max(500)
      .refine(
        (v) => v === '' || v.startsWith('https://') || v.startsWith('/'),
        'must be a path or an https URL',
      )
      .default(''),
    /** The site's public address, used for canonical links and the sitemap; empty uses the request's host. */
    publicUrl: z
      .string()
      .trim()
      .max(200)
      .refine(
        (v) => v === '' || /^https?:\/\/[^/\s]+$/.test(v),
        'must be an origin such as https://clinic.example',
      )
      .default(''),
    locations: z
      .array(siteLocationSchema)
      .max(20)
      .default([
        {
          name: 'Main clinic',
          address: '100 Example Street, Suite 2, Springfield, ST 00000',
          hours: 'Mon–Fri 8 am – 5 pm',
        },
      ]),
    costNote: z
      .string()
      .trim()
      .max(1000)
      .default(
        'A consultation is billed separately from infusions. Infusions for depression are usually paid for by the patient; we give you a written estimate before you start.',
      ),
    insuranceNote: z
      .string()
      .trim()
      .max(1000)
      .default(
        'Most insurers do not cover off-label IV ketamine. We provide a receipt (superbill) you can submit for possible out-of-network reimbursement. Esketamine (Spravato) is often covered; ask us to check your plan.',
      ),
  })
  .strict();

export const clinicSettingsSchema = z
  .object({
    timeZone: z.string().trim().min(1).max(64).default('America/New_York'),
    security: securitySettingsSchema.default(securitySettingsSchema.parse({})),
    crisisLine: crisisLineSchema.default(crisisLineSchema.parse({})),
    measurement: measurementSettingsSchema.default(measurementSettingsSchema.parse({})),
    site: siteSettingsSchema.default(siteSettingsSchema.parse({})),
    /**
     * Dosing (docs/dosing.md): weight basis, plausible ranges, bag convention, rounding and second-clinician
     * verification. Defaults and their sources live with the calculator (DEFAULT_DOSING_SETTINGS and
     * DOSING_SETTING_SOURCES in src/domain/dosing; docs/dosing.md §3).
     */
    dosing: dosingSettingsSchema.default(structuredClone(DEFAULT_DOSING_SETTINGS)),
  })
  .passthrough();

export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;
export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export type CrisisLine = z.infer<typeof crisisLineSchema>;
export type MeasurementSettings = z.infer<typeof measurementSettingsSchema>;

/** Settings as stored may predate a newer default; unknown sections are kept for other modules. */
export function readClinicSettings(stored: unknown): ClinicSettings {
  const parsed = clinicSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : clinicSettingsSchema.parse({});
}
