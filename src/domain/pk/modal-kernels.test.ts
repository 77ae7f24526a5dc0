import { describe, expect, it } from 'vitest';
import { runCp, runCpCe } from './modal-kernels';

describe('modal kernels', () => {
  it('decays each plasma mode towards its steady state and keeps the state for the next call', () => {
    const state = Float64Array.from([10, 4, 0]);
    const decay = Float64Array.from([0.5, 0.9, 1]);
    const inf = Float64Array.from([2, 0, 0]);
    const out = new Float64Array(3);
    // Rate 1 → steady state 2 for mode 0; mode 1 has no infusion term; mode 2 is padding.
    runCp(state, decay, inf, 1, out, 1, 2);
    expect(out[0]).toBe(0); // samples before `first` are left alone
    expect(out[1]).toBeCloseTo(2 + 8 * 0.5 + 4 * 0.9, 12);
    expect(out[2]).toBeCloseTo(2 + 8 * 0.25 + 4 * 0.81, 12);
    expect(Array.from(state)).toEqual([2 + 8 * 0.25, 4 * 0.9 * 0.9, 0]);
  });

  it('writes Cp and Ce together and clamps a negative Ce to 0', () => {
    const s = Float64Array.from([1, 0, 0]);
    const e = Float64Array.from([0.5, 1, 1]);
    const inf = new Float64Array(3);
    // Effect modes with mixed signs that cancel to slightly below zero.
    const f = Float64Array.from([1, -1.0000001, 0, 0]);
    const g = Float64Array.from([1, 1, 1, 1]);
    const infE = new Float64Array(4);
    const cp = new Float64Array(1);
    const ce = new Float64Array(1).fill(NaN);
    runCpCe(s, e, inf, f, g, infE, 0, cp, ce, 0, 1);
    expect(cp[0]).toBe(0.5);
    expect(ce[0]).toBe(0);
    expect(Array.from(f)).toEqual([1, -1.0000001, 0, 0]);
  });
});
