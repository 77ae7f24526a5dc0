import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountToUg,
  concentrationMgPerMl,
  formatMg,
  formatMl,
  formatThousandths,
  strengthProblems,
  toThousandths,
  unitsOf,
  viewQuantity,
  type Strength,
} from './quantities.js';

const vial50: Strength = { contentUg: 500_000, volumeUl: 10_000, countAs: 'volume' };
const vial100: Strength = { contentUg: 500_000, volumeUl: 5_000, countAs: 'volume' };
const device: Strength = { contentUg: 28_000, volumeUl: 200, countAs: 'unit' };
const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : 'refused');

describe('toThousandths', () => {
  it.each([
    [0.1, 100],
    [12.5, 12_500],
    [0.001, 1],
    [40, 40_000],
    [0.3, 300],
    [0.0005, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ])('%s → %s', (v, expected) => expect(toThousandths(v)).toBe(expected));
});

describe('amountToUg', () => {
  it.each([
    [{ value: 35, unit: 'mg' as const }, vial50, 35_000],
    [{ value: 0.7, unit: 'mL' as const }, vial50, 35_000],
    [{ value: 0.35, unit: 'mL' as const }, vial100, 35_000],
    [{ value: 2, unit: 'unit' as const }, device, 56_000],
    [{ value: 0.2, unit: 'mL' as const }, device, 28_000],
  ])('%o of %o is %d µg', (amount, s, ug) => expect(value(amountToUg(amount, s))).toBe(ug));

  it.each([
    [{ value: 0, unit: 'mg' as const }, vial50, 'must be a quantity above 0'],
    [{ value: -1, unit: 'mg' as const }, vial50, 'must be a quantity above 0'],
    [{ value: 0.0001, unit: 'mg' as const }, vial50, 'at most three decimals'],
    [{ value: 1, unit: 'unit' as const }, vial50, 'drawn by volume'],
    [{ value: 1.5, unit: 'unit' as const }, device, 'whole devices'],
    [
      { value: 1, unit: 'mL' as const },
      { contentUg: 1_000, volumeUl: null, countAs: 'unit' as const },
      'no volume',
    ],
    [
      { value: 0.001, unit: 'mL' as const },
      { contentUg: 1_000, volumeUl: 3_000, countAs: 'volume' as const },
      'whole microgram',
    ],
  ])('refuses %o of %o', (amount, s, message) => {
    const r = amountToUg(amount, s, 'dose');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0]).toMatchObject({ field: 'dose', message: expect.stringContaining(message) });
  });

  it('round-trips mg through mL exactly at integer concentrations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (ul) => {
        const ug = value(amountToUg({ value: ul / 1000, unit: 'mL' }, vial50));
        expect(ug).toBe(ul * 50);
        expect(formatMl(ug as number, vial50)).toBe(formatThousandths(ul));
      }),
    );
  });
});

describe('formatting', () => {
  it.each([
    [12_500, '12.5'],
    [3, '0.003'],
    [500_000, '500'],
    [-1_500, '-1.5'],
    [0, '0'],
  ])('%d µg is %s mg', (ug, text) => expect(formatMg(ug)).toBe(text));

  it('marks a volume that rounds', () => {
    expect(formatMl(35_000, vial50)).toBe('0.7');
    expect(formatMl(33, vial50)).toBe('≈0.001');
  });

  it('counts devices', () => {
    expect(unitsOf(56_000, device)).toBe(2);
    expect(unitsOf(30_000, device)).toBeNull();
    expect(unitsOf(28_000, vial50)).toBeNull();
    expect(viewQuantity(28_000, device)).toEqual({ ug: 28_000, mg: '28', ml: '0.2', units: 1 });
  });

  it('gives the concentration in mg/mL', () => {
    expect(concentrationMgPerMl(vial50)).toBe(50);
    expect(concentrationMgPerMl(vial100)).toBe(100);
    expect(concentrationMgPerMl(device)).toBe(140);
  });
});

describe('strengthProblems', () => {
  it('accepts the catalogue strengths', () => {
    for (const s of [vial50, vial100, device]) expect(strengthProblems(s)).toEqual([]);
  });
  it('names the wrong fields', () => {
    expect(
      strengthProblems({ contentUg: 0.5, volumeUl: null, countAs: 'volume' }).map((p) => p.field),
    ).toEqual(['strength.contentUg', 'strength.volumeUl']);
  });
});
