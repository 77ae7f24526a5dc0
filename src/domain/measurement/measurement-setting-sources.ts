import { measurementSettingsSchema, type MeasurementSettings } from '../clinic';
import { getInstrument, type Citation, type InstrumentId, type Provenance } from '../instruments';
import { OUTCOME_DEFAULTS } from '../outcomes';
import { INSTRUMENT_SETTING_KEYS } from './measurement-settings';

/**
 * Every setting of the clinic's measurement section with what the settings page shows beside it: its
 * default, where the default comes from and how sure the register is of it. The source of a setting
 * that is an instrument's own setting, or an outcome rule, is read from the definition or the rule,
 * so the page and the scoring can never cite different things.
 */

export type MeasurementSettingKey = keyof MeasurementSettings;
export type SettingEvidence = Provenance | 'engineering';

export type MeasurementSettingInput =
  | { kind: 'integer' | 'number'; min: number; max: number; unit?: string }
  | { kind: 'boolean' }
  | { kind: 'items'; options: readonly { value: string; label: string }[] }
  | { kind: 'wording'; items: readonly { id: string; label: string }[]; maxLength: number };

export interface MeasurementSettingSource {
  key: MeasurementSettingKey;
  group: 'safety' | 'severity' | 'outcomes' | 'links' | 'wording';
  label: string;
  input: MeasurementSettingInput;
  default: MeasurementSettings[MeasurementSettingKey];
  /** The source in a few words (author, year, what it says). */
  source: string;
  /** The clinical source register entry, or null for an engineering choice of Arbor's. */
  section: string | null;
  evidence: SettingEvidence;
  instrument?: InstrumentId;
}

export const MEASUREMENT_SETTING_GROUPS: readonly {
  id: MeasurementSettingSource['group'];
  legend: string;
  hint: string;
}[] = [
  {
    id: 'safety',
    legend: 'Safety alerts',
    hint: 'The answer on each suicide item that opens a safety alert for a clinician (and shows the patient the crisis line).',
  },
  {
    id: 'severity',
    legend: 'Severity bands and discharge',
    hint: 'Cut points the clinical source register tags secondary or unverified. Each score keeps the values it was computed with.',
  },
  { id: 'outcomes', legend: 'Response and remission', hint: 'Applied to trajectories and their CSV export.' },
  { id: 'links', legend: 'Self-report links and due items', hint: 'Arbor defaults, not clinical values.' },
  {
    id: 'wording',
    legend: 'CADSS-6 wording from your licensed copy',
    hint: 'Arbor stores no CADSS wording. Paste the wording of each item from the clinic’s licensed copy; it is shown beside the item when staff rate it. Leave blank for none.',
  },
];

const DEFAULTS = measurementSettingsSchema.parse({});
const ENGINEERING = {
  source: 'Arbor default; not a clinical value',
  section: null,
  evidence: 'engineering',
} as const;

function instrumentCitation(key: MeasurementSettingKey): Citation {
  const row = INSTRUMENT_SETTING_KEYS.find((m) => m.key === key);
  const setting = row
    ? getInstrument(row.instrument)?.settings.find((s) => s.key === row.setting)
    : undefined;
  if (!setting) throw new Error(`measurement setting ${key} is not an instrument setting`);
  return setting.citation;
}

function outcomeCitation(instrument: InstrumentId, rule: 'response' | 'remission'): Citation {
  const cited = OUTCOME_DEFAULTS[instrument][rule];
  if (!cited) throw new Error(`${instrument} has no ${rule} rule`);
  return cited.citation;
}

const fromCitation = (c: Citation) => ({ source: c.source, section: c.section, evidence: c.provenance });

/** Where a row's source is read from: the instrument setting, the outcome rule, or stated here. */
type Cite =
  | { cite: 'instrument' }
  | { cite: 'outcome'; of: readonly [InstrumentId, 'response' | 'remission'] }
  | { cite: 'stated'; stated: Pick<MeasurementSettingSource, 'source' | 'section' | 'evidence'> };

