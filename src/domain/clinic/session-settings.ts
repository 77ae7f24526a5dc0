import { z } from 'zod';

/**
 * A clinic's settings for the treatment session (IV ketamine infusion, esketamine). Every value is a
 * default the clinic reviews; SESSION_SETTING_SOURCES gives the source and evidence level of each one, so
 * the settings page can show why it is what it is. Values the clinical source register does not verify
 * are tagged 'unverified' there: they are settings for exactly that reason.
 *
 * Settings other sections already hold are not repeated here: the Aldrete discharge threshold is the
 * measurement setting `aldreteDischargeThreshold`, the fasting hours are the scheduling setting
 * `infusionFastingHours`, and the plausible weight range is the dosing setting `plausibleWeightKg`.
 */

const mmHg = (min: number, max: number) => z.number().int().min(min).max(max);

export const bpGateSettingsSchema = z
  .object({
    /** Baseline systolic above this (mmHg) blocks the start until a physician decides. */
    systolicAbove: mmHg(100, 220).default(140),
    /** Baseline diastolic above this (mmHg) blocks the start until a physician decides. */
    diastolicAbove: mmHg(60, 140).default(90),
  })
  .strict();

export const vitalAlertSettingsSchema = z
  .object({
    /** Systolic at or above this raises a stop-consider alert. */
    systolicAtLeast: mmHg(120, 260).default(180),
    /** Diastolic at or above this raises a stop-consider alert. */
    diastolicAtLeast: mmHg(70, 160).default(110),
    /** Heart rate above this (beats/min) raises an alert. */
    heartRateAbove: z.number().int().min(80).max(200).default(110),
    /** SpO2 below this (%) raises an alert. */
    spo2Below: z.number().int().min(80).max(99).default(92),
  })
  .strict();

export const vitalsCadenceSettingsSchema = z
  .object({
    /** Minutes between vital signs while the infusion runs (or is paused). */
    ivDuringMinutes: z.number().int().min(1).max(60).default(10),
    /** Minutes between vital signs after the infusion stops. */
    ivAfterMinutes: z.number().int().min(1).max(120).default(15),
    /** A reading later than this after its due time is late (amber). */
    graceMinutes: z.number().int().min(0).max(15).default(3),
  })
  .strict()
  .refine((c) => c.graceMinutes < c.ivDuringMinutes && c.graceMinutes < c.ivAfterMinutes, {
    message: 'must be shorter than both intervals',
    path: ['graceMinutes'],
  });

export const minimumObservationSettingsSchema = z
  .object({
    /** IV ketamine: minutes from the end of the infusion before discharge. */
    ivAfterStopMinutes: z.number().int().min(0).max(480).default(30),
    /** Esketamine: minutes from the first device; the label's 2 hours is the floor. */
    esketamineFromFirstDeviceMinutes: z.number().int().min(120).max(480).default(120),
  })
  .strict();

export const rescueRoutes = ['iv', 'im', 'po', 'sl', 'odt', 'in'] as const;
export type RescueRoute = (typeof rescueRoutes)[number];

export const rescueFormularyEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be lower-case letters, digits and hyphens'),
    name: z.string().trim().min(1).max(80),
    indication: z.string().trim().min(1).max(200),
    routes: z.array(z.enum(rescueRoutes)).min(1).max(rescueRoutes.length),
    /** The usual dose as staff see it beside the entry, e.g. '1–2 mg'. */
    usualDose: z.string().trim().max(80),
    /** A single dose above this (mg) is refused; null: the clinic has set no maximum. */
    maxSingleDoseMg: z.number().positive().max(1000).nullable(),
    evidence: z.enum(['primary', 'secondary', 'unverified', 'engineering']),
    active: z.boolean(),
  })
  .strict();

const RESCUE = 'docs/clinical-sources.md#rescue-medications';

/**
 * The starting formulary (docs/clinical-sources.md#rescue-medications): ondansetron and a benzodiazepine
 * as the emergency-medicine guideline suggests, lorazepam as published protocols use it, amlodipine from a
 * published esketamine case; labetalol and clonidine are common but unverified. No maximum is set: the
 * clinic sets its own.
 */
export const DEFAULT_RESCUE_FORMULARY: readonly z.infer<typeof rescueFormularyEntrySchema>[] = [
  {
    id: 'ondansetron',
    name: 'Ondansetron',
    indication: 'Nausea or vomiting (also given before the infusion)',
    routes: ['iv', 'po', 'odt'],
    usualDose: '',
    maxSingleDoseMg: null,
    evidence: 'secondary',
    active: true,
  },
  {
    id: 'midazolam',
    name: 'Midazolam',
    indication: 'Recovery (emergence) reaction',
    routes: ['iv'],
    usualDose: '0.03 mg/kg IV',
    maxSingleDoseMg: null,
    evidence: 'secondary',
    active: true,
  },
  {
    id: 'lorazepam',
    name: 'Lorazepam',
    indication: 'Dysphoria or hallucinations',
    routes: ['iv', 'po', 'sl'],
    usualDose: '1–2 mg',
    maxSingleDoseMg: null,
    evidence: 'secondary',
    active: true,
  },
  {
    id: 'amlodipine',
    name: 'Amlodipine',
    indication: 'Raised blood pressure',
    routes: ['po'],
    usualDose: '',
    maxSingleDoseMg: null,
    evidence: 'primary',
    active: true,
  },
  {
    id: 'labetalol',
    name: 'Labetalol',
    indication: 'Raised blood pressure (unverified)',
    routes: ['iv', 'po'],
    usualDose: '',
    maxSingleDoseMg: null,
    evidence: 'unverified',
    active: true,
  },
  {
    id: 'clonidine',
    name: 'Clonidine',
    indication: 'Raised blood pressure (unverified)',
    routes: ['po'],
    usualDose: '',
    maxSingleDoseMg: null,
    evidence: 'unverified',
    active: true,
  },
];

