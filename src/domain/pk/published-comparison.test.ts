/**
 * Table tests from docs/clinical-sources.md: Euler errors (#pk-algorithm), measured concentrations
 * (#pk-published-comparisons) and occupancy (#pk-occupancy).
 * The measured-concentration tests are comparisons, not validations: they record each model's prediction
 * next to the published value and assert only a loose plausibility band, because models disagree with each
 * other and with venous measurements by far more than any numerical error.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from './compile-model';
import { listModelIds } from './models';
import { nmdaOccupancy, RACEMIC_KETAMINE_OCCUPANCY } from './occupancy';
import type { PkPlan } from './plan';
import { simulate } from './simulate';

const standardInfusion = (model: string, weightKg = 70): PkPlan => ({
  model,
  patient: { weightKg, ageYears: model === 'herd-2007' || model === 'hornik-2018' ? 12 : 40 },
  doses: [{ kind: 'infusion', startMin: 0, endMin: 40, totalMgPerKg: 0.5 }],
});

describe('end-of-infusion Cp after 0.5 mg/kg over 40 min vs ≈185 ng/mL (Zarate 2006, via Zanos 2018)', () => {
  const rows: { model: string; predicted: number; published: number }[] = [];
  for (const id of listModelIds()) {
    it(`${id}: prediction recorded, plausibility band only`, () => {
      const r = simulate(standardInfusion(id), { untilMin: 40, stepMin: 1 / 60 });
      const predicted = r.cpNgMl[r.cpNgMl.length - 1]!;
      rows.push({ model: id, predicted: Number(predicted.toFixed(1)), published: 185 });
      // Loose band: within a factor of 3 of the published mean. For the S-ketamine models the same mg/kg is
      // read as esketamine, so their numbers are shown for orientation only.
      expect(predicted).toBeGreaterThan(185 / 3);
      expect(predicted).toBeLessThan(185 * 3);
    });
  }
  it('summary', () => {
    console.table(rows);
    expect(rows.length).toBe(listModelIds().length);
  });
});

describe('other published figures, docs/clinical-sources.md#pk-published-comparisons (comparison)', () => {
  it('Simons 2022: 20 mg S-ketamine over 20 min at 73 kg vs observed arterial peak 273 (259–287) ng/mL', () => {
    const r = simulate(
      {
        model: 'simons-2022-s',
        patient: { weightKg: 73 },
        doses: [{ kind: 'infusion', startMin: 0, endMin: 20, totalMg: 20 }],
      },
      { untilMin: 60, stepMin: 1 / 60 },
    );
    const peak = Math.max(...r.cpNgMl);
    console.log(`Simons 2022 predicted peak ${peak.toFixed(1)} ng/mL vs observed 273 (259–287)`);
    expect(peak).toBeGreaterThan(273 / 2);
    expect(peak).toBeLessThan(273 * 2);
  });

  it('10 mg racemic IV: AUC = dose/CL, compared with the observed 113 µg·h/L (CL ≈ 88 L/h)', () => {
    for (const id of ['domino', 'kamp-2020', 'clements-250']) {
      const r = simulate(
        { model: id, patient: { weightKg: 70 }, doses: [{ kind: 'bolus', atMin: 0, mg: 10 }] },
        { untilMin: 6000, stepMin: 0.05, outputs: { ce: false } },
      );
      // Trapezoidal AUC of the exact curve vs the analytic dose/CL: checks mass balance end to end.
      let auc = 0;
      for (let i = 1; i < r.cpNgMl.length; i++) auc += ((r.cpNgMl[i - 1]! + r.cpNgMl[i]!) / 2) * 0.05;
      const c = compileModel(id, { weightKg: 70 });
      const clLPerMin = c.rateConstants.k10 * c.rateConstants.v1L;
      const analytic = (10 / clLPerMin) * 1000; // ng·min/mL
      expect(Math.abs(auc - analytic) / analytic).toBeLessThan(1e-3);
      console.log(`${id}: AUC ${(analytic / 60).toFixed(1)} µg·h/L vs observed 113`);
    }
  });
});

describe('explicit Euler error, Domino 70 kg, 0.5 mg/kg over 40 min (clinical-sources.md#pk-algorithm)', () => {
  /**
   * Explicit Euler on the amount ODE, the way PyTCI and fus_anes step their models. `lagged` compares the
   * state before each update with the exact value after it, i.e. an input delayed by one step.
   */
  function eulerMaxError(stepSec: number, lagged: boolean): number {
    const c = compileModel('domino', { weightKg: 70 });
    const { v1L, k10, peripheral } = c.rateConstants;
    const [p2, p3] = peripheral;
    const h = stepSec / 60;
    const until = 240;
    const n = Math.round(until / h);
    const exact = simulate(standardInfusion('domino'), {
      untilMin: until,
      stepMin: h,
      outputs: { ce: false },
    });
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let worst = 0;
    for (let i = 1; i <= n; i++) {
      const before = (a1 / v1L) * 1000;
      const rate = (i - 1) * h < 40 ? 35 / 40 : 0;
      const d1 = rate - (k10 + p2!.k1j + p3!.k1j) * a1 + p2!.kj1 * a2 + p3!.kj1 * a3;
      const d2 = p2!.k1j * a1 - p2!.kj1 * a2;
      const d3 = p3!.k1j * a1 - p3!.kj1 * a3;
      a1 += h * d1;
      a2 += h * d2;
      a3 += h * d3;
      const euler = lagged ? before : (a1 / v1L) * 1000;
      worst = Math.max(worst, Math.abs(euler - exact.cpNgMl[i]!));
    }
    return worst;
  }

  /*
   * The quoted estimates 3.3 / 16.4 / 32.8 / 98.4 ng/mL for 1 / 5 / 10 / 30-s steps (no published source;
   * docs/clinical-sources.md#pk-algorithm) are exactly 3.28 ng/mL per second of step, which matches the
   * initial slope R/V1 (198 ng/mL/min) times the step, i.e. a one-step input delay, rather than the
   * truncation error of a correctly aligned Euler step. A correctly aligned 1-s Euler is about 0.58 ng/mL off; with a one-step delay it is 3.26 ng/mL, reproducing the quoted 1-s
   * figure. The table records both and asserts first-order behaviour and the 1-s lagged figure.
   */
  it.each([
    [1, 0.583, 3.26, 3.3],
    [5, 3.06, 15.47, 16.4],
    [10, 6.56, 29.0, 32.8],
    [30, 30.79, 68.41, 98.4],
  ])('%s-s step: aligned %s, lagged %s ng/mL (quoted estimate %s)', (stepSec, aligned, lagged, _quoted) => {
    expect(eulerMaxError(stepSec, false)).toBeCloseTo(aligned, 1);
    expect(eulerMaxError(stepSec, true)).toBeCloseTo(lagged, 1);
  });

  it('Euler error is first order: 10× the step gives ≈10× the error', () => {
    const ratio = eulerMaxError(10, false) / eulerMaxError(1, false);
    expect(ratio).toBeGreaterThan(9);
    expect(ratio).toBeLessThan(12);
    expect(Math.abs(eulerMaxError(1, true) - 3.3)).toBeLessThan(0.05);
  });
});

describe('docs/clinical-sources.md#pk-occupancy anchors (ketamine only, Ki 0.494 µM, fu 0.53)', () => {
  it.each([
    [100, 0.3109],
    [250, 0.5301],
    [1000, 0.8186],
  ])('%s ng/mL → %s', (c, occ) => {
    expect(nmdaOccupancy(c, RACEMIC_KETAMINE_OCCUPANCY)).toBeCloseTo(occ, 4);
  });

  it('with Ki 0.119 µM (Sałat 2015): 100 ng/mL → 0.6520', () => {
    expect(nmdaOccupancy(100, { ...RACEMIC_KETAMINE_OCCUPANCY, kiUm: 0.119 })).toBeCloseTo(0.652, 4);
  });

  it('50% occupancy at ≈222 ng/mL total plasma ketamine', () => {
    expect(nmdaOccupancy(222, RACEMIC_KETAMINE_OCCUPANCY)).toBeCloseTo(0.5, 2);
  });
});
