import { describe, expect, it } from 'vitest';
import { describeBaseline, describeRemission, describeResponse } from './rule-text';

describe('rule texts', () => {
  it('states the response rule with its formula', () => {
    expect(describeResponse({ kind: 'percent-reduction', atLeast: 50 })).toBe(
      'response = reduction from baseline ≥ 50% ((baseline − value) / baseline × 100 ≥ 50)',
    );
    expect(describeResponse({ kind: 'point-reduction', atLeast: 4 })).toBe(
      'response = reduction from baseline ≥ 4 points (baseline − value ≥ 4)',
    );
  });

  it('distinguishes strict and inclusive remission cut-offs', () => {
    expect(describeRemission({ kind: 'below', value: 5 })).toBe('remission = value < 5');
    expect(describeRemission({ kind: 'at-most', value: 10 })).toBe('remission = value ≤ 10');
  });

  it('names the baseline date when there is one', () => {
    expect(describeBaseline({ kind: 'first' })).toBe('baseline = first score');
    expect(describeBaseline({ kind: 'last-on-or-before', date: '2025-03-01' })).toBe(
      'baseline = last score on or before 2025-03-01',
    );
  });
});
