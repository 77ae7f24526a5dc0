import type { CareStatus } from '../patients/index.js';
import { canMoveCareStatus } from '../patients/index.js';
import type { InputSnapshot, RuleResult, ScreeningEvaluation } from './evaluate-screening.js';
import { stableValue } from './evaluate-screening.js';
import { fail, ok, productLabels, type Problem, type Result } from './intake-types.js';
import { listWords } from './rule-inputs.js';

/**
 * A clinician's eligibility decision for one product, and the rules that keep it honest: a hard stop
 * cannot be overridden, a relative contraindication needs a documented reason, and a decision stops
 * counting when it expires or when an input it rested on changes.
 */

export const eligibilityDecisions = [
  'eligible',
  'eligible_with_precautions',
  'not_eligible',
  'needs_more_information',
] as const;
export type EligibilityDecision = (typeof eligibilityDecisions)[number];

export const eligibilityDecisionLabels: Record<EligibilityDecision, string> = {
  eligible: 'Eligible',
  eligible_with_precautions: 'Eligible with precautions',
  not_eligible: 'Not eligible',
  needs_more_information: 'Needs more information',
};

/**
 * The shortest written reason accepted wherever a reason is required. Enough for a sentence fragment
 * such as "BP controlled on amlodipine", short of which a reason is usually a placeholder ("ok", "n/a").
 * An engineering default, applied the same way to every reason so clinicians meet one rule.
 */
export const MIN_REASON_LENGTH = 15;

export const isEligibilityDecision = (v: unknown): v is EligibilityDecision =>
  typeof v === 'string' && (eligibilityDecisions as readonly string[]).includes(v);

/** Whether the decision lets the patient be treated with the product. */
export function decisionAllowsTreatment(decision: EligibilityDecision): boolean {
  return decision === 'eligible' || decision === 'eligible_with_precautions';
}

export interface DecisionCheck {
  evaluation: Pick<ScreeningEvaluation, 'product' | 'hardStops' | 'relatives' | 'missing'>;
  decision: unknown;
  reason: string | null | undefined;
}

const titles = (rs: readonly RuleResult[]): string => listWords(rs.map((r) => r.title.toLowerCase()));

/**
 * Problems with a decision, named 'decision' or 'reason' (empty when it may be recorded):
 * - a fired hard stop forbids eligible and eligible-with-precautions for that product, with no override;
 * - a fired relative contraindication requires eligible-with-precautions (not plain eligible) and a reason;
 * - missing inputs require a reason to decide eligible either way;
 * - not eligible and needs more information always require a reason.
 * A reason is at least MIN_REASON_LENGTH characters once trimmed.
 */
export function checkDecision({ evaluation, decision, reason }: DecisionCheck): Problem[] {
  if (!isEligibilityDecision(decision)) {
    return [{ field: 'decision', message: `must be one of: ${eligibilityDecisions.join(', ')}` }];
  }
  const problems: Problem[] = [];
  const product = productLabels[evaluation.product];
  const allows = decisionAllowsTreatment(decision);
  if (allows && evaluation.hardStops.length > 0) {
    problems.push({
      field: 'decision',
      message: `${product} cannot be allowed: hard stop (${titles(evaluation.hardStops)}). A hard stop cannot be overridden.`,
    });
  } else if (decision === 'eligible' && evaluation.relatives.length > 0) {
    problems.push({
      field: 'decision',
      message:
        `Relative contraindication (${titles(evaluation.relatives)}): choose "eligible with precautions" ` +
        'and write down why treatment is appropriate.',
    });
  }
  const why: string[] = [];
  if (decision === 'eligible_with_precautions' && evaluation.relatives.length > 0) {
    why.push(`why treatment is appropriate despite ${titles(evaluation.relatives)}`);
  }
  if (allows && evaluation.missing.length > 0) {
    why.push(`why it is safe to decide without: ${titles(evaluation.missing)}`);
  }
  if (decision === 'not_eligible') why.push('why the patient is not eligible');
  if (decision === 'needs_more_information') why.push('what information is needed');
  const given = (reason ?? '').trim();
  if (why.length > 0 && given.length < MIN_REASON_LENGTH) {
    problems.push({
      field: 'reason',
      message: `Write ${why.join('; and ')} (at least ${MIN_REASON_LENGTH} characters).`,
    });
  }
  return problems;
}