export const sessionSettingsSchema = z
  .object({
    bpGate: bpGateSettingsSchema.default(bpGateSettingsSchema.parse({})),
    vitalAlerts: vitalAlertSettingsSchema.default(vitalAlertSettingsSchema.parse({})),
    vitalsCadence: vitalsCadenceSettingsSchema.default(vitalsCadenceSettingsSchema.parse({})),
    /** Given and ordered mg may differ by up to this percent before an explanation is required. */
    amountTolerancePercent: z.number().min(0).max(50).default(5),
    minimumObservation: minimumObservationSettingsSchema.default(minimumObservationSettingsSchema.parse({})),
    /** Ask for a pregnancy test result when the patient can be pregnant. */
    pregnancyTestRequired: z.boolean().default(false),
    rescueFormulary: z
      .array(rescueFormularyEntrySchema)
      .max(40)
      .refine((list) => new Set(list.map((e) => e.id)).size === list.length, 'lists a medicine twice')
      .default(DEFAULT_RESCUE_FORMULARY.map((e) => ({ ...e, routes: [...e.routes] }))),
  })
  .strict();

export type SessionSettings = z.infer<typeof sessionSettingsSchema>;
export type RescueFormularyEntry = z.infer<typeof rescueFormularyEntrySchema>;

export const DEFAULT_SESSION_SETTINGS: SessionSettings = sessionSettingsSchema.parse({});

export type SessionSettingEvidence = 'primary' | 'secondary' | 'unverified' | 'engineering';

export interface SessionSettingSource {
  /** Dotted path of the value in SessionSettings, e.g. 'bpGate.systolicAbove'. */
  key: string;
  /** The source in a few words. */
  source: string;
  /** The clinical source register entry, or null for an engineering choice of Arbor's. */
  section: string | null;
  evidence: SessionSettingEvidence;
}

const BP = 'docs/clinical-sources.md#blood-pressure';
const MONITORING = 'docs/clinical-sources.md#in-session-monitoring';
const ENGINEERING = { section: null, evidence: 'engineering' } as const;

/** One row per value; the test checks that every leaf of the defaults has exactly one. */
export const SESSION_SETTING_SOURCES: readonly SessionSettingSource[] = [
  {
    key: 'bpGate.systolicAbove',
    source: 'Esketamine label: above 140/90 consider delaying; some clinics refuse IV above 140/90',
    section: BP,
    evidence: 'secondary',
  },
  {
    key: 'bpGate.diastolicAbove',
    source: 'Esketamine label: above 140/90 consider delaying; some clinics refuse IV above 140/90',
    section: BP,
    evidence: 'secondary',
  },
  {
    key: 'vitalAlerts.systolicAtLeast',
    source: 'No verified stop threshold; 180/110 is one of the values in circulation',
    section: BP,
    evidence: 'unverified',
  },
  {
    key: 'vitalAlerts.diastolicAtLeast',
    source: 'No verified stop threshold; 180/110 is one of the values in circulation',
    section: BP,
    evidence: 'unverified',
  },
  {
    key: 'vitalAlerts.heartRateAbove',
    source: 'No verified threshold; a heart rate above 110 is a value in circulation',
    section: BP,
    evidence: 'unverified',
  },
  {
    key: 'vitalAlerts.spo2Below',
    source: 'No ketamine-specific saturation threshold; policies commonly use 90–92%',
    section: MONITORING,
    evidence: 'unverified',
  },
  {
    key: 'vitalsCadence.ivDuringMinutes',
    source: 'Emory and Yale series: blood pressure every 10 minutes during the infusion',
    section: MONITORING,
    evidence: 'primary',
  },
  {
    key: 'vitalsCadence.ivAfterMinutes',
    source: 'Emory series: every 15 minutes after the infusion',
    section: MONITORING,
    evidence: 'primary',
  },
  {
    key: 'vitalsCadence.graceMinutes',
    source: 'Arbor default: how late a reading may be before it shows amber',
    ...ENGINEERING,
  },
  {
    key: 'amountTolerancePercent',
    source: 'Clinic practice: no source sets how far the amount given may differ from the order',
    section: null,
    evidence: 'unverified',
  },
  {
    key: 'minimumObservation.ivAfterStopMinutes',
    source: 'Clinics report 20–45 minutes of recovery after a 40-minute infusion',
    section: 'docs/clinical-sources.md#scheduling-durations',
    evidence: 'unverified',
  },
  {
    key: 'minimumObservation.esketamineFromFirstDeviceMinutes',
    source: 'Esketamine label and REMS: at least 2 hours of monitoring',
    section: 'docs/clinical-sources.md#discharge-criteria',
    evidence: 'primary',
  },
  {
    key: 'pregnancyTestRequired',
    source: 'Pregnancy is a relative contraindication; whether to test is clinic policy',
    section: 'docs/clinical-sources.md#ketamine-pregnancy',
    evidence: 'unverified',
  },
  {
    key: 'rescueFormulary',
    source: 'ACEP guideline and published protocols; labetalol and clonidine unverified (per entry)',
    section: RESCUE,
    evidence: 'secondary',
  },
];
