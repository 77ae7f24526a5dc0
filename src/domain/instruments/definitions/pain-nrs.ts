import type { InstrumentDefinition } from '../types';
import { cite, numericOptions } from './common';

const SOURCE = cite('docs/clinical-sources.md#pain-scales', 'ePPOC wiki / IMMPACT: NRS 0–10', 'secondary');

export const painNrs: InstrumentDefinition = {
  id: 'pain-nrs',
  title: 'Pain intensity numeric rating scale (0–10)',
  shortTitle: 'Pain NRS',
  // 2: no severity bands (version 1 borrowed the BPI-SF's).
  version: '2',
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
  // No severity bands: the 0–4 / 5–6 / 7–10 bands in the register are given for the BPI-SF severity
  // score, not for a single NRS rating (docs/clinical-sources.md#pain-nrs-bands). The number is shown.
  flags: [],
  settings: [],
  licence: {
    status: 'public-domain',
    wordingStored: true,
    note: 'A generic 0–10 rating; the prompt is Arbor’s own wording.',
    citation: SOURCE,
  },
  citations: [SOURCE],
  notes: [
    'No severity bands: the mild/moderate/severe cut points in the register are given for the BPI-SF severity score only (docs/clinical-sources.md#pain-nrs-bands); the rating is shown as a number.',
    'No LOINC code: the clinical source register records none for the pain NRS.',
  ],
};
