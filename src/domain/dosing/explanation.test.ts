import { describe, expect, it } from 'vitest';
import { IV_CHRONIC_PAIN, IV_DEPRESSION } from '../protocols';
import { computeDose } from './compute-dose';
import { ivDose, ivRequest, lineOf } from './dose-test-fixtures';
import { DEFAULT_DOSING_SETTINGS } from './dosing-settings';

const S = DEFAULT_DOSING_SETTINGS;

describe('a complete explanation', () => {
  const pain = ivDose(
    computeDose(
      ivRequest({
        protocol: IV_CHRONIC_PAIN,
        stepId: 'infusion',
        doseOverride: { value: 2, unit: 'mg/kg/h' },
        preparation: {
          vialConcentration: { value: 50, unit: 'mg/mL' },
          bagVolume: { value: 250, unit: 'mL' },
        },
      }),
      S,
    ),
  );

  it('shows mg/kg/h for a rate protocol, next to the mg/kg/h ceiling it was checked against', () => {
    expect(lineOf(pain, 'mgPerKg')?.value).toBe(8);
    expect(lineOf(pain, 'mgPerKgPerHour')).toMatchObject({
      value: 2,
      unit: 'mg/kg/h',
      formula: 'total mg ÷ weight used ÷ (duration (min) ÷ 60)',
    });
    expect(lineOf(pain, 'ceilingMgPerKgPerHour')).toMatchObject({
      label: 'Ceiling checked (mg/kg/h)',
      value: 2,
      unit: 'mg/kg/h',
    });
    expect(lineOf(pain, 'ceilingMgPerKgPerHour')?.sources).toEqual([
      {
        id: 'cohen-2018',
        source: expect.stringContaining('Cohen'),
        tag: 'secondary',
        reference: 'docs/clinical-sources.md#chronic-pain-protocols',
      },
    ]);
    expect(lineOf(pain, 'ceilingMgPerKg')).toBeUndefined();
  });

  it('shows the mg/kg ceiling with its source and evidence tags', () => {
    const d = ivDose(computeDose(ivRequest(), S));
    const ceiling = lineOf(d, 'ceilingMgPerKg');
    expect(ceiling).toMatchObject({ value: 1, unit: 'mg/kg' });
    expect(ceiling?.sources?.map((c) => [c.id, c.tag])).toEqual(
      IV_DEPRESSION.ceiling.citationIds.map((id) => [
        id,
        IV_DEPRESSION.citations.find((c) => c.id === id)?.tag,
      ]),
    );
    expect(ceiling?.inputs).toContainEqual({ name: 'dose as drawn', value: 0.5, unit: 'mg/kg' });
  });

  it('shows mg/kg of actual weight when ideal weight was used (trials report it that way)', () => {
    const d = ivDose(computeDose(ivRequest({}, 120, 170), S));
    expect(d.weightBasis.basis).toBe('ideal');
    expect(lineOf(d, 'mgPerKgActualWeight')).toMatchObject({ value: 33 / 120, unit: 'mg/kg' });
    expect(lineOf(ivDose(computeDose(ivRequest(), S)), 'mgPerKgActualWeight')).toBeUndefined();
  });

  it('gives every line a formula and inputs', () => {
    for (const l of pain.explanation) {
      expect(l.formula.length, l.quantity).toBeGreaterThan(0);
      expect(l.inputs.length, l.quantity).toBeGreaterThan(0);
    }
  });
});
