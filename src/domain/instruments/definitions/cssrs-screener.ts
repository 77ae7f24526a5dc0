import type { InstrumentDefinition } from '../types';
import { cite, YES_NO_OPTIONS } from './common';

const SOURCE = cite(
  'docs/clinical-sources.md#cssrs-screener',
  'Ottawa depression algorithm page; C-SSRS training material',
  'secondary',
);

// Wording is not stored: the C-SSRS is free but copyrighted and its licence terms are [unverified].
const asked = (label: string, id: string) => ({ id, label, options: YES_NO_OPTIONS });
const afterQ2 = { item: 'item2', equals: 1 } as const;

export const cssrsScreener: InstrumentDefinition = {
  id: 'cssrs-screener',
  title: 'Columbia Suicide Severity Rating Scale, screener',
  shortTitle: 'C-SSRS screener',
  version: '1',
  rater: 'clinician',
  timeframe: 'past month (Q1–Q5); lifetime and past 3 months (Q6)',
  items: [
    asked('Q1 Wish to be dead (past month)', 'item1'),
    asked('Q2 Active suicidal thoughts (past month)', 'item2'),
    // Q3–Q5 are skipped when Q2 is "no" (skip to Q6).
    { ...asked('Q3 Thoughts of method (past month)', 'item3'), enableWhen: afterQ2 },
    { ...asked('Q4 Intent to act (past month)', 'item4'), enableWhen: afterQ2 },
    { ...asked('Q5 Plan with intent (past month)', 'item5'), enableWhen: afterQ2 },
    asked('Q6 Suicidal behaviour (lifetime)', 'item6'),
    // Asked only when Q6 is yes.
    {
      ...asked('Q6 Suicidal behaviour within the past 3 months', 'item6-recent'),
      enableWhen: { item: 'item6', equals: 1 },
    },
  ],
  classification: {
    kind: 'levels',
    levels: [
      {
        id: 'high',
        label: 'High risk',
        when: {
          kind: 'any',
          of: [
            { kind: 'item-at-least', item: 'item4', value: 1 },
            { kind: 'item-at-least', item: 'item5', value: 1 },
            { kind: 'item-at-least', item: 'item6-recent', value: 1 },
          ],
        },
        citation: cite(
          'docs/clinical-sources.md#cssrs-screener',
          'High risk = yes to Q4 or Q5, or Q6 within the past 3 months',
          'secondary',
        ),
      },
      {
        id: 'moderate',
        label: 'Moderate risk',
        when: { kind: 'any-item-in-setting', setting: 'moderateItems', atLeast: 1 },
        citation: cite(
          'docs/clinical-sources.md#cssrs-screener',
          'The exact "moderate" rule is not verified; it is a setting',
          'unverified',
        ),
      },
    ],
    otherwise: { id: 'low', label: 'Low risk' },
  },
  flags: [
    {
      id: 'suicidal-ideation',
      label: 'Wish to be dead or suicidal thoughts in the past month (Q1 or Q2)',
      when: {
        kind: 'any',
        of: [
          { kind: 'item-at-least', item: 'item1', value: 1 },
          { kind: 'item-at-least', item: 'item2', value: 1 },
        ],
      },
      citation: SOURCE,
    },
    {
      id: 'recent-suicidal-behaviour',
      label: 'Suicidal behaviour within the past 3 months',
      when: { kind: 'item-at-least', item: 'item6-recent', value: 1 },
      action: 'High risk: follow the clinic safety protocol.',
      citation: SOURCE,
    },
  ],
  settings: [
    {
      key: 'moderateItems',
      label: 'Items whose "yes" makes the risk at least moderate (checked after the high-risk rule)',
      kind: 'item-list',
      // Q6 reaches this rule only when the behaviour was not within 3 months (that case is already high).
      default: ['item3', 'item6'],
      allowed: ['item1', 'item2', 'item3', 'item6'],
      citation: cite(
        'docs/clinical-sources.md#cssrs-screener',
        'Common triage practice: Q3, or lifetime behaviour > 3 months ago',
        'unverified',
      ),
      note: 'The moderate rule is unverified in the clinical source register; each clinic must confirm it.',
    },
    {
      key: 'alertAtModerateRisk',
      label: 'Also open a safety alert at moderate risk (high risk and Q1 or Q2 always do)',
      kind: 'boolean',
      default: false,
      citation: cite(
        'docs/clinical-sources.md#cssrs-screener',
        'High risk (Q4 or Q5, or Q6 within 3 months) → act; moderate is the clinic’s choice',
        'secondary',
      ),
      note: 'The moderate rule itself is unverified (setting moderateItems).',
    },
  ],
  licence: {
    status: 'unclear',
    wordingStored: false,
    note: 'Free but copyrighted; terms [unverified]. Labels only; use the official screener wording with patients.',
    citation: cite('docs/clinical-sources.md#instrument-licences', 'C-SSRS licence', 'unverified'),
  },
  citations: [SOURCE],
  notes: [
    'Opens a safety alert at high risk or when Q1 or Q2 is yes; also at moderate risk when the clinic sets alertAtModerateRisk.',
    'No LOINC codes: the clinical source register lists C-SSRS codes as unverified, so none are stored.',
  ],
};
