import { describe, expect, it } from 'vitest';
import { compileModel } from './compile-model';
import { ke0ForTimeToPeak, resolveKe0, timeToPeakEffect } from './ke0';
import { dispositionModes } from './modal';
import { findModel, PK_MODELS } from './models';
import { resolveRateConstants } from './rate-constants';

const domino70 = dispositionModes(resolveRateConstants(findModel('domino')!, 70));

describe('time to peak effect (docs/clinical-sources.md#pk-ke0 table, Domino at 70 kg)', () => {
  it.each([
    [10, 0.22, 0.005],
    [0.0857, 3, 0.01],
    [0.652, 1.0, 0.005],
    [0.238, 1.61, 0.005],
  ])('ke0 %s min⁻¹ peaks at ≈ %s min', (ke0, tPeak, tol) => {
    expect(Math.abs(timeToPeakEffect(domino70, ke0) - tPeak)).toBeLessThanOrEqual(tol);
  });

  it('Kamp with the SimTIVA weight formula (1.39 min⁻¹ at 70 kg) peaks at ≈ 1.605 min', () => {
    const kamp = findModel('kamp-2020')!;
    const modes = dispositionModes(resolveRateConstants(kamp, 70));
    const ke0 = resolveKe0(kamp.ke0, modes, 70);
    expect(ke0).toBeCloseTo(1.39, 2);
    expect(timeToPeakEffect(modes, ke0)).toBeCloseTo(1.605, 2);
  });

  it('ke0ForTimeToPeak inverts timeToPeakEffect', () => {
    for (const t of [0.5, 1, 1.6, 3, 8]) {
      const ke0 = ke0ForTimeToPeak(domino70, t);
      expect(timeToPeakEffect(domino70, ke0)).toBeCloseTo(t, 9);
    }
  });

  it('models without a published ke0 get one solved from the assumed 1.6-min time to peak', () => {
    for (const id of ['hornik-2018', 'simons-2022-s', 'fanta-2015-s']) {
      const c = compileModel(id, { weightKg: 70, ageYears: id === 'hornik-2018' ? 8 : 40 });
      expect(timeToPeakEffect(c.plasma, c.ke0)).toBeCloseTo(1.6, 6);
      expect(c.ke0Source).toMatch(/assumed tPeak of 1.6 min/);
    }
  });

  it('every model resolves a positive ke0 with a stated source', () => {
    for (const m of PK_MODELS) {
      const c = compileModel(m, { weightKg: 70 });
      expect(c.ke0).toBeGreaterThan(0);
      expect(c.ke0Source.length).toBeGreaterThan(10);
    }
  });
});
