/** Outcome rules as the sentences shown beside every result, so a reader sees exactly what was applied. */
import type { BaselineRule, RemissionRule, ResponseRule } from './outcome-rules';

export function describeResponse(r: ResponseRule): string {
  return r.kind === 'percent-reduction'
    ? `response = reduction from baseline ≥ ${r.atLeast}% ((baseline − value) / baseline × 100 ≥ ${r.atLeast})`
    : `response = reduction from baseline ≥ ${r.atLeast} points (baseline − value ≥ ${r.atLeast})`;
}

export function describeRemission(r: RemissionRule): string {
  return r.kind === 'below' ? `remission = value < ${r.value}` : `remission = value ≤ ${r.value}`;
}

export function describeBaseline(b: BaselineRule): string {
  return b.kind === 'first' ? 'baseline = first score' : `baseline = last score on or before ${b.date}`;
}