type Row = Omit<MeasurementSettingSource, 'default' | 'source' | 'section' | 'evidence'> & Cite;

const count = (min: number, max: number, unit?: string) =>
  ({ kind: 'integer', min, max, ...(unit ? { unit } : {}) }) as const;

const ROWS: readonly Row[] = [
  // Safety
  {
    key: 'phq9SafetyAlertFrom',
    group: 'safety',
    instrument: 'phq9',
    label: 'PHQ-9: item 9 answer that opens a safety alert',
    input: count(1, 3),
    cite: 'instrument',
  },
  {
    key: 'qidsSafetyAlertFrom',
    group: 'safety',
    instrument: 'qids-sr16',
    label: 'QIDS-SR16: item 12 answer that opens a safety alert',
    input: count(1, 3),
    cite: 'instrument',
  },
  {
    key: 'madrsSafetyAlertFrom',
    group: 'safety',
    instrument: 'madrs',
    label: 'MADRS: item 10 rating that opens a safety alert',
    input: count(1, 6),
    cite: 'instrument',
  },
  {
    key: 'cssrsAlertAtModerateRisk',
    group: 'safety',
    instrument: 'cssrs-screener',
    label: 'C-SSRS: also open a safety alert at moderate risk (high risk and Q1 or Q2 always do)',
    input: { kind: 'boolean' },
    cite: 'instrument',
  },
  // Severity and discharge
  {
    key: 'madrsMildFrom',
    group: 'severity',
    instrument: 'madrs',
    label: 'MADRS: lowest “mild” total',
    input: count(1, 60),
    cite: 'instrument',
  },
  {
    key: 'madrsModerateFrom',
    group: 'severity',
    instrument: 'madrs',
    label: 'MADRS: lowest “moderate” total',
    input: count(1, 60),
    cite: 'instrument',
  },
  {
    key: 'madrsSevereFrom',
    group: 'severity',
    instrument: 'madrs',
    label: 'MADRS: lowest “severe” total',
    input: count(1, 60),
    cite: 'instrument',
  },
  {
    key: 'cssrsModerateItems',
    group: 'severity',
    instrument: 'cssrs-screener',
    label: 'C-SSRS: items whose “yes” makes the risk at least moderate',
    input: {
      kind: 'items',
      options: [
        { value: 'item1', label: 'Q1 Wish to be dead' },
        { value: 'item2', label: 'Q2 Active suicidal thoughts' },
        { value: 'item3', label: 'Q3 Thoughts of method' },
        { value: 'item6', label: 'Q6 Suicidal behaviour (lifetime, more than 3 months ago)' },
      ],
    },
    cite: 'instrument',
  },
  {
    key: 'pcl5CutOff',
    group: 'severity',
    instrument: 'pcl5',
    label: 'PCL-5: provisional PTSD cut-off (total at or above)',
    input: count(0, 80),
    cite: 'instrument',
  },
  {
    key: 'bpiModerateFrom',
    group: 'severity',
    instrument: 'bpi-sf',
    label: 'BPI-SF: lowest “moderate” severity mean',
    input: { kind: 'number', min: 0.5, max: 10 },
    cite: 'instrument',
  },
  {
    key: 'bpiSevereFrom',
    group: 'severity',
    instrument: 'bpi-sf',
    label: 'BPI-SF: lowest “severe” severity mean',
    input: { kind: 'number', min: 0.5, max: 10 },
    cite: 'instrument',
  },
  {
    key: 'aldreteDischargeThreshold',
    group: 'severity',
    instrument: 'aldrete',
    label: 'Aldrete: total at which the discharge criterion is met',
    input: count(0, 10),
    cite: 'instrument',
  },
  {
    key: 'aldreteAllowEightWithRespirationAndSpo2',
    group: 'severity',
    instrument: 'aldrete',
    label: 'Aldrete: also allow 8 when respiration and SpO2 both score 2',
    input: { kind: 'boolean' },
    cite: 'instrument',
  },
  // Outcomes
  {
    key: 'responsePercent',
    group: 'outcomes',
    label: 'PHQ-9, QIDS-SR16, MADRS: response = reduction from baseline of at least (%)',
    input: { kind: 'number', min: 1, max: 100, unit: '%' },
    cite: 'outcome',
    of: ['phq9', 'response'],
  },
  {
    key: 'phq9RemissionBelow',
    group: 'outcomes',
    instrument: 'phq9',
    label: 'PHQ-9: remission = total below',
    input: count(1, 27),
    cite: 'outcome',
    of: ['phq9', 'remission'],
  },
  {
    key: 'qidsRemissionAtMost',
    group: 'outcomes',
    instrument: 'qids-sr16',
    label: 'QIDS-SR16: remission = total at most',
    input: count(0, 27),
    cite: 'outcome',
    of: ['qids-sr16', 'remission'],
  },
  {
    key: 'madrsRemissionAtMost',
    group: 'outcomes',
    instrument: 'madrs',
    label: 'MADRS: remission = total at most',
    input: count(0, 60),
    cite: 'outcome',
    of: ['madrs', 'remission'],
  },
  {
    key: 'pcl5ResponsePoints',
    group: 'outcomes',
    instrument: 'pcl5',
    label: 'PCL-5: response = reduction of at least (points)',
    input: count(1, 80),
    cite: 'outcome',
    of: ['pcl5', 'response'],
  },
  {
    key: 'painResponsePercent',
    group: 'outcomes',
    label: 'Pain NRS, BPI-SF severity: response = reduction of at least (%)',
    input: { kind: 'number', min: 1, max: 100, unit: '%' },
    cite: 'outcome',
    of: ['pain-nrs', 'response'],
  },
  // Links and due items
  {
    key: 'linkExpiryHours',
    group: 'links',
    label: 'Self-report links expire after (hours)',
    input: count(1, 336),
    cite: 'stated',
    stated: ENGINEERING,
  },
  {
    key: 'kioskExpiryMinutes',
    group: 'links',
    label: 'Kiosk hand-overs expire after (minutes)',
    input: count(5, 240),
    cite: 'stated',
    stated: ENGINEERING,
  },
  {
    key: 'overdueAfterHours',
    group: 'links',
    label: 'A due questionnaire counts as overdue for (hours)',
    input: count(1, 336),
    cite: 'stated',
    stated: ENGINEERING,
  },
  // Wording
  {
    key: 'cadss6ItemWording',
    group: 'wording',
    instrument: 'cadss6',
    label: 'CADSS-6 item wording (your licensed copy)',
    input: {
      kind: 'wording',
      maxLength: 300,
      items: [1, 2, 6, 7, 15, 22].map((n, i) => ({
        id: `item${i + 1}`,
        label: `CADSS-6 item ${i + 1} (CADSS item ${n})`,
      })),
    },
    cite: 'stated',
    stated: {
      source: 'Your clinic’s licensed copy; Arbor stores no CADSS wording',
      section: 'docs/clinical-sources.md#cadss6-wording',
      evidence: 'engineering',
    },
  },
];

function sourceOf(row: Row): Pick<MeasurementSettingSource, 'source' | 'section' | 'evidence'> {
  switch (row.cite) {
    case 'instrument':
      return fromCitation(instrumentCitation(row.key));
    case 'outcome':
      return fromCitation(outcomeCitation(...row.of));
    case 'stated':
      return row.stated;
  }
}

export const MEASUREMENT_SETTING_SOURCES: readonly MeasurementSettingSource[] = ROWS.map((row) => ({
  key: row.key,
  group: row.group,
  label: row.label,
  input: row.input,
  ...(row.instrument ? { instrument: row.instrument } : {}),
  default: DEFAULTS[row.key],
  ...sourceOf(row),
}));
