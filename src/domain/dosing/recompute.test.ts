import { describe, expect, it } from 'vitest';
import { IV_DEPRESSION } from '../protocols';
import { devineIdealBodyWeightKg } from './body-weight';
import { computeDose } from './compute-dose';
import { DEFAULT_DOSING_SETTINGS } from './dosing-settings';
import { recomputeMgPerKg } from './recompute';

const dose = (weight: number, height: number) => {
  const r = computeDose(
    {
      protocol: IV_DEPRESSION,
      stepId: 'standard',
      patient: {
        weight: { value: weight, unit: 'kg' },
        height: { value: height, unit: 'cm' },
        sex: 'female',
      },
      preparation: { vialConcentration: { value: 50, unit: 'mg/mL' }, bagVolume: { value: 100, unit: 'mL' } },
    },
    DEFAULT_DOSING_SETTINGS,
  );
  if (!r.ok || r.dose.route !== 'iv') throw new Error('no dose');
  return r.dose;
};

describe('recomputeMgPerKg', () => {
  it('recomputes mg/kg on the basis the dose used', () => {
    const d = dose(70, 170);
    expect(recomputeMgPerKg(d)).toEqual({ mgPerKg: 0.5, weightKg: 70, basis: 'actual' });
  });

  it('re-derives ideal weight from height and sex rather than trusting a stored number', () => {
    const d = dose(110, 160);
    const ibw = devineIdealBodyWeightKg(160, 'female');
    expect(d.weightBasis.basis).toBe('ideal');
    const again = recomputeMgPerKg({ ...d, weightBasis: { basis: 'ideal' } });
    expect(again.weightKg).toBeCloseTo(ibw, 12);
    expect(again.mgPerKg).toBeCloseTo(d.mgPerKg, 12);
  });

  it('reports mg/kg on another basis for comparison with trials dosed on actual weight', () => {
    const d = dose(110, 160);
    expect(recomputeMgPerKg(d, 'actual')).toEqual({
      mgPerKg: d.totalMg / 110,
      weightKg: 110,
      basis: 'actual',
    });
  });

  it('works from a plain stored row', () => {
    expect(
      recomputeMgPerKg({
        totalMg: 45,
        patient: { weightKg: 90, heightCm: 180, sex: 'male' },
        weightBasis: { basis: 'actual' },
      }).mgPerKg,
    ).toBe(0.5);
  });
});

describe('recomputeMgPerKg below the formula’s range', () => {
  it('applies the ideal-weight floor the dose was given with', () => {
    const r = computeDose(
      {
        protocol: IV_DEPRESSION,
        stepId: 'standard',
        patient: { weight: { value: 50, unit: 'kg' }, height: { value: 120, unit: 'cm' }, sex: 'female' },
        preparation: {
          vialConcentration: { value: 50, unit: 'mg/mL' },
          bagVolume: { value: 100, unit: 'mL' },
        },
        acknowledgements: { weightBasis: { basis: 'ideal', acknowledged: true } },
      },
      DEFAULT_DOSING_SETTINGS,
    );
    if (!r.ok || r.dose.route !== 'iv') throw new Error('no dose');
    expect(recomputeMgPerKg(r.dose)).toEqual({
      mgPerKg: r.dose.totalMg / 45.5,
      weightKg: 45.5,
      basis: 'ideal',
    });
  });
});
