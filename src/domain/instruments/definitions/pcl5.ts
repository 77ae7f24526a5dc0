import type { InstrumentDefinition } from '../types';
import { cite, itemRange, numberedItems, ordinalOptions, sumOf } from './common';

const CAMCOPS = cite(
  'docs/clinical-sources.md#pcl5-scoring',
  'CamCOPS pcl5.py; re-implemented, not copied',
  'primary',
);

const OPTIONS = ordinalOptions(['Not at all', 'A little bit', 'Moderately', 'Quite a bit', 'Extremely']);

// The PCL-5 is not copyrighted (VA National Center for PTSD; docs/clinical-sources.md#instrument-licences):
// wording is stored.
const ITEMS = [
  ['Intrusive memories', 'Repeated, disturbing, and unwanted memories of the stressful experience?'],
  ['Nightmares', 'Repeated, disturbing dreams of the stressful experience?'],
  [
    'Flashbacks',
    'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
  ],
  ['Cued distress', 'Feeling very upset when something reminded you of the stressful experience?'],
  [
    'Cued physical reactions',
    'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
  ],
  [
    'Avoiding internal reminders',
    'Avoiding memories, thoughts, or feelings related to the stressful experience?',
  ],
  [
    'Avoiding external reminders',
    'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
  ],
  ['Amnesia', 'Trouble remembering important parts of the stressful experience?'],
  [
    'Negative beliefs',
    'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
  ],
  ['Blame', 'Blaming yourself or someone else for the stressful experience or what happened after it?'],
  ['Negative feelings', 'Having strong negative feelings such as fear, horror, anger, guilt, or shame?'],
  ['Loss of interest', 'Loss of interest in activities that you used to enjoy?'],
  ['Detachment', 'Feeling distant or cut off from other people?'],
  [
    'No positive feelings',
    'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
  ],
  ['Irritability', 'Irritable behavior, angry outbursts, or acting aggressively?'],
  ['Risk taking', 'Taking too many risks or doing things that could cause you harm?'],
  ['Hypervigilance', 'Being "superalert" or watchful or on guard?'],
  ['Startle', 'Feeling jumpy or easily startled?'],
  ['Concentration', 'Having difficulty concentrating?'],
  ['Sleep', 'Trouble falling or staying asleep?'],
] as const;

const CLUSTERS = [
  { id: 'cluster-b', label: 'Cluster B (intrusions), items 1–5', items: itemRange(1, 5), minPresent: 1 },
  { id: 'cluster-c', label: 'Cluster C (avoidance), items 6–7', items: itemRange(6, 7), minPresent: 1 },
  {
    id: 'cluster-d',
    label: 'Cluster D (cognition and mood), items 8–14',
    items: itemRange(8, 14),
    minPresent: 2,
  },
  {
    id: 'cluster-e',
    label: 'Cluster E (arousal and reactivity), items 15–20',
    items: itemRange(15, 20),
    minPresent: 2,
  },
];

export const pcl5: InstrumentDefinition = {
  id: 'pcl5',
  title: 'PTSD Checklist for DSM-5',
  shortTitle: 'PCL-5',
  version: '1',
  rater: 'self',
  timeframe: 'past month',
  stem:
    'Below is a list of problems that people sometimes have in response to a very stressful experience. ' +
    'Please indicate how much you have been bothered by each problem in the past month.',
  items: numberedItems(
    ITEMS.map(([label, text]) => ({ label, text })),
    OPTIONS,
  ),
  total: {
    id: 'total',
    label: 'PCL-5 total',
    expression: { kind: 'sum', terms: sumOf(itemRange(1, 20)) },
    range: [0, 80],
    code: {
      system: 'http://loinc.org',
      code: '91006-2',
      provenance: 'unverified',
      note: 'Appears in one third-party repository only (docs/clinical-sources.md#pcl5-scoring); not emitted in FHIR output by default.',
    },
  },
  subscales: CLUSTERS.map((c) => ({
    id: c.id,
    label: c.label,
    expression: { kind: 'sum', terms: sumOf(c.items) },
    range: [0, c.items.length * 4] as const,
  })),
  flags: [
    {
      id: 'provisional-ptsd',
      label: 'Provisional PTSD (DSM-5 cluster rule: items ≥ 2 present; B ≥ 1, C ≥ 1, D ≥ 2, E ≥ 2)',
      when: {
        kind: 'criteria',
        groups: CLUSTERS.map((c) => ({ ...c, itemAtLeast: 2 })),
      },
      action: 'A provisional screen, not a diagnosis; confirm with a clinical interview (e.g. CAPS-5).',
      citation: CAMCOPS,
    },
    {
      id: 'above-cutoff',
      label: 'Total at or above the PCL-5 cut-off',
      when: { kind: 'score-at-least', score: 'total', value: { setting: 'cutoff' } },
      citation: cite(
        'docs/clinical-sources.md#pcl5-cut-off',
        'VA National Center for PTSD: cut-off 31–33',
        'secondary',
      ),
    },
  ],
  settings: [
    {
      key: 'cutoff',
      label: 'PCL-5 total cut-off for a probable PTSD screen',
      kind: 'number',
      default: 33,
      min: 0,
      max: 80,
      integer: true,
      citation: cite(
        'docs/clinical-sources.md#pcl5-cut-off',
        'VA National Center for PTSD: cut-off 31–33',
        'secondary',
      ),
      note: 'The VA suggests 31–33; a clinic may choose a value in that range.',
    },
  ],
  licence: {
    status: 'not-copyrighted',
    wordingStored: true,
    note: 'The PCL-5 is not copyrighted (VA National Center for PTSD).',
    citation: cite('docs/clinical-sources.md#instrument-licences', 'VA National Center for PTSD', 'primary'),
  },
  citations: [CAMCOPS],
};