/**
 * The input paths whose values differ between two snapshots, sorted; a path present in only one of
 * them counts as changed. A decision rests on every input its evaluation read, so any path here
 * invalidates it. Values are compared as stored (JSON with sorted keys), so field order does not count.
 */
export function materialChanges(previous: InputSnapshot, next: InputSnapshot): string[] {
  const paths = new Set([...Object.keys(previous), ...Object.keys(next)]);
  const changed: string[] = [];
  for (const path of paths) {
    const a = Object.hasOwn(previous, path) ? JSON.stringify(stableValue(previous[path])) : undefined;
    const b = Object.hasOwn(next, path) ? JSON.stringify(stableValue(next[path])) : undefined;
    if (a !== b) changed.push(path);
  }
  return changed.sort();
}

/** Rule ids whose status differs between two evaluations of the same product (added or removed rules count). */
export function changedRuleResults(
  previous: Pick<ScreeningEvaluation, 'results'>,
  next: Pick<ScreeningEvaluation, 'results'>,
): string[] {
  const before = new Map(previous.results.map((r) => [r.id, r.status]));
  const after = new Map(next.results.map((r) => [r.id, r.status]));
  const ids = new Set([...before.keys(), ...after.keys()]);
  return [...ids].filter((id) => before.get(id) !== after.get(id)).sort();
}

export type DecisionValidity = 'valid' | 'expired' | 'invalidated';

export interface DecisionTimes {
  /** ISO date-time. */
  decidedAt: string;
  /** Days the decision stays valid (a clinic setting); null for no expiry. */
  expiryDays: number | null;
  /** ISO date-time at which an input change invalidated it, or null. */
  invalidatedAt: string | null;
}

const DAY_MS = 86_400_000;

/**
 * Whether a decision still stands at `now`. Invalidation wins over expiry (it is the more specific
 * reason). A decision expires `expiryDays` × 24 hours after it was made. A decision time that cannot be
 * read is treated as expired rather than as valid for ever.
 */
export function decisionValidity(times: DecisionTimes, now: Date): DecisionValidity {
  if (times.invalidatedAt !== null) {
    const at = Date.parse(times.invalidatedAt);
    if (!Number.isFinite(at) || at <= now.getTime()) return 'invalidated';
  }
  if (times.expiryDays === null) return Number.isFinite(Date.parse(times.decidedAt)) ? 'valid' : 'expired';
  const decided = Date.parse(times.decidedAt);
  if (!Number.isFinite(decided) || !Number.isFinite(times.expiryDays)) return 'expired';
  return now.getTime() >= decided + times.expiryDays * DAY_MS ? 'expired' : 'valid';
}

/**
 * The care status a decision leads to (src/domain/patients care statuses): an allowing decision →
 * 'eligible', not eligible → 'not_eligible', needs more information → null (the patient stays in
 * screening).
 */
export function careStatusAfter(
  decision: EligibilityDecision,
): Extract<CareStatus, 'eligible' | 'not_eligible'> | null {
  if (decisionAllowsTreatment(decision)) return 'eligible';
  if (decision === 'not_eligible') return 'not_eligible';
  return null;
}

/**
 * The care-status moves a decision implies from the patient's current status, using only moves the
 * patients' status table allows: [] when nothing changes, [target] when the move is direct, and
 * ['screening', target] when the patient must go back to screening first (eligible → not eligible).
 * A patient in treatment, in maintenance or discharged is not moved by an eligibility decision: a
 * problem says so, and the caller decides.
 */
export function careStatusMovesAfter(
  current: CareStatus,
  decision: EligibilityDecision,
): Result<CareStatus[]> {
  const target = careStatusAfter(decision);
  if (target === null || target === current) return ok([]);
  if (canMoveCareStatus(current, target)) return ok([target]);
  if (canMoveCareStatus(current, 'screening') && canMoveCareStatus('screening', target)) {
    return ok(['screening', target]);
  }
  return fail([
    {
      field: 'careStatus',
      message: `A patient whose care status is ${current} cannot be moved to ${target} by an eligibility decision.`,
    },
  ]);
}
