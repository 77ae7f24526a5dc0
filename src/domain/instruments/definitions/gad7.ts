import type { CodeRef, InstrumentDefinition } from '../types';
import { cite, itemRange, numberedItems, ordinalOptions, sumOf } from './common';

const CAMCOPS = cite(
  'docs/clinical-sources.md#gad7-scoring',
  'CamCOPS gad7.py and gad7.rst; re-implemented, not copied',
  'primary',
);

// LOINC answer codes are recorded only for the PHQ-9 (docs/clinical-sources.md#gad7-codes), so the
// GAD-7 options carry labels without codes.
const OPTIONS = ordinalOptions(['Not at all', 'Several days', 'More than half the days', 'Nearly every day']);

function loinc(code: string, provenance: CodeRef['provenance'], note?: string): CodeRef {
  return { system: 'http://loinc.org', code, provenance, ...(note ? { note } : {}) };
}

const MAJORITY =
  'Majority mapping across FHIR repositories (docs/clinical-sources.md#gad7-codes); confirm on loinc.org.';
const SWAPPED = 'One repository swaps the codes of items 6 and 7; unconfirmed until checked on loinc.org.';

// Public domain (docs/clinical-sources.md#instrument-licences), so the exact wording is stored.
const ITEMS = [
  {
    label: 'Nervous',
    text: 'Feeling nervous, anxious, or on edge',
    code: loinc('69725-0', 'secondary', MAJORITY),
  },
  {
    label: 'Uncontrolled worry',
    text: 'Not being able to stop or control worrying',
    code: loinc('68509-9', 'secondary', MAJORITY),
  },
  {
    label: 'Excessive worry',
    text: 'Worrying too much about different things',
    code: loinc('69733-4', 'secondary', MAJORITY),
  },
  { label: 'Trouble relaxing', text: 'Trouble relaxing', code: loinc('69734-2', 'secondary', MAJORITY) },
  {
    label: 'Restless',
    text: 'Being so restless that it is hard to sit still',
    code: loinc('69735-9', 'secondary', MAJORITY),
  },
  {
    label: 'Irritable',
    text: 'Becoming easily annoyed or irritable',
    code: loinc('69689-8', 'unverified', SWAPPED),
  },
  {
    label: 'Afraid',
    text: 'Feeling afraid, as if something awful might happen',
    code: loinc('69736-7', 'unverified', SWAPPED),
  },
];

export const gad7: InstrumentDefinition = {
  id: 'gad7',
  title: 'Generalized Anxiety Disorder-7',
  shortTitle: 'GAD-7',
  version: '1',
  rater: 'self',
  timeframe: 'last 2 weeks',
  stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  items: numberedItems(
    ITEMS.map(({ label, text }) => ({ label, text })),
    OPTIONS,
  ).map((item, i) => ({ ...item, code: ITEMS[i]!.code })),
  total: {
    id: 'total',
    label: 'GAD-7 total',
    expression: { kind: 'sum', terms: sumOf(itemRange(1, 7)) },
    range: [0, 21],
    code: loinc(
      '70274-6',
      'secondary',
      'Consistent across multiple FHIR repositories (docs/clinical-sources.md#gad7-codes).',
    ),
  },
  classification: {
    kind: 'bands',
    on: 'total',
    bands: [
      { id: 'minimal', label: 'Minimal', min: 0 },
      { id: 'mild', label: 'Mild', min: 5 },
      { id: 'moderate', label: 'Moderate', min: 10 },
      { id: 'severe', label: 'Severe', min: 15 },
    ],
    citation: CAMCOPS,
  },
  flags: [],
  settings: [],
  panelCode: loinc(
    '69737-5',
    'secondary',
    'Consistent across multiple FHIR repositories (docs/clinical-sources.md#gad7-codes).',
  ),
  licence: {
    status: 'public-domain',
    wordingStored: true,
    note: 'Public domain (phqscreeners, as quoted in CamCOPS).',
    citation: cite('docs/clinical-sources.md#instrument-licences', 'phqscreeners via CamCOPS', 'primary'),
  },
  citations: [
    CAMCOPS,
    cite(
      'docs/clinical-sources.md#gad7-scoring',
      'Spitzer 2006: ≥ 10 identifies GAD, sensitivity 89%, specificity 82%',
      'primary',
    ),
  ],
  notes: [
    'Beware the "not at all sure" anchor error in some copies (Zorowitz 2021); the anchors here are the frequency scale.',
  ],
};
