import {
  DEFAULT_BENZODIAZEPINE_TABLE,
  type BenzodiazepineEquivalenceTable,
} from './benzodiazepine-equivalents.js';
import type { IntakeAnswers } from './intake-form.js';
import type { Problem, Product, SourceRef } from './intake-types.js';
import type { MedicationEntry } from './medications.js';
import { resolveRules, type RuleSettings } from './screening-rules.js';
import type {
  RuleStatus,
  RuleThreshold,
  ScreeningInputs,
  Severity,
  VitalsReading,
} from './screening-types.js';

/**
 * Runs every enabled rule for one product and keeps what a later reader needs to see what the
 * clinician saw: each rule's version, status, the values it read, its explanation, source and the
 * threshold used, and a snapshot of every input read (the basis for invalidating a decision when an
 * input changes; see materialChanges in eligibility.ts).
 */

export interface RuleResult {
  id: string;
  version: number;
  title: string;
  severity: Severity;
  status: RuleStatus;
  read: Record<string, unknown>;
  explanation: string;
  source: SourceRef;
  /** The threshold in force when the rule ran (the clinic's value where it changed it), or null. */
  threshold: RuleThreshold | null;
}

/** Input path → the value read, keys sorted, values as JSON would store them. */
export type InputSnapshot = Record<string, unknown>;

export interface ScreeningRequest {
  product: Product;
  intake: IntakeAnswers | null;
  medications: readonly MedicationEntry[] | null;
  vitals: VitalsReading | null;
  phq9Item9: number | null;
  remsEnrolled: boolean | null;
  /** The clinic's rule settings; null or {} for the defaults. */
  settings: RuleSettings | null;
  /** The diazepam-equivalence table in force; the default table when omitted. */
  benzoTable?: BenzodiazepineEquivalenceTable;
}

export interface ScreeningEvaluation {
  product: Product;
  /** ISO date-time of `now`; null only when `now` is not a valid date. */
  evaluatedAt: string | null;
  /** Every enabled rule for the product, in rule order. */
  results: RuleResult[];
  /** Fired hard stops. */
  hardStops: RuleResult[];
  /** Fired relative contraindications. */
  relatives: RuleResult[];
  /** Fired flags. */
  flags: RuleResult[];
  /** Rules that could not decide for lack of an input, of any severity. */
  missing: RuleResult[];
  /** Rule id → version, as evaluated. */
  ruleVersions: Record<string, number>;
  inputSnapshot: InputSnapshot;
  /** Clinic settings that were not allowed and so were ignored (the defaults were used). */
  settingsProblems: Problem[];
}

/**
 * A value as JSON would store it, with object keys sorted: two equal inputs give identical snapshots
 * whatever order their fields were built in, and undefined becomes null.
 */
export function stableValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map(stableValue);
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = stableValue(x);
    }
    return out;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

export function evaluateScreening(request: ScreeningRequest, now: Date): ScreeningEvaluation {
  const inputs: ScreeningInputs = {
    intake: request.intake,
    medications: request.medications,
    vitals: request.vitals,
    phq9Item9: request.phq9Item9,
    remsEnrolled: request.remsEnrolled,
    benzoTable: request.benzoTable ?? DEFAULT_BENZODIAZEPINE_TABLE,
  };
  const { rules, problems } = resolveRules(request.settings);
  const results: RuleResult[] = [];
  const snapshot: Record<string, unknown> = {};
  for (const { rule, enabled, threshold } of rules) {
    if (!enabled || !rule.products.includes(request.product)) continue;
    const evaluation = rule.evaluate(inputs, threshold);
    const read: Record<string, unknown> = {};
    for (const path of Object.keys(evaluation.read).sort()) {
      read[path] = stableValue(evaluation.read[path]);
      snapshot[path] = read[path];
    }
    results.push({
      id: rule.id,
      version: rule.version,
      title: rule.title,
      severity: rule.severity,
      status: evaluation.status,
      read,
      explanation: evaluation.explanation,
      source: rule.source,
      threshold: threshold ?? null,
    });
  }
  const fired = (severity: Severity) =>
    results.filter((r) => r.severity === severity && r.status === 'fired');
  const inputSnapshot: InputSnapshot = {};
  for (const path of Object.keys(snapshot).sort()) inputSnapshot[path] = snapshot[path];
  return {
    product: request.product,
    evaluatedAt: Number.isFinite(now.getTime()) ? now.toISOString() : null,
    results,
    hardStops: fired('hard_stop'),
    relatives: fired('relative'),
    flags: fired('flag'),
    missing: results.filter((r) => r.status === 'missing'),
    ruleVersions: Object.fromEntries(results.map((r) => [r.id, r.version])),
    inputSnapshot,
    settingsProblems: problems,
  };
}
