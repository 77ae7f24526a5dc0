import { decisionAllowsTreatment, decisionValidity, type EligibilityDecision } from './eligibility.js';
import type { RuleResult, ScreeningEvaluation } from './evaluate-screening.js';
import { productLabels, type Product } from './intake-types.js';
import { listWords } from './rule-inputs.js';

/**
 * Whether a patient may start an infusion or an esketamine session: a valid eligibility decision that
 * allows the product, a valid consent, and no hard stop in the screening on record. Anything relative
 * or flagged is returned for the nurse and prescriber to see; it does not block by itself, because the
 * decision already weighed it.
 */

export const consentStatuses = [
  'valid',
  'expired',
  'withdrawn',
  'superseded',
  'unsigned',
  'awaiting_countersignature',
] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

export interface ReadinessDecision {
  product: Product;
  decision: EligibilityDecision;
  reason: string | null;
  /** ISO date-time. */
  decidedAt: string;
  expiryDays: number | null;
  invalidatedAt: string | null;
}

export interface ReadinessRequest {
  product: Product;
  /** The session's start (or now): decisions are judged valid or expired at this instant. */
  date: Date;
  /** The latest decision for this patient and product, or null. */
  decision: ReadinessDecision | null;
  consent: { status: ConsentStatus } | null;
  /** The latest screening evaluation for this patient and product, or null. */
  evaluation: Pick<ScreeningEvaluation, 'product' | 'hardStops' | 'relatives' | 'flags' | 'missing'> | null;
}

export type BlockerCode =
  | 'no_decision'
  | 'decision_wrong_product'
  | 'decision_does_not_allow'
  | 'decision_expired'
  | 'decision_invalidated'
  | 'no_evaluation'
  | 'evaluation_wrong_product'
  | 'hard_stop'
  | 'relative_contraindication_without_precautions'
  | 'no_consent'
  | 'consent_not_valid';

export interface Blocker {
  code: BlockerCode;
  message: string;
}

export interface Readiness {
  ready: boolean;
  blockers: Blocker[];
  /** Fired relative contraindications and flags, for the people giving the treatment to see. */
  flags: RuleResult[];
  /** Rules that could not decide for lack of an input. */
  missing: RuleResult[];
}

const CONSENT_WORDS: Record<Exclude<ConsentStatus, 'valid'>, string> = {
  expired: 'has expired',
  withdrawn: 'was withdrawn',
  superseded: 'was replaced by a newer consent form that has not been signed',
  unsigned: 'has not been signed',
  awaiting_countersignature: 'is waiting for the clinician’s countersignature',
};

const lower = (rs: readonly RuleResult[]): string => listWords(rs.map((r) => r.title.toLowerCase()));

function decisionBlockers(request: ReadinessRequest, product: string): Blocker[] {
  const { decision } = request;
  if (decision === null) {
    return [{ code: 'no_decision', message: `No eligibility decision for ${product}.` }];
  }
  if (decision.product !== request.product) {
    return [
      {
        code: 'decision_wrong_product',
        message: `The eligibility decision is for ${productLabels[decision.product]}, not ${product}.`,
      },
    ];
  }
  const blockers: Blocker[] = [];
  if (!decisionAllowsTreatment(decision.decision)) {
    blockers.push({
      code: 'decision_does_not_allow',
      message:
        decision.decision === 'not_eligible'
          ? `The patient was judged not eligible for ${product}.`
          : `The eligibility decision for ${product} is waiting for more information.`,
    });
  }
  const validity = decisionValidity(decision, request.date);
  if (validity === 'expired') {
    blockers.push({
      code: 'decision_expired',
      message: `The eligibility decision for ${product} has expired.`,
    });
  } else if (validity === 'invalidated') {
    blockers.push({
      code: 'decision_invalidated',
      message: `The eligibility decision for ${product} no longer stands: information it rested on has changed.`,
    });
  }
  return blockers;
}

function evaluationBlockers(request: ReadinessRequest, product: string): Blocker[] {
  const { evaluation, decision } = request;
  if (evaluation === null)
    return [{ code: 'no_evaluation', message: `No screening on record for ${product}.` }];
  if (evaluation.product !== request.product) {
    return [
      {
        code: 'evaluation_wrong_product',
        message: `The screening on record is for ${productLabels[evaluation.product]}, not ${product}.`,
      },
    ];
  }
  const blockers: Blocker[] = [];
  if (evaluation.hardStops.length > 0) {
    blockers.push({
      code: 'hard_stop',
      message: `Hard stop for ${product}: ${lower(evaluation.hardStops)}.`,
    });
  }
  // A relative contraindication that appeared after a plain "eligible" was never weighed by anyone.
  if (decision?.decision === 'eligible' && evaluation.relatives.length > 0) {
    blockers.push({
      code: 'relative_contraindication_without_precautions',
      message: `The screening now shows ${lower(evaluation.relatives)}, which the eligibility decision did not weigh.`,
    });
  }
  return blockers;
}

function consentBlockers(request: ReadinessRequest): Blocker[] {
  const { consent } = request;
  if (consent === null) return [{ code: 'no_consent', message: 'No consent on record.' }];
  if (consent.status === 'valid') return [];
  const words = CONSENT_WORDS[consent.status] ?? `has status "${String(consent.status)}"`;
  return [{ code: 'consent_not_valid', message: `The consent ${words}.` }];
}

export function preInfusionReadiness(request: ReadinessRequest): Readiness {
  const product = productLabels[request.product];
  const blockers = [
    ...decisionBlockers(request, product),
    ...evaluationBlockers(request, product),
    ...consentBlockers(request),
  ];
  const evaluation = request.evaluation?.product === request.product ? request.evaluation : null;
  return {
    ready: blockers.length === 0,
    blockers,
    flags: evaluation ? [...evaluation.relatives, ...evaluation.flags] : [],
    missing: evaluation ? [...evaluation.missing] : [],
  };
}
