import { z } from 'zod';
import { DEFAULT_DOSING_SETTINGS, dosingSettingsSchema } from '../dosing';
import { DEFAULT_LEDGER_SETTINGS, ledgerSettingsSchema } from '../ledger';
import { intakeSettingsSchema } from './intake-settings';
import { sessionSettingsSchema } from './session-settings';
import { schedulingSettingsSchema } from './scheduling-settings';

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

/** Wording of one item of a clinic's licensed copy: one line of plain text, at most 300 characters. */
const licensedWording = z
  .string()
  .trim()
  .max(300)
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must be one line of text without control characters')
  .default('');

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
    // ---- Safety alerts: the answer on each suicide item that opens one (docs/clinical-sources.md) ----
    /** PHQ-9 item 9 ≥ this → C-SSRS workflow; ≥ 1 [primary/secondary] (#phq9-item9). */
    phq9SafetyAlertFrom: z.number().int().min(1).max(3).default(1),
    /** QIDS-SR16 item 12 ≥ this; ≥ 1 mirrors PHQ-9 item 9, no source sets it [unverified] (#suicide-item-alerts). */
    qidsSafetyAlertFrom: z.number().int().min(1).max(3).default(1),
    /** MADRS item 10 ≥ this; 2 is the first anchor naming suicidal thoughts [unverified] (#suicide-item-alerts). */
    madrsSafetyAlertFrom: z.number().int().min(1).max(6).default(2),
    /** C-SSRS: high risk always opens an alert [secondary] (#cssrs-screener); moderate too when on. */
    cssrsAlertAtModerateRisk: z.boolean().default(false),
    // ---- Severity and discharge rules the register tags [secondary] or [unverified] ----
    /** C-SSRS items whose "yes" makes the risk at least moderate: Q3, or Q6 > 3 months ago [unverified]. */
    cssrsModerateItems: z
      .array(z.enum(['item1', 'item2', 'item3', 'item6']))
      .max(4)
      .refine((items) => new Set(items).size === items.length, 'lists an item twice')
      .default(['item3', 'item6']),
    /** MADRS band cut points: Snaith 1986 [secondary]; severe ≥ 35 Müller 2000 [primary], 31 Müller 2003. */
    madrsMildFrom: z.number().int().min(1).max(60).default(7),
    madrsModerateFrom: z.number().int().min(1).max(60).default(20),
    madrsSevereFrom: z.number().int().min(1).max(60).default(35),
    /** BPI-SF severity bands (mean 0–10): 5 moderate, 7 severe [secondary] (#pain-scales). */
    bpiModerateFrom: z.number().min(0.5).max(10).default(5),
    bpiSevereFrom: z.number().min(0.5).max(10).default(7),
    /** Aldrete variant: also discharge-ready at 8 with respiration and SpO2 both 2 [secondary] (#aldrete-score). */
    aldreteAllowEightWithRespirationAndSpo2: z.boolean().default(false),
    /** PCL-5 response: reduction of at least this many points, VA guidance [secondary] (#response-definition). */
    pcl5ResponsePoints: z.number().int().min(1).max(80).default(10),
    /** Pain NRS and BPI-SF severity response: reduction ≥ this percent, IMMPACT [secondary] (#response-definition). */
    painResponsePercent: z.number().min(1).max(100).default(30),
    /**
     * The wording of the clinic's licensed CADSS copy for the six CADSS-6 items, shown with each item;
     * Arbor stores none of its own (docs/clinical-sources.md#cadss6-wording). Empty = none attached.
     */
    cadss6ItemWording: z
      .object(
        Object.fromEntries(
          ['item1', 'item2', 'item3', 'item4', 'item5', 'item6'].map((id) => [id, licensedWording]),
        ) as Record<'item1' | 'item2' | 'item3' | 'item4' | 'item5' | 'item6', typeof licensedWording>,
      )
      .strict()
      .default({ item1: '', item2: '', item3: '', item4: '', item5: '', item6: '' }),
  })
  .strict()
  .superRefine((s, ctx) => {
    // Bands must rise; the message sits on the field that does not (a 400 names it).
    const rising = (keys: readonly (keyof typeof s)[], labels: readonly string[]) => {
      for (let i = 1; i < keys.length; i++) {
        if (!((s[keys[i]!] as number) > (s[keys[i - 1]!] as number))) {
          ctx.addIssue({
            code: 'custom',
            path: [keys[i]!],
            message: `must be above the ${labels[i - 1]} (${String(s[keys[i - 1]!])})`,
          });
        }
      }
    };
    rising(
      ['madrsMildFrom', 'madrsModerateFrom', 'madrsSevereFrom'],
      ['lowest “mild” total', 'lowest “moderate” total'],
    );
    rising(['bpiModerateFrom', 'bpiSevereFrom'], ['lowest “moderate” mean']);
  });

/**
 * The audit report's bulk-access notice. A user who opens the records of more than this many
 * different patients in one clock hour (UTC) is listed for an administrator to review. It is a
 * heuristic of Arbor's, not a standard: set it above what a busy day at this clinic looks like.
 */
