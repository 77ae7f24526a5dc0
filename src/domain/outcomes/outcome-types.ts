/** The shapes computeOutcomes takes and returns. */
import type { Citation, InstrumentId } from '../instruments';
import type { BaselineRule, RelapseRule, RemissionRule, ResponseRule } from './outcome-rules';

/** One scored administration. `date` is an ISO 8601 date or date-time. */
export interface DatedScore {
  date: string;
  value: number;
}

export interface OutcomeSettings {
  baseline?: BaselineRule;
  /** Replaces the cited default; null switches response off. */
  response?: ResponseRule | null;
  remission?: RemissionRule | null;
  relapse?: RelapseRule | null;
}

export interface OutcomePoint {
  date: string;
  value: number;
  /** value − baseline (negative = fewer symptoms). */
  change: number;
  /** (value − baseline) / baseline × 100; null when the baseline is 0. */
  percentChange: number | null;
  response: boolean | null;
  remission: boolean | null;
}

export interface RuleOutcome {
  /** Whether the rule holds at the latest score; null when it cannot be evaluated (baseline 0). */
  met: boolean | null;
  rule: string;
  citation: Citation | null;
  /** First date on which the rule held. */
  firstMetDate: string | null;
  reason?: string;
}

export interface OutcomeResult {
  instrument: InstrumentId;
  score: string;
  baseline: { date: string; value: number; rule: string };
  latest: OutcomePoint;
  /** Every score from the baseline on, in date order. */
  points: OutcomePoint[];
  percentChange: { value: number | null; formula: string; computation: string };
  response: RuleOutcome | null;
  remission: RuleOutcome | null;
  relapse: RuleOutcome | null;
  notes: readonly string[];
}

export interface OutcomeError {
  /** Index in the input series, when the problem is about one score. */
  index?: number;
  setting?: string;
  message: string;
}

export type OutcomeComputation = { ok: true; result: OutcomeResult } | { ok: false; errors: OutcomeError[] };
