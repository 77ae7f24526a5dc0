import type { AnswerOption, CodeRef, InstrumentDefinition } from '../types';
import { cite, itemRange, numberedItems, sumOf } from './common';

const NLM = cite(
  'docs/clinical-sources.md#phq9-codes',
  'NLM LHC-Forms FHIR SDC Questionnaire (LHNCBC/lforms-fhir-app phq9.json)',
  'primary',
);
const CAMCOPS = cite(
  'docs/clinical-sources.md#phq9-scoring',
  'CamCOPS phq9.py (University of Cambridge); re-implemented, not copied',
  'primary',
);

/**
 * Item 9 ≥ 1 → the C-SSRS workflow: the item's accuracy is primary (Uebelacker 2011), its use as the
 * trigger a common practice rule; the register tags the whole primary/secondary, so it is a setting.
 */
const ITEM9_TRIGGER = cite(
  'docs/clinical-sources.md#phq9-item9',
  'Item 9 ≥ 1 → C-SSRS workflow: common practice rule; item 9 sensitivity 0.69, specificity 0.84 (Uebelacker 2011, PMC3121214)',
  'primary/secondary',
);

function loinc(code: string, display?: string): CodeRef {
  return { system: 'http://loinc.org', code, provenance: 'primary', ...(display ? { display } : {}) };
}

/**
 * The PHQ frequency scale with its LOINC answer codes, LA6568-5..LA6571-9
 * (docs/clinical-sources.md#phq9-codes).
 */
export const PHQ_FREQUENCY_OPTIONS: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all', code: loinc('LA6568-5', 'Not at all') },
  { value: 1, label: 'Several days', code: loinc('LA6569-3', 'Several days') },
  { value: 2, label: 'More than half the days', code: loinc('LA6570-1', 'More than half the days') },
  { value: 3, label: 'Nearly every day', code: loinc('LA6571-9', 'Nearly every day') },
];

// Public domain (docs/clinical-sources.md#instrument-licences), so the exact wording is stored.
const ITEMS = [
  { label: 'Anhedonia', text: 'Little interest or pleasure in doing things', code: '44250-9' },
  { label: 'Depressed mood', text: 'Feeling down, depressed, or hopeless', code: '44255-8' },
  { label: 'Sleep', text: 'Trouble falling or staying asleep, or sleeping too much', code: '44259-0' },
  { label: 'Fatigue', text: 'Feeling tired or having little energy', code: '44254-1' },
  { label: 'Appetite', text: 'Poor appetite or overeating', code: '44251-7' },
  {
    label: 'Self-worth',
    text: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    code: '44258-2',
  },
  {
    label: 'Concentration',
    text: 'Trouble concentrating on things, such as reading the newspaper or watching television',
    code: '44252-5',
  },
  {
    label: 'Psychomotor',
    text:
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety ' +
      'or restless that you have been moving around a lot more than usual',
    code: '44253-3',
  },
  {
    label: 'Self-harm thoughts',
    text: 'Thoughts that you would be better off dead or of hurting yourself in some way',
    code: '44260-8',
  },
] as const;

const scored = numberedItems(
  ITEMS.map(({ label, text }) => ({ label, text })),
  PHQ_FREQUENCY_OPTIONS,
).map((item, i) => ({ ...item, code: loinc(ITEMS[i]!.code) }));

export const phq9: InstrumentDefinition = {
  id: 'phq9',
  title: 'Patient Health Questionnaire-9',
  shortTitle: 'PHQ-9',
  version: '1',
  rater: 'self',
  timeframe: 'last 2 weeks',
  stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  items: [
    // Item 9 is required here although the NLM form leaves it optional: the suicide-risk flag depends on it.
    ...scored,
    {
      id: 'difficulty',
      label: 'Functional difficulty',
      text:
        'If you checked off any problems, how difficult have these problems made it for you to do your work, ' +
        'take care of things at home, or get along with other people?',
      // Values are answer positions for storage only; the item is not part of the total.
      options: [
        { value: 0, label: 'Not difficult at all', code: loinc('LA6572-7', 'Not difficult at all') },
        { value: 1, label: 'Somewhat difficult', code: loinc('LA6573-5', 'Somewhat difficult') },
        { value: 2, label: 'Very difficult', code: loinc('LA6575-0', 'Very difficult') },
        { value: 3, label: 'Extremely difficult', code: loinc('LA6574-3', 'Extremely difficult') },
      ],
      required: false,
      scored: false,
      code: loinc('69722-7'),
    },
  ],
  total: {
    id: 'total',
    label: 'PHQ-9 total',
    expression: { kind: 'sum', terms: sumOf(itemRange(1, 9)) },
    range: [0, 27],
    code: loinc('44261-6', 'Patient health questionnaire 9 item total score'),
  },
  classification: {
    kind: 'bands',
    on: 'total',
    // CamCOPS bands; the NLM form's display text "1–4 minimal" is a known caveat and is not used.
    bands: [
      { id: 'none-minimal', label: 'None/minimal', min: 0 },
      { id: 'mild', label: 'Mild', min: 5 },
      { id: 'moderate', label: 'Moderate', min: 10 },
      { id: 'moderately-severe', label: 'Moderately severe', min: 15 },
      { id: 'severe', label: 'Severe', min: 20 },
    ],
    citation: CAMCOPS,
  },
  flags: [
    {
      id: 'suicidal-ideation',
      label: 'Item 9 (thoughts of death or self-harm) at or above the safety alert level',
      when: { kind: 'item-at-least', item: 'item9', value: { setting: 'safetyAlertFrom' } },
      action: 'Opens a safety alert: start the suicide-risk workflow (C-SSRS screener).',
      citation: ITEM9_TRIGGER,
    },
    {
      id: 'major-depressive-syndrome',
      label: 'Major depressive syndrome (PHQ-9 diagnostic algorithm)',
      when: {
        kind: 'criteria',
        groups: [
          {
            id: 'cardinal',
            label: 'Item 1 or 2 at ≥ 2',
            items: ['item1', 'item2'],
            itemAtLeast: 2,
            minPresent: 1,
          },
          {
            id: 'symptoms',
            label: '≥ 5 symptoms (items 1–8 at ≥ 2, item 9 at ≥ 1)',
            items: itemRange(1, 9),
            itemAtLeast: 2,
            itemOverrides: { item9: 1 },
            minPresent: 5,
          },
        ],
      },
      action: 'Supports, but does not make, a diagnosis of a major depressive episode.',
      citation: CAMCOPS,
    },
  ],
  settings: [
    {
      key: 'safetyAlertFrom',
      label: 'Lowest item 9 answer that opens a safety alert (C-SSRS workflow)',
      kind: 'number',
      default: 1,
      min: 1,
      max: 3,
      integer: true,
      citation: ITEM9_TRIGGER,
      note: 'Any answer above "Not at all" is the usual trigger; item 9 prompts an assessment, it is not a risk rating.',
    },
  ],
  panelCode: loinc('44249-1', 'PHQ-9 quick depression assessment panel'),
  licence: {
    status: 'public-domain',
    wordingStored: true,
    note: 'Public domain (phqscreeners, as quoted in CamCOPS). LOINC codes are used under the LOINC licence.',
    citation: cite('docs/clinical-sources.md#instrument-licences', 'phqscreeners via CamCOPS', 'primary'),
  },
  citations: [
    NLM,
    CAMCOPS,
    cite(
      'docs/clinical-sources.md#phq9-scoring',
      'Kroenke 2001: ≥ 10 detects MDD with sensitivity and specificity 88%',
      'secondary',
    ),
  ],
};
