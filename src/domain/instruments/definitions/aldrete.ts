import type { InstrumentDefinition } from '../types';
import { cite } from './common';

const SOURCE = cite(
  'docs/clinical-sources.md#aldrete-score',
  'Modified Aldrete score (Aldrete 1995)',
  'secondary',
);

/** Options scored 2 / 1 / 0 (docs/clinical-sources.md#aldrete-score), listed from 0 upwards. */
function options(two: string, one: string, zero: string) {
  return [
    { value: 0, label: zero },
    { value: 1, label: one },
    { value: 2, label: two },
  ];
}

export const aldrete: InstrumentDefinition = {
  id: 'aldrete',
  title: 'Modified Aldrete score (post-sedation recovery)',
  shortTitle: 'Aldrete',
  version: '1',
  rater: 'clinician-observed',
  items: [
    {
      id: 'activity',
      label: 'Activity',
      options: options('Moves 4 limbs', 'Moves 2 limbs', 'Moves 0 limbs'),
    },
    {
      id: 'respiration',
      label: 'Respiration',
      options: options('Breathes deeply and coughs', 'Dyspnea or shallow breathing', 'Apnea'),
    },
    {
      id: 'circulation',
      label: 'Circulation',
      // Some versions use percentages instead of mmHg; the mmHg version is the one stored.
      options: options(
        'BP within ±20 mmHg of pre-sedation',
        'BP within ±20–50 mmHg of pre-sedation',
        'BP beyond ±50 mmHg of pre-sedation',
      ),
    },
    {
      id: 'consciousness',
      label: 'Consciousness',
      options: options('Fully awake', 'Arousable', 'Unresponsive'),
    },
    {
      id: 'spo2',
      label: 'Oxygen saturation',
      options: options('SpO2 > 92% on room air', 'Needs O2 to keep SpO2 > 90%', 'SpO2 < 90% even with O2'),
    },
  ],
  total: {
    id: 'total',
    label: 'Aldrete total',
    expression: {
      kind: 'sum',
      terms: [
        { item: 'activity' },
        { item: 'respiration' },
        { item: 'circulation' },
        { item: 'consciousness' },
        { item: 'spo2' },
      ],
    },
    range: [0, 10],
  },
  flags: [
    {
      id: 'discharge-ready',
      label: 'Aldrete discharge criterion met (clinician judgment, escort and 2-h rule still apply)',
      when: {
        kind: 'any',
        of: [
          { kind: 'score-at-least', score: 'total', value: { setting: 'dischargeThreshold' } },
          {
            kind: 'all',
            of: [
              { kind: 'setting-enabled', setting: 'allowEightWithRespirationAndSpo2' },
              { kind: 'score-at-least', score: 'total', value: 8 },
              { kind: 'item-at-least', item: 'respiration', value: 2 },
              { kind: 'item-at-least', item: 'spo2', value: 2 },
            ],
          },
        ],
      },
      citation: SOURCE,
    },
  ],
  settings: [
    {
      key: 'dischargeThreshold',
      label: 'Aldrete total at which discharge criteria are met',
      kind: 'number',
      default: 9,
      min: 0,
      max: 10,
      integer: true,
      citation: cite('docs/clinical-sources.md#aldrete-score', 'Discharge usually at ≥ 9', 'secondary'),
    },
    {
      key: 'allowEightWithRespirationAndSpo2',
      label: 'Variant: also allow ≥ 8 when respiration and SpO2 both score 2',
      kind: 'boolean',
      default: false,
      citation: cite(
        'docs/clinical-sources.md#aldrete-score',
        'Some versions allow ≥ 8 when respiration and SpO2 both score 2',
        'secondary',
      ),
    },
  ],
  licence: {
    status: 'unclear',
    wordingStored: false,
    note: 'A published clinical score; option descriptions are the short forms in docs/clinical-sources.md#aldrete-score.',
    citation: SOURCE,
  },
  citations: [SOURCE],
  notes: ['Which variant was applied is recorded in every result (details.settings).'],
};