export const auditSettingsSchema = z
  .object({
    bulkAccessPatientsPerHour: z.number().int().min(2).max(10_000).default(50),
  })
  .strict();

/** A colour as #rrggbb, so that the site's stylesheet can be built from settings without injection. */
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f5f5b');

/**
 * An absolute https URL naming a host, with no user name, password, spaces or control characters.
 * Addresses shown to the public must be this: `//evil.example` and `/\evil.example` are read by
 * browsers as another host, and `javascript:` or `http:` addresses have no place on the site.
 */
export function isPublicHttpsUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (!/^https:\/\/[^/\\]/i.test(value) || /[\s\u0000-\u001f\u007f\\]/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** A root-relative path on this site: one slash first (two, or a backslash, would name another host). */
function isSitePath(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  return /^\/(?![/\\])[^\s\u0000-\u001f\u007f\\]*$/.test(value);
}

/** An origin such as `https://clinic.example` (http only on a loopback host, for trying Arbor out). */
function isSiteOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    const scheme = url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
    return scheme && url.origin === value && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const siteLocationSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    address: z.string().trim().min(1).max(300),
    hours: z.string().trim().max(300).default(''),
  })
  .strict();

/**
 * The public education site's white label (docs/site.md): what the clinic calls itself, how it looks
 * and how to reach it. Contact details, hours, logo text and locations start empty: the site says what
 * is missing rather than showing invented details. Only the demo clinic shows DEMO_SITE_CONTACT.
 */
