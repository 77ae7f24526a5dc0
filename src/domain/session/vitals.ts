import type { Problem, Result, SourceRef } from './session-types.js';
import { fail, ok } from './session-types.js';

/**
 * One set of vital signs, entered on one line at the chair ("142/88 76 98 16": blood pressure, heart
 * rate, SpO2 and, optionally, respiratory rate) or labelled in any order ("bp 142/88 hr 76 spo2 98 rr 16").
 * Three tiers protect the record: values no living patient has are refused naming the field; values that
 * are possible but unlikely (often a typing slip) ask for confirmation; and the clinic's alert thresholds,
 * which no source verifies, raise alerts tagged 'unverified'.
 */

export const VITAL_FIELDS = ['systolic', 'diastolic', 'heartRate', 'spo2', 'respiratoryRate'] as const;
export type VitalField = (typeof VITAL_FIELDS)[number];

export interface VitalsReading {
  systolic: number;
  diastolic: number;
  heartRate: number;
  spo2: number;
  /** Optional on the quick line; the pre-treatment baseline asks for it. */
  respiratoryRate: number | null;
}

export const VITAL_LABELS: Readonly<Record<VitalField, string>> = {
  systolic: 'systolic BP',
  diastolic: 'diastolic BP',
  heartRate: 'heart rate',
  spo2: 'SpO2',
  respiratoryRate: 'respiratory rate',
};

/**
 * Hard limits: outside these a value is refused, not confirmed. Engineering defaults, wide enough for any
 * living adult and narrow enough to catch a slipped digit (400/20, SpO2 120).
 */
export const VITAL_HARD_LIMITS: Readonly<Record<VitalField, { min: number; max: number }>> = {
  systolic: { min: 50, max: 300 },
  diastolic: { min: 20, max: 200 },
  heartRate: { min: 20, max: 250 },
  spo2: { min: 50, max: 100 },
  respiratoryRate: { min: 4, max: 60 },
};

/** Possible but unlikely: accepted only when the nurse confirms the value (engineering defaults). */
export const VITAL_CONFIRMATION_BAND: readonly {
  field: VitalField;
  when: 'above' | 'below';
  value: number;
}[] = [
  { field: 'systolic', when: 'above', value: 220 },
  { field: 'systolic', when: 'below', value: 80 },
  { field: 'heartRate', when: 'below', value: 40 },
  { field: 'heartRate', when: 'above', value: 150 },
  { field: 'spo2', when: 'below', value: 85 },
  { field: 'respiratoryRate', when: 'below', value: 8 },
  { field: 'respiratoryRate', when: 'above', value: 30 },
];

export interface CheckedVitals {
  reading: VitalsReading;
  /** Fields whose value must be confirmed before it is charted. */
  needsConfirmation: Problem[];
}

const LABELS: Readonly<Record<string, VitalField | 'bp'>> = {
  bp: 'bp',
  hr: 'heartRate',
  pulse: 'heartRate',
  p: 'heartRate',
  spo2: 'spo2',
  sat: 'spo2',
  sats: 'spo2',
  o2: 'spo2',
  rr: 'respiratoryRate',
  resp: 'respiratoryRate',
};

type Parsed = Partial<Record<VitalField, string>>;

function splitBp(text: string, into: Parsed): boolean {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) return false;
  into.systolic = m[1];
  into.diastolic = m[2];
  return true;
}

function parseLabelled(tokens: string[]): Result<Parsed> {
  const out: Parsed = {};
  for (let i = 0; i < tokens.length; i += 2) {
    const label = LABELS[tokens[i]!.replace(/[:=]$/, '')];
    const value = tokens[i + 1];
    if (!label) return fail([{ field: 'line', message: `does not know “${tokens[i]}”` }]);
    if (value === undefined)
      return fail([{ field: label === 'bp' ? 'systolic' : label, message: 'has no value' }]);
    if (label === 'bp') {
      if (!splitBp(value, out))
        return fail([{ field: 'systolic', message: 'write blood pressure as 142/88' }]);
    } else out[label] = value;
  }
  return ok(out);
}

function parsePositional(tokens: string[]): Result<Parsed> {
  const [bp, ...rest] = tokens;
  const out: Parsed = {};
  if (bp === undefined || !splitBp(bp, out))
    return fail([{ field: 'systolic', message: 'start the line with the blood pressure, e.g. 142/88' }]);
  if (rest.length < 2 || rest.length > 3)
    return fail([{ field: 'line', message: 'expected “BP HR SpO2 [RR]”, e.g. 142/88 76 98 16' }]);
  [out.heartRate, out.spo2, out.respiratoryRate] = rest;
  return ok(out);
}

