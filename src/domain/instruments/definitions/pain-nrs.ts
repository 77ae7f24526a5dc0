import type { InstrumentDefinition } from '../types';
import { cite, numericOptions } from './common';

const SOURCE = cite('docs/clinical-sources.md#pain-scales', 'ePPOC wiki / IMMPACT: NRS 0–10', 'secondary');

export const painNrs: InstrumentDefinition = {
  id: 'pain-nrs',
  title: 'Pain intensity numeric rating scale (0–10)',
  shortTitle: 'Pain NRS',
  version: '1',
  rater: 'self',
  items: [
    {
      id: 'pain',
      label: 'Pain intensity',
      text: 'Rate your pain from 0 (no pain) to 10 (worst pain imaginable).',
      options: numericOptions(10, { 0: 'no pain', 10: 'worst pain imaginable' }),
    },
  ],
  total: {
    id: 'total',
    label: 'Pain NRS',
    expression: { kind: 'sum', terms: [{ item: 'pain' }] },
    range: [0, 10],
  },
  classification: {
    kind: 'bands',
    on: 'total',
    bands: [
      { id: 'mild', label: 'Mild', min: 0 },
      { id: 'moderate', label: 'Moderate', min: 5 },
      { id: 'severe', label: 'Severe', min: 7 },
    ],
    citation: cite(
      'docs/clinical-sources.md#pain-scales',
      'Bands 0–4 mild, 5–6 moderate, 7–10 severe',
      'secondary',
    ),
  },
  flags: [],
  settings: [],
  licence: {
    status: 'public-domain',
    wordingStored: true,
    note: 'A generic 0–10 rating; the prompt is Arbor’s own wording.',
    citation: SOURCE,
  },
  citations: [SOURCE],
  notes: ['No LOINC code: the clinical source register records none for the pain NRS.'],
};