export const siteSettingsSchema = z
  .object({
    /** Shown in the header and page titles; empty means the clinic's name. */
    displayName: z.string().trim().max(120).default(''),
    tagline: z.string().trim().max(200).default('Careful, evidence-based ketamine treatment'),
    /** Short text beside the logo mark; empty shows the display name (or the clinic's name). */
    logoText: z.string().trim().max(40).default(''),
    /** A path on this site or an https URL of a logo image; empty shows the logo text. */
    logoUrl: z
      .string()
      .trim()
      .max(500)
      .refine(
        (v) => v === '' || isSitePath(v) || isPublicHttpsUrl(v),
        'must be a path on this site (/…) or an https URL',
      )
      .default(''),
    primaryColour: hexColour.default('#1f5f5b'),
    accentColour: hexColour.default('#8a4b14'),
    phone: z.string().trim().max(40).default(''),
    email: z.string().trim().max(200).default(''),
    address: z.string().trim().max(300).default(''),
    hours: z.string().trim().max(300).default(''),
    /** An external booking page (an absolute https URL); empty sends visitors to the consultation form. */
    bookingUrl: z
      .string()
      .trim()
      .max(500)
      .refine(
        (v) => v === '' || isPublicHttpsUrl(v),
        'must be an https URL such as https://book.example/clinic',
      )
      .default(''),
    /** The site's public address, used for canonical links and the sitemap; empty uses the request's host. */
    publicUrl: z
      .string()
      .trim()
      .max(200)
      .refine((v) => v === '' || isSiteOrigin(v), 'must be an https origin such as https://clinic.example')
      .default(''),
    locations: z.array(siteLocationSchema).max(20).default([]),
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

/**
 * The placeholder contact details the demo clinic's public site shows where its own are empty. A real
 * clinic never shows them.
 */
export const DEMO_SITE_CONTACT = {
  logoText: 'Arbor',
  phone: '(555) 010-0199',
  email: 'hello@demo.arbor.test',
  address: '100 Example Street, Suite 2, Springfield, ST 00000',
  hours: 'Monday to Friday 8 am – 5 pm; infusions by appointment',
  locations: [
    {
      name: 'Main clinic',
      address: '100 Example Street, Suite 2, Springfield, ST 00000',
      hours: 'Mon–Fri 8 am – 5 pm',
    },
  ],
} as const satisfies Partial<z.infer<typeof siteSettingsSchema>>;

/**
 * The canonical name of an IANA time zone the runtime knows (`america/chicago` → `America/Chicago`,
 * `US/Eastern` → `America/New_York`), or undefined: offsets, abbreviations it does not know and
 * made-up names are not time zones a clinic's calendar can follow.
 */
export function canonicalTimeZone(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return undefined;
  // Settings are read on every scheduling request, and building a DateTimeFormat is the costly part.
  if (knownZones.has(name)) return knownZones.get(name);
  let canonical: string | undefined;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    canonical = undefined;
  }
  if (knownZones.size < 1000) knownZones.set(name, canonical);
  return canonical;
}
const knownZones = new Map<string, string | undefined>();

const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(
    (name) => canonicalTimeZone(name) !== undefined,
    'must be an IANA time zone such as America/New_York',
  )
  .overwrite((name) => canonicalTimeZone(name) ?? name);

/** Every section is strict: an unknown section or field is refused, never stored. */
export const clinicSettingsSchema = z
  .object({
    timeZone: timeZoneSchema.default('America/New_York'),
    security: securitySettingsSchema.default(securitySettingsSchema.parse({})),
    crisisLine: crisisLineSchema.default(crisisLineSchema.parse({})),
    measurement: measurementSettingsSchema.default(measurementSettingsSchema.parse({})),
    site: siteSettingsSchema.default(siteSettingsSchema.parse({})),
    audit: auditSettingsSchema.default(auditSettingsSchema.parse({})),
    /**
     * Dosing (docs/dosing.md): weight basis, plausible ranges, bag convention, rounding and second-clinician
     * verification. Defaults and their sources live with the calculator (DEFAULT_DOSING_SETTINGS and
     * DOSING_SETTING_SOURCES in src/domain/dosing; docs/dosing.md §3).
     */
    dosing: dosingSettingsSchema.default(structuredClone(DEFAULT_DOSING_SETTINGS)),
    /** Scheduling (docs/scheduling.md): opening hours, nurse capacity, induction series, reminders. */
    scheduling: schedulingSettingsSchema.default(schedulingSettingsSchema.parse({})),
    /** Intake, screening rules and consent (docs/intake-and-consent.md). */
    intake: intakeSettingsSchema.default(intakeSettingsSchema.parse({})),
    /** The treatment session: BP gate, vital-sign alerts, cadence, observation, rescue formulary (docs/infusion-session.md). */
    session: sessionSettingsSchema.default(sessionSettingsSchema.parse({})),
    /**
     * The controlled-substance ledger (docs/controlled-substance-ledger.md): witness rules, count cadence,
     * inventory interval, retention, small-loss pattern. Sources in LEDGER_SETTING_SOURCES (src/domain/ledger).
     */
    ledger: ledgerSettingsSchema.default({ ...DEFAULT_LEDGER_SETTINGS }),
  })
  .strict();

export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;
export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export type CrisisLine = z.infer<typeof crisisLineSchema>;
export type MeasurementSettings = z.infer<typeof measurementSettingsSchema>;
export type AuditSettings = z.infer<typeof auditSettingsSchema>;

/** A part of the stored settings that did not validate and was read as its default instead. */
export interface StoredSettingsProblem {
  /** `settings.<section>.<field>`, `settings.<section>` or `settings` (the whole document). */
  field: string;
  message: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function parentOf(root: Json, path: readonly string[]): Json | undefined {
  let node: unknown = root;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return isObject(node) ? node : undefined;
}

/**
 * Stored settings may predate a rule (a stricter URL check, a field or section since removed). They
 * are read, never refused: each part that does not validate is read as its default (the field, or
 * the whole section when that is not enough), the rest as stored, and `problems` names each part so
 * the settings page can say so. Nothing here writes: the next saved change stores a clean document.
 */
export function readClinicSettingsChecked(stored: unknown): {
  settings: ClinicSettings;
  problems: StoredSettingsProblem[];
} {
  const first = clinicSettingsSchema.safeParse(stored ?? {});
  if (first.success) return { settings: first.data, problems: [] };
  const problems = new Map<string, string>();
  const answer = (settings: ClinicSettings) => ({
    settings,
    problems: [...problems].map(([field, message]) => ({ field, message })),
  });
  if (!isObject(stored)) {
    problems.set('settings', 'is not an object; every default is used');
    return answer(clinicSettingsSchema.parse({}));
  }
  const working = structuredClone(stored);
  const note = (path: readonly string[], message: string) => {
    const field = ['settings', ...path].join('.');
    if (!problems.has(field)) problems.set(field, message);
  };
  let error = first.error;
  // Each round drops at least one stored part, so this ends; the bound is only a guard.
  for (let round = 0; round < 50; round++) {
    for (const issue of error.issues) {
      const path = issue.path.map(String);
      if (issue.code === 'unrecognized_keys') {
        const parent = parentOf(working, path);
        for (const key of issue.keys) {
          if (parent) delete parent[key];
          note([...path, key], 'is not a setting Arbor knows; ignored');
        }
        continue;
      }
      // The section's field that holds the problem (a whole list, for a problem inside one).
      const cut = path.slice(0, 2);
      const parent = parentOf(working, cut.slice(0, -1));
      const key = cut[cut.length - 1];
      if (key !== undefined && parent && key in parent) {
        delete parent[key];
        note(cut, `${issue.message}; the default is used`);
      } else if (cut.length > 0 && cut[0]! in working) {
        // Already at its default and still failing (a field without one): the section's defaults.
        delete working[cut[0]!];
        note([cut[0]!], 'could not be read; every default of this section is used');
      }
    }
    const next = clinicSettingsSchema.safeParse(working);
    if (next.success) return answer(next.data);
    error = next.error;
  }
  problems.set('settings', 'could not be read; every default is used');
  return answer(clinicSettingsSchema.parse({}));
}

/** The clinic's settings with every default filled in; see `readClinicSettingsChecked`. */
export function readClinicSettings(stored: unknown): ClinicSettings {
  return readClinicSettingsChecked(stored).settings;
}