function toReading(parsed: Parsed): Result<VitalsReading> {
  const problems: Problem[] = [];
  const value = (field: VitalField): number | null => {
    const text = parsed[field];
    if (text === undefined) {
      if (field !== 'respiratoryRate') problems.push({ field, message: 'is missing' });
      return null;
    }
    if (!/^\d+$/.test(text)) {
      problems.push({ field, message: `must be a whole number, not “${text}”` });
      return null;
    }
    return Number(text);
  };
  const reading = {
    systolic: value('systolic'),
    diastolic: value('diastolic'),
    heartRate: value('heartRate'),
    spo2: value('spo2'),
    respiratoryRate: value('respiratoryRate'),
  };
  return problems.length > 0 ? fail(problems) : ok(reading as VitalsReading);
}

/** Refuse impossible values; list the unlikely ones for confirmation. */
export function checkVitals(reading: VitalsReading): Result<CheckedVitals> {
  const problems: Problem[] = [];
  for (const field of VITAL_FIELDS) {
    const v = reading[field];
    if (v === null) continue;
    const { min, max } = VITAL_HARD_LIMITS[field];
    if (!Number.isInteger(v) || v < min || v > max)
      problems.push({ field, message: `${v} is not a possible ${VITAL_LABELS[field]} (${min}–${max})` });
  }
  if (reading.diastolic >= reading.systolic)
    problems.push({ field: 'diastolic', message: 'must be below the systolic pressure' });
  if (problems.length > 0) return fail(problems);
  const needsConfirmation = VITAL_CONFIRMATION_BAND.filter(({ field, when, value }) => {
    const v = reading[field];
    return v !== null && (when === 'above' ? v > value : v < value);
  }).map(({ field, when, value }) => ({
    field,
    message: `${reading[field]} is ${when} ${value}: confirm the ${VITAL_LABELS[field]}`,
  }));
  return ok({ reading, needsConfirmation });
}

/** Parse one quick-entry line and check it. */
export function parseVitalsLine(line: string): Result<CheckedVitals> {
  const tokens = line.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return fail([{ field: 'line', message: 'is empty' }]);
  const labelled = /^[a-z]/.test(tokens[0]!);
  const parsed = labelled ? parseLabelled(tokens) : parsePositional(tokens);
  if (!parsed.ok) return parsed;
  const reading = toReading(parsed.value);
  return reading.ok ? checkVitals(reading.value) : reading;
}

/** The clinic's alert thresholds (clinic setting `vitalAlerts`). */
export interface VitalAlertSettings {
  systolicAtLeast: number;
  diastolicAtLeast: number;
  heartRateAbove: number;
  spo2Below: number;
}

export interface VitalAlert {
  field: VitalField;
  /** stop-consider: the clinic's blood-pressure stop threshold; alert: the others. */
  level: 'stop-consider' | 'alert';
  message: string;
  threshold: number;
  source: SourceRef;
}

const BP_SOURCE: SourceRef = { section: 'docs/clinical-sources.md#blood-pressure', evidence: 'unverified' };
const SPO2_SOURCE: SourceRef = {
  section: 'docs/clinical-sources.md#in-session-monitoring',
  evidence: 'unverified',
};

/**
 * The clinic's alerts a reading raises. No source verifies any stop threshold
 * (docs/clinical-sources.md#blood-pressure, #in-session-monitoring), so each alert says so.
 */
export function vitalAlerts(reading: VitalsReading, s: VitalAlertSettings): VitalAlert[] {
  const rules: { fires: boolean; alert: Omit<VitalAlert, 'source'>; source: SourceRef }[] = [
    {
      fires: reading.systolic >= s.systolicAtLeast,
      alert: {
        field: 'systolic',
        level: 'stop-consider',
        threshold: s.systolicAtLeast,
        message: `systolic ${reading.systolic} ≥ ${s.systolicAtLeast}: consider stopping`,
      },
      source: BP_SOURCE,
    },
    {
      fires: reading.diastolic >= s.diastolicAtLeast,
      alert: {
        field: 'diastolic',
        level: 'stop-consider',
        threshold: s.diastolicAtLeast,
        message: `diastolic ${reading.diastolic} ≥ ${s.diastolicAtLeast}: consider stopping`,
      },
      source: BP_SOURCE,
    },
    {
      fires: reading.heartRate > s.heartRateAbove,
      alert: {
        field: 'heartRate',
        level: 'alert',
        threshold: s.heartRateAbove,
        message: `heart rate ${reading.heartRate} > ${s.heartRateAbove}`,
      },
      source: BP_SOURCE,
    },
    {
      fires: reading.spo2 < s.spo2Below,
      alert: {
        field: 'spo2',
        level: 'alert',
        threshold: s.spo2Below,
        message: `SpO2 ${reading.spo2} < ${s.spo2Below}`,
      },
      source: SPO2_SOURCE,
    },
  ];
  return rules.filter((r) => r.fires).map((r) => ({ ...r.alert, source: r.source }));
}
