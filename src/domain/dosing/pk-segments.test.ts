import { describe, expect, it } from 'vitest';
import type { PkDose } from '../pk/plan';
import { ESKETAMINE_TRD, IV_DEPRESSION } from '../protocols';
import { computeDose, type ComputedDose } from './compute-dose';
import { DEFAULT_DOSING_SETTINGS } from './dosing-settings';
import { canSimulate, doseToPkSegments } from './pk-segments';

const ok = (r: ReturnType<typeof computeDose>): ComputedDose => {
  if (!r.ok) throw new Error('no dose');
  return r.dose;
};

const ivDose = ok(
  computeDose(
    {
      protocol: IV_DEPRESSION,
      stepId: 'standard',
      patient: { weight: { value: 70, unit: 'kg' }, height: { value: 175, unit: 'cm' }, sex: 'male' },
      preparation: { vialConcentration: { value: 50, unit: 'mg/mL' }, bagVolume: { value: 100, unit: 'mL' } },
    },
    { ...DEFAULT_DOSING_SETTINGS, bagVolumeConvention: 'equal-volume-withdrawn' },
  ),
);

describe('doseToPkSegments', () => {
  it('turns an infusion into one infusion segment', () => {
    expect(doseToPkSegments(ivDose)).toEqual([{ kind: 'infusion', startMin: 0, endMin: 40, totalMg: 35 }]);
    expect(doseToPkSegments(ivDose, 15)).toEqual([
      { kind: 'infusion', startMin: 15, endMin: 55, totalMg: 35 },
    ]);
  });

  it('uses the time the pump takes at the programmed rate', () => {
    const d = ok(
      computeDose(
        {
          protocol: IV_DEPRESSION,
          stepId: 'standard',
          patient: { weight: { value: 70, unit: 'kg' }, height: { value: 175, unit: 'cm' }, sex: 'male' },
          preparation: {
            vialConcentration: { value: 50, unit: 'mg/mL' },
            bagVolume: { value: 100, unit: 'mL' },
          },
        },
        DEFAULT_DOSING_SETTINGS,
      ),
    );
    const [seg] = doseToPkSegments(d);
    expect(seg).toMatchObject({ kind: 'infusion', startMin: 0, totalMg: 35 });
    if (seg?.kind === 'infusion') expect(seg.endMin).toBeCloseTo((100.7 / 151.1) * 60, 12);
  });

  it('turns a bolus into one bolus segment', () => {
    if (ivDose.route !== 'iv') throw new Error('iv expected');
    const bolus: ComputedDose = { ...ivDose, delivery: 'bolus', durationMin: 0, infusionTimeMin: 0 };
    expect(doseToPkSegments(bolus, 5)).toEqual([{ kind: 'bolus', atMin: 5, mg: 35 }]);
  });

  it('refuses intranasal doses, which the IV models cannot represent', () => {
    const nasal = ok(computeDose({ protocol: ESKETAMINE_TRD, stepId: 'dose-56' }, DEFAULT_DOSING_SETTINGS));
    expect(canSimulate(nasal)).toBe(false);
    expect(canSimulate(ivDose)).toBe(true);
    expect(() => doseToPkSegments(nasal)).toThrow(RangeError);
  });

  it('fits the simulator plan type (checked by the type-checker)', () => {
    const doses: PkDose[] = doseToPkSegments(ivDose);
    expect(doses).toHaveLength(1);
  });

  it('rejects a negative or non-finite start time', () => {
    expect(() => doseToPkSegments(ivDose, -1)).toThrow(RangeError);
    expect(() => doseToPkSegments(ivDose, Number.NaN)).toThrow(RangeError);
  });
});
