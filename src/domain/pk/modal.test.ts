import { describe, expect, it } from 'vitest';
import { dispositionModes, effectModes } from './modal';
import { PK_MODELS, findModel } from './models';
import { derivedVolumesAndClearances, resolveRateConstants } from './rate-constants';

/** docs/clinical-sources.md#pk-test-anchors, 70 kg, exact to double precision; tolerance relative 1e-9. */
const DOMINO = {
  lambda: [1.7240372645247248, 0.15151603184241794, 0.006046703632855075],
  bolus_coef: [0.21192819460455473, 0.012959200888650588, 0.0018699741213072127],
  infusion_coef: [0.12292553007140375, 0.08553022892078257, 0.30925513053866444],
  Cp0_per_1mg_bolus_ng_mL: 226.7573696145125,
  Css_per_1mg_per_min_ng_mL: 517.7108895308504,
  effect_ke0_0238: {
    lambda: [1.7240372645247248, 0.15151603184241794, 0.006046703632855075, 0.238],
    coef: [-0.03394188794586908, 0.03566313939109465, 0.0019187217765022303, -0.0036399732217278023],
  },
};

const KAMP = {
  lambda: [0.2440906936242314, 0.024440180883857465, 0.003772204048174594],
  bolus_coef: [0.03503882735389703, 0.0033207784397054404, 0.0016403942063975333],
  infusion_coef: [0.14354839520362056, 0.1358737259550639, 0.4348635931270303],
  Cp0_per_1mg_bolus_ng_mL: 40.00000000000001,
  Css_per_1mg_per_min_ng_mL: 714.2857142857143,
};

function expectRel(actual: number, expected: number, rel = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

function expectAllRel(actual: ArrayLike<number>, expected: readonly number[], rel = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expectRel(actual[i]!, e, rel));
}

function modesAt70(id: string) {
  return dispositionModes(resolveRateConstants(findModel(id)!, 70));
}

describe('docs/clinical-sources.md#pk-test-anchors (70 kg, relative 1e-9)', () => {
  for (const [id, anchor] of [
    ['domino', DOMINO],
    ['kamp-2020', KAMP],
    ['kamp-2020-linear', KAMP],
  ] as const) {
    it(`${id}: eigenvalues, bolus and infusion coefficients, Cp0 and Css`, () => {
      const m = modesAt70(id);
      expectAllRel(m.lambda, anchor.lambda);
      expectAllRel(m.bolus, anchor.bolus_coef);
      expectAllRel(
        Array.from(m.bolus, (c, i) => c / m.lambda[i]!),
        anchor.infusion_coef,
      );
      expectRel(m.bolus.reduce((s, c) => s + c, 0) * 1000, anchor.Cp0_per_1mg_bolus_ng_mL);
      expectRel(
        m.bolus.reduce((s, c, i) => s + c / m.lambda[i]!, 0) * 1000,
        anchor.Css_per_1mg_per_min_ng_mL,
      );
    });
  }

  it('domino: effect-site coefficients with ke0 0.238', () => {
    const e = effectModes(modesAt70('domino'), 0.238);
    expectAllRel(e.lambda, DOMINO.effect_ke0_0238.lambda);
    expectAllRel(e.bolus, DOMINO.effect_ke0_0238.coef);
  });
});

describe('invariants for every model at several weights (docs/clinical-sources.md#pk-test-anchors)', () => {
  for (const model of PK_MODELS) {
    for (const w of [15, 70, 120]) {
      it(`${model.id} at ${w} kg`, () => {
        const rc = resolveRateConstants(model, w);
        const m = dispositionModes(rc);
        const d = derivedVolumesAndClearances(rc);
        expect(m.lambda.length).toBe(model.compartments);
        for (let i = 0; i < m.lambda.length; i++) {
          expect(m.lambda[i]!).toBeGreaterThan(0);
          if (i > 0) expect(m.lambda[i]!).toBeLessThan(m.lambda[i - 1]!);
          // Plasma modes of a mammillary model all have positive weight.
          expect(m.bolus[i]!).toBeGreaterThan(0);
        }
        expectRel(
          m.bolus.reduce((s, c) => s + c, 0),
          1 / rc.v1L,
          1e-12,
        );
        expectRel(
          m.bolus.reduce((s, c, i) => s + c / m.lambda[i]!, 0),
          1 / d.clearanceLPerMin,
          1e-10,
        );
        const e = effectModes(m, 0.3);
        expect(Math.abs(e.bolus.reduce((s, c) => s + c, 0))).toBeLessThan(1e-15);
      });
    }
  }
});

/** docs/clinical-sources.md#pk-test-anchors, derived at 70 kg: CL in L/h and terminal half-life in min. */
const DERIVED_AT_70: [string, number, number][] = [
  ['domino', 115.9, 114.6],
  ['kamp-2020', 84, 183.8],
  ['clements-250', 80.2, 182.9],
  ['hijazi', 151, 296.7],
  ['herd-2007', 90, 80.4],
  ['hornik-2018', 38.9, 299.2],
  ['fanta-2015-s', 95.2, 442],
  ['simons-2022-s', 88.8, 193.2],
];

describe('transcription check against the derived values of docs/clinical-sources.md#pk-test-anchors', () => {
  it.each(DERIVED_AT_70)('%s: CL %s L/h, terminal t½ %s min', (id, clLPerH, halfLifeMin) => {
    const rc = resolveRateConstants(findModel(id)!, 70);
    const m = dispositionModes(rc);
    const cl = derivedVolumesAndClearances(rc).clearanceLPerMin * 60;
    // The register rounds to one decimal (integers for Fanta's half-life).
    expect(Math.abs(cl - clLPerH)).toBeLessThanOrEqual(0.051);
    const tHalf = Math.LN2 / m.lambda[m.lambda.length - 1]!;
    expect(Math.abs(tHalf - halfLifeMin)).toBeLessThanOrEqual(id === 'fanta-2015-s' ? 0.5 : 0.051);
  });

  it('domino at 70 kg: volumes and clearances as in stanpumpR tests', () => {
    const d = derivedVolumesAndClearances(resolveRateConstants(findModel('domino')!, 70));
    expectAllRel(d.volumesL, [4.41, 10.56972, 178.2123], 1e-6);
    expectRel(d.clearanceLPerMin, 1.93158, 1e-6);
    expectAllRel(d.intercompartmentalLPerMin, [2.61072, 2.6019], 1e-6);
  });

  it('hijazi: consistent with the abstract (CL 36.0 mL/min/kg, t½ 4.95 h, Vβ 15.4 L/kg)', () => {
    const rc = resolveRateConstants(findModel('hijazi')!, 70);
    const m = dispositionModes(rc);
    const clMlMinKg = (derivedVolumesAndClearances(rc).clearanceLPerMin * 1000) / 70;
    expect(clMlMinKg).toBeCloseTo(36.0, 1);
    expect(Math.LN2 / m.lambda[1]! / 60).toBeCloseTo(4.95, 2);
    const vBetaLPerKg = clMlMinKg / 1000 / m.lambda[1]!;
    expect(vBetaLPerKg).toBeCloseTo(15.4, 1);
  });

  it('Kamp scaling variants coincide at 70 kg and diverge for heavy patients', () => {
    const allo = resolveRateConstants(findModel('kamp-2020')!, 120);
    const lin = resolveRateConstants(findModel('kamp-2020-linear')!, 120);
    expect(allo.v1L).toBe(lin.v1L);
    expect(allo.k10).toBeLessThan(lin.k10);
  });
});
