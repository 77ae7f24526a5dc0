import type { InstrumentDefinition } from '../types';
import { cite, itemRange, numberedItems, numericOptions, sumOf } from './common';

const SNAITH = cite(
  'docs/clinical-sources.md#madrs-scoring',
  'Snaith 1986 bands: 0–6 normal, 7–19 mild, 20–34 moderate, 35–60 severe',
  'secondary',
);
const MULLER = cite(
  'docs/clinical-sources.md#madrs-scoring',
  'Müller 2000: ≥ 35 severe; Müller 2003: 31 best separates moderate from severe',
  'primary',
);

// MADRS terms are [unverified] (docs/clinical-sources.md#instrument-licences): only the item names
// (themselves [secondary]) are stored; the rater anchors at 0/2/4/6 come from the licensed form.
const LABELS = [
  'Apparent sadness',
  'Reported sadness',
  'Inner tension',
  'Reduced sleep',
  'Reduced appetite',
  'Concentration difficulties',
  'Lassitude',
  'Inability to feel',
  'Pessimistic thoughts',
  'Suicidal thoughts',
];

/**
 * Item 10 (suicidal thoughts) → the safety alert. The item is rated 0–6 with anchors at the even values;
 * 2 is the first anchor that names suicidal thoughts ("fleeting", as the published anchors read). No
 * source sets a trigger level, so ≥ 2 is [unverified] and a clinic setting
 * (docs/clinical-sources.md#suicide-item-alerts).
 */
const ITEM10_TRIGGER = cite(
  'docs/clinical-sources.md#suicide-item-alerts',
  'Item 10 ≥ 2 → safety alert: no published trigger found; 2 is the first anchor naming suicidal thoughts (anchors as printed in Perroud 2009, PMC2768737)',
  'unverified',
);

export const madrs: InstrumentDefinition = {
  id: 'madrs',
  title: 'Montgomery–Åsberg Depression Rating Scale',
  shortTitle: 'MADRS',
  // 2: item 10 raises the safety workflow (flag suicidal-ideation, setting safetyAlertFrom).
  version: '2',
  rater: 'clinician',
  items: numberedItems(
    LABELS.map((label) => ({ label })),
    numericOptions(6),
  ),
  total: {
    id: 'total',
    label: 'MADRS total',
    expression: { kind: 'sum', terms: sumOf(itemRange(1, 10)) },
    range: [0, 60],
  },
  classification: {
    kind: 'bands',
    on: 'total',
    // Cut points are settings: the bands are [secondary] and the primary papers disagree on "severe".
    bands: [
      { id: 'normal', label: 'Normal', min: 0 },
      { id: 'mild', label: 'Mild', min: { setting: 'mildFrom' } },
      { id: 'moderate', label: 'Moderate', min: { setting: 'moderateFrom' } },
      { id: 'severe', label: 'Severe', min: { setting: 'severeFrom' } },
    ],
    citation: SNAITH,
  },
  flags: [
    {
      id: 'suicidal-ideation',
      label: 'Item 10 (suicidal thoughts) at or above the safety alert level',
      when: { kind: 'item-at-least', item: 'item10', value: { setting: 'safetyAlertFrom' } },
      action: 'Opens a safety alert: start the suicide-risk workflow (C-SSRS screener).',
      citation: ITEM10_TRIGGER,
    },
  ],
  settings: [
    {
      key: 'mildFrom',
      label: 'Lowest "mild" total',
      kind: 'number',
      default: 7,
      min: 1,
      max: 60,
      integer: true,
      citation: SNAITH,
    },
    {
      key: 'moderateFrom',
      label: 'Lowest "moderate" total',
      kind: 'number',
      default: 20,
      min: 1,
      max: 60,
      integer: true,
      citation: SNAITH,
    },
    {
      key: 'severeFrom',
      label: 'Lowest "severe" total',
      kind: 'number',
      default: 35,
      min: 1,
      max: 60,
      integer: true,
      citation: MULLER,
      note: 'Snaith and Müller 2000 use 35; Müller 2003 found 31 best separates moderate from severe.',
    },
    {
      key: 'safetyAlertFrom',
      label: 'Lowest item 10 rating that opens a safety alert (C-SSRS workflow)',
      kind: 'number',
      default: 2,
      min: 1,
      max: 6,
      integer: true,
      citation: ITEM10_TRIGGER,
      note: 'Unverified default: confirm it with the clinic’s suicide-risk policy.',
    },
  ],
  licence: {
    status: 'unclear',
    wordingStored: false,
    note: 'Terms unverified; item names only. Use the licensed rating form for anchors and wording.',
    citation: cite('docs/clinical-sources.md#instrument-licences', 'MADRS terms', 'unverified'),
  },
  citations: [SNAITH, MULLER, cite('docs/clinical-sources.md#madrs-scoring', 'Item names', 'secondary')],
  notes: [
    'Item 10 (suicidal thoughts) opens a safety alert at the clinic’s level (setting safetyAlertFrom, default ≥ 2, unverified: docs/clinical-sources.md#suicide-item-alerts).',
  ],
};
