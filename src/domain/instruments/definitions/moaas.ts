import type { InstrumentDefinition } from '../types';
import { cite } from './common';

const SOURCE = cite(
  'docs/clinical-sources.md#moaas',
  'Modified Observer’s Assessment of Alertness/Sedation, 0–5 (after Chernik 1990)',
  'primary',
);

/**
 * MOAA/S (docs/clinical-sources.md#moaas): one clinician-observed rating of responsiveness, 5 (alert) to
 * 0 (no response to a painful stimulus). Published variants number the levels differently (some 1–6, some
 * with 1 and 0 split at prodding and pain), so the version is stored with every score. The option labels
 * are Arbor's short forms of the levels.
 */
export const moaas: InstrumentDefinition = {
  id: 'moaas',
  title: 'Modified Observer’s Assessment of Alertness/Sedation',
  shortTitle: 'MOAA/S',
  version: '1',
  rater: 'clinician-observed',
  timeframe: 'now',
  items: [
    {
      id: 'responsiveness',
      label: 'Responsiveness',
      options: [
        { value: 0, label: '0 – No response to a painful trapezius squeeze' },
        { value: 1, label: '1 – Responds only to a painful trapezius squeeze' },
        { value: 2, label: '2 – Responds only to mild prodding or shaking' },
        { value: 3, label: '3 – Responds only to the name called loudly or repeatedly' },
        { value: 4, label: '4 – Lethargic response to the name in a normal tone' },
        { value: 5, label: '5 – Responds readily to the name in a normal tone (alert)' },
      ],
    },
  ],
  total: {
    id: 'total',
    label: 'MOAA/S',
    expression: { kind: 'sum', terms: [{ item: 'responsiveness' }] },
    range: [0, 5],
  },
  // No sedation bands or flags: the register records no cut point for ketamine sessions; the level is shown.
  flags: [],
  settings: [],
  licence: {
    status: 'unclear',
    wordingStored: false,
    note: 'A published observer scale; option labels are short forms of its levels (docs/clinical-sources.md#moaas).',
    citation: SOURCE,
  },
  citations: [SOURCE],
  notes: [
    'Scored 0–5, higher is more alert. Variants differ (a 1–6 numbering; 1 = no response to prodding and 0 = no response to pain): this is the 0–5 version with the trapezius squeeze at 1 and 0.',
    'No LOINC code: the clinical source register records none for the MOAA/S.',
  ],
};
