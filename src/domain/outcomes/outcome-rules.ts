import { cite } from '../instruments';
import type { Citation, InstrumentId } from '../instruments';

/**
 * Outcome rules as data, with the cited defaults of docs/clinical-sources.md#response-definition and
 * docs/clinical-sources.md#remission-definition. Every one can be replaced per clinic (OutcomeSettings); the
 * rule actually applied is returned with every result.
 */

export type ResponseRule =
  /** Reduction from baseline of at least `atLeast` percent. */
  | { kind: 'percent-reduction'; atLeast: number }
  /** Reduction from baseline of at least `atLeast` points. */
  | { kind: 'point-reduction'; atLeast: number };

export type RemissionRule = { kind: 'below'; value: number } | { kind: 'at-most'; value: number };

/**
 * No source defines relapse (docs/clinical-sources.md#relapse-definition), so there is no default; a
 * clinic may opt in to this rule:
 * after response was first met, a later score that no longer meets the response rule.
 */
export type RelapseRule = { kind: 'loss-of-response' };

export type BaselineRule =
  | { kind: 'first' }
  /** The last score on or before a date (e.g. the first infusion), so pre-treatment screening counts. */
  | { kind: 'last-on-or-before'; date: string };

export interface CitedRule<R> {
  rule: R;
  citation: Citation;
}

export interface OutcomeDefaults {
  /** Which number of a scored result the series holds: the total, or a subscale (BPI severity). */
  score: string;
  response: CitedRule<ResponseRule> | null;
  remission: CitedRule<RemissionRule> | null;
  notes?: readonly string[];
}

const RESPONSE = 'docs/clinical-sources.md#response-definition';
const REMISSION = 'docs/clinical-sources.md#remission-definition';

export const OUTCOME_DEFAULTS: Readonly<Record<InstrumentId, OutcomeDefaults>> = {
  phq9: {
    score: 'total',
    response: {
      rule: { kind: 'percent-reduction', atLeast: 50 },
      citation: cite(RESPONSE, 'McInnes 2022: response ≥ 50% reduction', 'primary'),
    },
    remission: {
      rule: { kind: 'below', value: 5 },
      citation: cite(REMISSION, 'McInnes 2022: remission PHQ-9 < 5', 'primary'),
    },
  },
  'qids-sr16': {
    score: 'total',
    response: {
      rule: { kind: 'percent-reduction', atLeast: 50 },
      citation: cite(RESPONSE, 'ELEKT-D (Anand 2023): response ≥ 50% reduction', 'primary'),
    },
    remission: {
      rule: { kind: 'at-most', value: 5 },
      citation: cite(REMISSION, 'CRTCE (McIntyre 2020): remission QIDS ≤ 5', 'primary'),
    },
  },
  madrs: {
    score: 'total',
    response: {
      rule: { kind: 'percent-reduction', atLeast: 50 },
      citation: cite(RESPONSE, 'Murrough 2013: response ≥ 50% MADRS reduction', 'primary'),
    },
    remission: {
      rule: { kind: 'at-most', value: 10 },
      citation: cite(
        REMISSION,
        'KetECT (Ekstrand 2022): remission MADRS ≤ 10; TRANSFORM-3 used ≤ 12',
        'primary',
      ),
    },
    notes: ['Set remission to { kind: "at-most", value: 12 } to compare with TRANSFORM-3.'],
  },
  pcl5: {
    score: 'total',
    response: {
      rule: { kind: 'point-reduction', atLeast: 10 },
      citation: cite(RESPONSE, 'PCL-5 reduction ≥ 10 points (VA guidance via qxmd)', 'secondary'),
    },
    remission: null,
    notes: [
      '5 points = reliable change [secondary]; Marx 2022 found a reliable change index of 15 in one sample.',
    ],
  },
  'pain-nrs': {
    score: 'total',
    response: {
      rule: { kind: 'percent-reduction', atLeast: 30 },
      citation: cite(RESPONSE, 'Pain response ≥ 30% NRS reduction (ePPOC / IMMPACT)', 'secondary'),
    },
    remission: null,
  },
  'bpi-sf': {
    score: 'severity',
    response: {
      rule: { kind: 'percent-reduction', atLeast: 30 },
      citation: cite(
        'docs/clinical-sources.md#pain-scales',
        '≥ 30% reduction, the usual pain responder definition (ePPOC / IMMPACT)',
        'secondary',
      ),
    },
    remission: null,
    notes: [
      'For interference, a 1-point change is meaningful [secondary]; pass interference values with a point rule.',
    ],
  },
  gad7: {
    score: 'total',
    response: null,
    remission: null,
    notes: ['No cited response or remission definition.'],
  },
  cadss6: { score: 'total', response: null, remission: null },
  moaas: { score: 'total', response: null, remission: null },
  'cssrs-screener': {
    score: 'risk',
    response: null,
    remission: null,
    notes: ['Categorical; no numeric outcome.'],
  },
  aldrete: { score: 'total', response: null, remission: null },
};
