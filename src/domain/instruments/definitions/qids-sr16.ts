import type { InstrumentDefinition } from '../types';
import { cite, numberedItems, numericOptions } from './common';

const SOURCE = cite(
  'docs/clinical-sources.md#qids-sr16-scoring',
  'Millisecond QIDS-SR16 manual; GuidelineCentral calculator',
  'primary',
);

// QIDS is free to use but copyrighted ([secondary]; docs/clinical-sources.md#instrument-licences): the item
// wording and the item-specific answer anchors are not stored, only domain labels and the 0–3 values.
const LABELS = [
  'Falling asleep',
  'Sleep during the night',
  'Waking up too early',
  'Sleeping too much',
  'Feeling sad',
  'Decreased appetite',
  'Increased appetite',
  'Decreased weight',
  'Increased weight',
  'Concentration / decision-making',
  'View of myself',
  'Thoughts of death or suicide',
  'General interest',
  'Energy level',
  'Feeling slowed down',
  'Feeling restless',
];

/**
 * Item 12 (thoughts of death or suicide) → the safety alert. No source sets a trigger level for this item;
 * ≥ 1 mirrors PHQ-9 item 9 (any answer other than "no thoughts of death or suicide"), so it is tagged
 * [unverified] and is a clinic setting (docs/clinical-sources.md#suicide-item-alerts).
 */
const ITEM12_TRIGGER = cite(
  'docs/clinical-sources.md#suicide-item-alerts',
  'Item 12 ≥ 1 → safety alert: no published trigger found; mirrors PHQ-9 item 9 ≥ 1',
  'unverified',
);

export const qidsSr16: InstrumentDefinition = {
  id: 'qids-sr16',
  title: 'Quick Inventory of Depressive Symptomatology, Self-Report (16 items)',
  shortTitle: 'QIDS-SR16',
  // 2: item 12 raises the safety workflow (flag suicidal-ideation, setting safetyAlertFrom).
  version: '2',
  rater: 'self',
  timeframe: 'past 7 days',
  items: numberedItems(
    LABELS.map((label) => ({ label })),
    numericOptions(3),
  ),
  total: {
    id: 'total',
    label: 'QIDS-SR16 total',
    expression: {
      kind: 'sum',
      // Nine symptom domains: sleep (max of 1–4), mood, appetite/weight (max of 6–9), five single items,
      // psychomotor (max of 15–16). Summing all 16 items would double-count domains.
      terms: [
        { max: ['item1', 'item2', 'item3', 'item4'] },
        { item: 'item5' },
        { max: ['item6', 'item7', 'item8', 'item9'] },
        { item: 'item10' },
        { item: 'item11' },
        { item: 'item12' },
        { item: 'item13' },
        { item: 'item14' },
        { max: ['item15', 'item16'] },
      ],
    },
    range: [0, 27],
  },
  classification: {
    kind: 'bands',
    on: 'total',
    bands: [
      { id: 'none', label: 'None', min: 0 },
      { id: 'mild', label: 'Mild', min: 6 },
      { id: 'moderate', label: 'Moderate', min: 11 },
      { id: 'severe', label: 'Severe', min: 16 },
      { id: 'very-severe', label: 'Very severe', min: 21 },
    ],
    citation: SOURCE,
  },
  flags: [
    {
      id: 'suicidal-ideation',
      label: 'Item 12 (thoughts of death or suicide) at or above the safety alert level',
      when: { kind: 'item-at-least', item: 'item12', value: { setting: 'safetyAlertFrom' } },
      action: 'Opens a safety alert: start the suicide-risk workflow (C-SSRS screener).',
      citation: ITEM12_TRIGGER,
    },
  ],
  settings: [
    {
      key: 'safetyAlertFrom',
      label: 'Lowest item 12 answer that opens a safety alert (C-SSRS workflow)',
      kind: 'number',
      default: 1,
      min: 1,
      max: 3,
      integer: true,
      citation: ITEM12_TRIGGER,
      note: 'Unverified default: confirm it with the clinic’s suicide-risk policy.',
    },
  ],
  licence: {
    status: 'free-copyrighted',
    wordingStored: false,
    note: 'Free to use [secondary]; wording not stored. Present the licensed form to respondents.',
    citation: cite('docs/clinical-sources.md#instrument-licences', 'QIDS is free', 'secondary'),
  },
  citations: [SOURCE],
  notes: [
    'Item 12 (thoughts of death or suicide) opens a safety alert at the clinic’s level (setting safetyAlertFrom, default ≥ 1, unverified: docs/clinical-sources.md#suicide-item-alerts).',
  ],
};
