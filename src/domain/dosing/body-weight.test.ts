import { describe, expect, it } from 'vitest';
import { bodyMassIndex, chooseWeightBasis, devineIdealBodyWeightKg, type Sex } from './body-weight';

const inches = (feet: number, inch: number) => (feet * 12 + inch) * 2.54;

describe('devineIdealBodyWeightKg', () => {
  // Devine 1974: 50 kg (men) / 45.5 kg (women) + 2.3 kg per inch over 5 ft.
  it.each<[Sex, number, number, number]>([
    ['male', 5, 0, 50],
    ['male', 5, 6, 63.8],
    ['male', 5, 10, 73],
    ['male', 6, 0, 77.6],
    ['male', 6, 4, 86.8],
    ['female', 5, 0, 45.5],
    ['female', 5, 4, 54.7],
    ['female', 5, 6, 59.3],
    ['female', 5, 10, 68.5],
    ['female', 6, 0, 73.1],
  ])('%s %i ft %i in → %f kg', (sex, ft, inch, kg) => {
    expect(devineIdealBodyWeightKg(inches(ft, inch), sex)).toBeCloseTo(kg, 10);
  });

  it('extrapolates linearly below 5 ft', () => {
    expect(devineIdealBodyWeightKg(inches(4, 10), 'female')).toBeCloseTo(40.9, 10);
  });
});

describe('bodyMassIndex', () => {
  it('is kg / m²', () => {
    expect(bodyMassIndex(70, 175)).toBeCloseTo(22.857142857, 8);
    expect(bodyMassIndex(90, 150)).toBeCloseTo(40, 10);
  });
});

describe('chooseWeightBasis', () => {
  const rule = { rule: 'ideal-when-bmi-at-least', bmiThreshold: 30 } as const;

  it('uses actual weight below the BMI threshold', () => {
    const c = chooseWeightBasis(80, 180, 'male', rule, true);
    expect(c).toMatchObject({ basis: 'actual', weightUsedKg: 80 });
    expect(c.reason).toContain('< 30');
  });

  it('uses ideal weight at the threshold exactly (≥)', () => {
    // 30 × 1.8² = 97.2 kg → BMI 30.
    const c = chooseWeightBasis(97.2, 180, 'male', rule, true);
    expect(c.basis).toBe('ideal');
    expect(c.weightUsedKg).toBeCloseTo(devineIdealBodyWeightKg(180, 'male'), 12);
  });

  it('never raises the weight above actual when useActualWhenBelowIdeal is on', () => {
    const c = chooseWeightBasis(50, 190, 'male', { rule: 'ideal' }, true);
    expect(c).toMatchObject({ basis: 'actual', weightUsedKg: 50 });
    expect(c.reason).toContain('exceeds actual');
    expect(chooseWeightBasis(50, 190, 'male', { rule: 'ideal' }, false).basis).toBe('ideal');
  });

  it('always uses actual under the actual rule', () => {
    expect(chooseWeightBasis(150, 160, 'female', { rule: 'actual' }, true)).toMatchObject({
      basis: 'actual',
      weightUsedKg: 150,
    });
  });

  it('flags extrapolation below 5 ft', () => {
    expect(chooseWeightBasis(80, 145, 'female', rule, true).idealExtrapolated).toBe(true);
    expect(chooseWeightBasis(80, 160, 'female', rule, true).idealExtrapolated).toBe(false);
  });
});
