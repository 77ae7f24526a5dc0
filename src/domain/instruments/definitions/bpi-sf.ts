import type { InstrumentDefinition } from '../types';
import { cite, numericOptions } from './common';

const SOURCE = cite(
  'docs/clinical-sources.md#pain-scales',
  'ePPOC wiki / IMMPACT summary of the BPI short form',
  'secondary',
);

const PAIN = numericOptions(10, { 0: 'no pain', 10: 'pain as bad as you can imagine' });
const INTERFERENCE = numericOptions(10, { 0: 'does not interfere', 10: 'completely interferes' });

// The BPI is copyrighted and its licence is not recorded (docs/clinical-sources.md#instrument-licences):
// short labels only.
const SEVERITY_ITEMS = [
  { id: 'worst', label: 'Worst pain (last 24 h)' },
  { id: 'least', label: 'Least pain (last 24 h)' },
  { id: 'average', label: 'Average pain' },
  { id: 'now', label: 'Pain right now' },
];
const INTERFERENCE_ITEMS = [
  { id: 'general-activity', label: 'Interference: general activity' },
  { id: 'mood', label: 'Interference: mood' },
  { id: 'walking', label: 'Interference: walking ability' },
  { id: 'work', label: 'Interference: normal work' },
  { id: 'relations', label: 'Interference: relations with other people' },
  { id: 'sleep', label: 'Interference: sleep' },
  { id: 'enjoyment', label: 'Interference: enjoyment of life' },
];

const BANDS = cite(
  'docs/clinical-sources.md#pain-scales',
  'BPI-SF severity bands 0–4 mild, 5–6 moderate, 7–10 severe',
  'secondary',
);

export const bpiSf: InstrumentDefinition = {
  id: 'bpi-sf',
  title: 'Brief Pain Inventory, short form (severity and interference)',
  shortTitle: 'BPI-SF',
  version: '1',
  rater: 'self',
  timeframe: 'last 24 hours',
  items: [
    // Items may be left blank: the instrument's own rule scores a subscale when ≥ 4 of its items are answered.
    ...SEVERITY_ITEMS.map((i) => ({ ...i, options: PAIN, required: false })),
    ...INTERFERENCE_ITEMS.map((i) => ({ ...i, options: INTERFERENCE, required: false })),
  ],
  subscales: [
    {
      id: 'severity',
      label: 'Pain severity (mean of worst, least, average, now)',
      expression: { kind: 'mean', items: SEVERITY_ITEMS.map((i) => i.id), minAnswered: 4 },
      range: [0, 10],
    },
    {
      id: 'interference',
      label: 'Pain interference (mean of 7 items)',
      expression: { kind: 'mean', items: INTERFERENCE_ITEMS.map((i) => i.id), minAnswered: 4 },
      range: [0, 10],
    },
  ],
  classification: {
    kind: 'bands',
    on: 'severity',
    // Cut points are settings: the bands are [secondary] (docs/clinical-sources.md#pain-scales).
    bands: [
      { id: 'mild', label: 'Mild', min: 0 },
      { id: 'moderate', label: 'Moderate', min: { setting: 'moderateFrom' } },
      { id: 'severe', label: 'Severe', min: { setting: 'severeFrom' } },
    ],
    citation: BANDS,
  },
  flags: [],
  settings: [
    {
      key: 'moderateFrom',
      label: 'Lowest "moderate" severity mean',
      kind: 'number',
      default: 5,
      min: 0.5,
      max: 10,
      integer: false,
      citation: BANDS,
    },
    {
      key: 'severeFrom',
      label: 'Lowest "severe" severity mean',
      kind: 'number',
      default: 7,
      min: 0.5,
      max: 10,
      integer: false,
      citation: BANDS,
    },
  ],
  licence: {
    status: 'unclear',
    wordingStored: false,
    note: 'Copyrighted; licence not recorded in the clinical source register. Short labels only.',
    citation: SOURCE,
  },
  citations: [SOURCE],
  notes: [
    'Severity needs all 4 items (≥ 4 answered of 4); interference needs ≥ 4 of 7.',
    'A mean between two integer cut points (e.g. 4.75) takes the band whose lower bound it has reached (mild).',
  ],
};
