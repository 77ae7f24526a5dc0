import type { InstrumentDefinition } from '../types';
import { cite, numberedItems, numericOptions, sumOf } from './common';

const RODRIGUES = cite(
  'docs/clinical-sources.md#cadss',
  'Rodrigues 2021, J Affect Disord 282:160 (CADSS-6)',
  'primary',
);

// The CADSS is copyrighted and its licence is not recorded (docs/clinical-sources.md#cadss): only neutral
// labels naming the source item are stored, not the wording and not paraphrases of it.
const SOURCE_ITEMS = [1, 2, 6, 7, 15, 22];

export const cadss6: InstrumentDefinition = {
  id: 'cadss6',
  title: 'Clinician-Administered Dissociative States Scale, 6-item short form',
  shortTitle: 'CADSS-6',
  version: '1',
  rater: 'clinician',
  timeframe: 'now, during or after dosing',
  items: numberedItems(
    SOURCE_ITEMS.map((n) => ({ label: `CADSS item ${n}` })),
    numericOptions(4),
  ),
  total: {
    id: 'total',
    label: 'CADSS-6 total',
    expression: { kind: 'sum', terms: sumOf(['item1', 'item2', 'item3', 'item4', 'item5', 'item6']) },
    range: [0, 24],
  },
  flags: [],
  settings: [],
  licence: {
    status: 'unclear',
    wordingStored: false,
    note: 'Copyrighted; licence not recorded. Labels only; administer from the licensed CADSS form.',
    citation: RODRIGUES,
  },
  citations: [
    RODRIGUES,
    cite(
      'docs/clinical-sources.md#cadss',
      'CADSS 23-item: items 0–4; esketamine trials: dissociation = total > 4 and change > 0',
      'primary',
    ),
  ],
  notes: [
    'No severity bands or dissociation flag: the published "total > 4" rule is for the 23-item CADSS, not the short form.',
    'Items 1–6 here are CADSS items 1, 2, 6, 7, 15 and 22 (23-item numbering).',
    'Item wording is not stored: published CADSS versions number their items differently and the licence is not recorded. A clinic may attach the wording of its licensed copy (measurement setting cadss6ItemWording), shown with each item (docs/clinical-sources.md#cadss6-wording).',
  ],
};
