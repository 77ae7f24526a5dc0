import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeOutcomes, type OutcomeResult } from './index';

const series = (...values: number[]) =>
  values.map((value, i) => ({ date: `2025-01-${String(i + 1).padStart(2, '0')}`, value }));

function ok(r: ReturnType<typeof computeOutcomes>): OutcomeResult {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.result;
}

describe('response (≥ 50% reduction) at its boundary', () => {
  it.each([
    ['phq9', 20, 10, true],
    ['phq9', 20, 11, false],
    ['qids-sr16', 16, 8, true],
    ['qids-sr16', 16, 9, false],
    ['madrs', 30, 15, true],
    ['madrs', 30, 16, false],
  ] as const)('%s %i → %i: %s', (id, base, latest, met) => {
    const r = ok(computeOutcomes(id, series(base, latest)));
    expect(r.response?.met).toBe(met);
    expect(r.response?.rule).toMatch(/≥ 50%/);
    expect(r.response?.citation?.provenance).toBe('primary');
  });
});

describe('remission at its boundary', () => {
  it.each([
    ['phq9', 4, true],
    ['phq9', 5, false],
    ['qids-sr16', 5, true],
    ['qids-sr16', 6, false],
    ['madrs', 10, true],
    ['madrs', 11, false],
  ] as const)('%s latest %i: %s', (id, latest, met) => {
    expect(ok(computeOutcomes(id, series(20, latest))).remission?.met).toBe(met);
  });

  it('takes MADRS ≤ 12 (TRANSFORM-3) as a setting', () => {
    const r = ok(computeOutcomes('madrs', series(30, 12), { remission: { kind: 'at-most', value: 12 } }));
    expect(r.remission).toMatchObject({ met: true, rule: 'remission = value ≤ 12' });
  });
});

describe('computeOutcomes', () => {
  it('states baseline, change and the formula with its inputs', () => {
    const r = ok(computeOutcomes('phq9', series(18, 12, 8, 4)));
    expect(r.baseline).toEqual({ date: '2025-01-01', value: 18, rule: 'baseline = first score' });
    expect(r.latest).toMatchObject({ value: 4, change: -14 });
    expect(r.percentChange.value).toBeCloseTo(-77.78, 2);
    expect(r.percentChange.computation).toBe('(4 − 18) / 18 × 100 = -77.78%');
    expect(r.response).toMatchObject({ met: true, firstMetDate: '2025-01-03' });
    expect(r.remission).toMatchObject({ met: true, firstMetDate: '2025-01-04' });
    expect(r.relapse).toBeNull();
    expect(r.notes.join(' ')).toMatch(/defines no relapse rule/);
  });

  it('sorts by date and can take the last score before treatment as baseline', () => {
    const input = [
      { date: '2025-02-10', value: 6 },
      { date: '2025-01-01', value: 22 },
      { date: '2025-02-01', value: 16 },
    ];
    const r = ok(
      computeOutcomes('phq9', input, { baseline: { kind: 'last-on-or-before', date: '2025-02-01' } }),
    );
    expect(r.baseline.value).toBe(16);
    expect(r.points.map((p) => p.value)).toEqual([16, 6]);
    expect(ok(computeOutcomes('phq9', input)).baseline.value).toBe(22);
  });

  it('uses point reduction for PCL-5 (≥ 10 points, secondary) and no remission', () => {
    const r = ok(computeOutcomes('pcl5', series(50, 40)));
    expect(r.response).toMatchObject({ met: true, citation: { provenance: 'secondary' } });
    expect(ok(computeOutcomes('pcl5', series(50, 41))).response?.met).toBe(false);
    expect(r.remission).toBeNull();
  });

  it('follows BPI severity with a 30% rule', () => {
    const r = ok(computeOutcomes('bpi-sf', series(6, 4.2)));
    expect(r.score).toBe('severity');
    expect(r.response?.met).toBe(true);
  });

  it('leaves percentage rules undecided at a baseline of 0', () => {
    const r = ok(computeOutcomes('phq9', series(0, 0)));
    expect(r.response).toMatchObject({ met: null, reason: expect.stringMatching(/baseline is 0/) });
    expect(r.percentChange.value).toBeNull();
  });

  it('computes relapse only when the clinic opts in', () => {
    const r = ok(computeOutcomes('phq9', series(20, 8, 9, 14), { relapse: { kind: 'loss-of-response' } }));
    expect(r.relapse).toMatchObject({ met: true, firstMetDate: '2025-01-04' });
    expect(r.response?.met).toBe(false);
  });

  it('has no response definition for GAD-7 unless one is set', () => {
    expect(ok(computeOutcomes('gad7', series(15, 5))).response).toBeNull();
    const r = ok(
      computeOutcomes('gad7', series(15, 5), { response: { kind: 'percent-reduction', atLeast: 50 } }),
    );
    expect(r.response).toMatchObject({ met: true, citation: { section: 'clinic setting' } });
  });

  it('rejects bad input with the index or setting named', () => {
    const bad = computeOutcomes('phq9', [
      { date: '2025-01-01', value: 10 },
      { date: 'yesterday', value: 30 },
    ]);
    expect(!bad.ok && bad.errors.map((e) => e.index)).toEqual([1, 1]);
    expect(computeOutcomes('phq9', []).ok).toBe(false);
    expect(computeOutcomes('cssrs-screener', series(1)).ok).toBe(false);
    const s = computeOutcomes('phq9', series(10, 5), { response: { kind: 'percent-reduction', atLeast: 0 } });
    expect(!s.ok && s.errors[0]?.setting).toBe('response');
  });

  it('does not decide anything from the baseline alone', () => {
    const r = ok(computeOutcomes('phq9', series(12)));
    expect(r.response).toMatchObject({ met: null, reason: 'only the baseline score is available' });
  });

  it('property: response is monotone — a lower latest score never loses a response', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 27 }),
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 0, max: 27 }),
        (b, x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const atHi = ok(computeOutcomes('phq9', series(b, hi)));
          const atLo = ok(computeOutcomes('phq9', series(b, lo)));
          if (atHi.response?.met) expect(atLo.response?.met).toBe(true);
          if (atHi.remission?.met) expect(atLo.remission?.met).toBe(true);
          expect(atHi.percentChange.value).toBeCloseTo(((hi - b) / b) * 100, 10);
        },
      ),
    );
  });

  it('property: out-of-range scores are rejected', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 28, max: 1000 }), fc.integer({ min: -1000, max: -1 })), (v) => {
        const r = computeOutcomes('phq9', series(10, v));
        expect(!r.ok && r.errors[0]?.index).toBe(1);
      }),
    );
  });
});
