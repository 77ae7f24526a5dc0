import { describe, expect, it } from 'vitest';
import { bodyMassIndex, chooseWeightBasis, DEVINE_MIN_HEIGHT_CM } from './body-weight';
import { computeDose } from './compute-dose';
import { ivDose, ivRequest, lineOf, settingsWith, stopsOf, warningCodes } from './dose-test-fixtures';
import { DEFAULT_DOSING_SETTINGS } from './dosing-settings';

const bmiRule = { rule: 'ideal-when-bmi-at-least', bmiThreshold: 30 } as const;

describe('BMI threshold at the precision shown (one decimal)', () => {
  it('76.8 kg at 160 cm is BMI 30.0 and is dosed on ideal weight: 26 mg, not 38.5 mg', () => {
    // 76.8 / 1.6² is 29.999999999999993 in floating point; the clinician sees 30.0.
    expect(bodyMassIndex(76.8, 160)).toBeLessThan(30);
    const d = ivDose(computeDose(ivRequest({}, 76.8, 160, 'female'), DEFAULT_DOSING_SETTINGS));
    expect(d.weightBasis.basis).toBe('ideal');
    expect(d.totalMg).toBe(26); // ideal 52.38 kg × 0.5 = 26.19 mg → 0.52 mL → 26 mg
    expect(d.weightBasis.reason).toContain('BMI 30.0 ≥ 30');
    expect(lineOf(d, 'bmi')).toMatchObject({
      value: 30,
      rounding: { increment: 0.1, mode: 'nearest', unrounded: bodyMassIndex(76.8, 160) },
    });
  });

  // At 200 cm, BMI = weight ÷ 4.
  it.each<[number, string, 'actual' | 'ideal']>([
    [119.76, '29.9', 'actual'], // 29.94
    [119.8, '30.0', 'ideal'], // 29.95 (29.949999… in binary) rounds half up to 30.0
    [120, '30.0', 'ideal'], // 30.0
    [120.2, '30.1', 'ideal'], // 30.05
  ])('%f kg at 200 cm shows BMI %s and uses %s weight', (weight, shown, basis) => {
    const c = chooseWeightBasis(weight, 200, 'male', bmiRule, true);
    expect(c.basis).toBe(basis);
    expect(c.reason).toContain(`BMI ${shown} ${basis === 'ideal' ? '≥' : '<'} 30`);
  });
});

describe('ideal body weight below the Devine formula’s range (from 60 in, 152.4 cm)', () => {
  // 120 cm, 50 kg, female: BMI 34.7, so the clinic rule asks for ideal weight; Devine extrapolated gives
  // 45.5 + 2.3 × (47.24 − 60) = 16.2 kg, which would be 0.16 mg/kg of actual weight.
  const short = (patch = {}) => ivRequest(patch, 50, 120, 'female');

  it('is defined from 152.4 cm', () => {
    expect(DEVINE_MIN_HEIGHT_CM).toBe(152.4);
  });

  it('is a hard stop until the clinician chooses a basis, showing what each basis gives', () => {
    const r = computeDose(short(), DEFAULT_DOSING_SETTINGS);
    expect(stopsOf(r)).toEqual([['weight-basis-choice-required', 'acknowledgements.weightBasis']]);
    if (r.ok) return;
    const stop = r.hardStops[0]!;
    expect(stop.options).toEqual([
      { basis: 'actual', weightKg: 50, exactMg: 25, mgPerKgActualWeight: 0.5 },
      // The ideal option never goes below the floor (Devine's base weight at 60 in).
      { basis: 'ideal', weightKg: 45.5, exactMg: 22.75, mgPerKgActualWeight: 0.455 },
    ]);
    expect(stop.message).toContain('152.4 cm');
    expect(stop.message).toContain('25 mg');
    expect(stop.message).toContain('22.75 mg');
  });

  it('still stops when a basis is named but not acknowledged', () => {
    const r = computeDose(
      short({ acknowledgements: { weightBasis: { basis: 'ideal', acknowledged: false } } }),
      DEFAULT_DOSING_SETTINGS,
    );
    expect(stopsOf(r)).toEqual([['weight-basis-choice-required', 'acknowledgements.weightBasis']]);
  });

  it('doses on the floored ideal weight once chosen and acknowledged, and records the choice', () => {
    const r = computeDose(
      short({ acknowledgements: { weightBasis: { basis: 'ideal', acknowledged: true } } }),
      DEFAULT_DOSING_SETTINGS,
    );
    const d = ivDose(r);
    expect(d.weightBasis).toMatchObject({ basis: 'ideal', weightUsedKg: 45.5, idealWeightFloorKg: 45.5 });
    expect(d.exactMg).toBeCloseTo(22.75, 10);
    expect(warningCodes(r)).toContain('weight-basis-chosen-below-formula-range');
    expect(d.weightBasis.reason).toContain('clinician');
    const ideal = lineOf(d, 'idealBodyWeightKg');
    expect(ideal?.inputs).toContainEqual({ name: 'formula defined from', value: 152.4, unit: 'cm' });
    expect(lineOf(d, 'weightUsedKg')?.formula).toContain('floor');
  });

  it('doses on actual weight once that is chosen and acknowledged', () => {
    const d = ivDose(
      computeDose(
        short({ acknowledgements: { weightBasis: { basis: 'actual', acknowledged: true } } }),
        DEFAULT_DOSING_SETTINGS,
      ),
    );
    expect(d).toMatchObject({ totalMg: 25, weightBasis: { basis: 'actual', weightUsedKg: 50 } });
  });

  it('takes the floor from the clinic setting', () => {
    const r = computeDose(short(), settingsWith({ idealWeightFloorKg: { male: 45, female: 40 } }));
    if (r.ok) throw new Error('expected a stop');
    expect(r.hardStops[0]?.options?.[1]).toMatchObject({ basis: 'ideal', weightKg: 40, exactMg: 20 });
  });

  it('needs no choice when the rule doses on actual weight anyway, and says the range in the explanation', () => {
    // 40 kg at 140 cm: BMI 20.4, so actual weight is used and ideal weight plays no part.
    const r = computeDose(ivRequest({}, 40, 140, 'female'), DEFAULT_DOSING_SETTINGS);
    const d = ivDose(r);
    expect(d.weightBasis.basis).toBe('actual');
    expect(lineOf(d, 'idealBodyWeightKg')?.formula).toContain('defined from 60 in');
    expect(warningCodes(r)).not.toContain('ideal-weight-extrapolated');
  });

  it('never doses below the floor under an always-ideal rule', () => {
    const d = ivDose(
      computeDose(
        short({ acknowledgements: { weightBasis: { basis: 'ideal', acknowledged: true } } }),
        settingsWith({ weightBasis: { rule: 'ideal' }, useActualWhenBelowIdeal: false }),
      ),
    );
    expect(d.weightBasis.weightUsedKg).toBe(45.5);
  });
});
