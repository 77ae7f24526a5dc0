import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IV_CHRONIC_PAIN, IV_DEPRESSION } from '../protocols';
import type { Sex } from './body-weight';
import { computeDose, type ComputedIvDose, type DoseRequest } from './compute-dose';
import { DEFAULT_DOSING_SETTINGS, type DosingSettings } from './dosing-settings';
import { doseToPkSegments } from './pk-segments';
import { recomputeMgPerKg } from './recompute';

const NO_ROUNDING: DosingSettings = {
  ...DEFAULT_DOSING_SETTINGS,
  rounding: { mgIncrement: null, drugVolumeIncrementMl: null, pumpRateIncrementMlPerHour: null },
};

const weight = fc.double({ min: 30, max: 300, noNaN: true });
const height = fc.double({ min: 120, max: 230, noNaN: true });
const sex = fc.constantFrom<Sex>('male', 'female');
const concentration = fc.constantFrom(10, 50, 100);
const bag = fc.constantFrom(100, 250, 500);
const convention = fc.constantFrom('drug-added-to-bag', 'equal-volume-withdrawn' as const);
const basisRule = fc.constantFrom<DosingSettings['weightBasis']>(
  { rule: 'actual' },
  { rule: 'ideal' },
  { rule: 'ideal-when-bmi-at-least', bmiThreshold: 30 },
);

/**
 * Every acknowledgement the calculator can ask for, given up front: these properties are about the
 * arithmetic, and the acknowledgement rules have tests of their own (escalation, absolute-cap, weight-basis).
 */
const ACKNOWLEDGED: DoseRequest['acknowledgements'] = {
  weightBasis: { basis: 'ideal', acknowledged: true },
  escalation: { acknowledged: true, reason: 'property test' },
  highDose: { acknowledged: true, reason: 'property test' },
};

function req(w: number, h: number, s: Sex, c: number, b: number, override?: number): DoseRequest {
  return {
    protocol: IV_DEPRESSION,
    stepId: 'standard',
    patient: { weight: { value: w, unit: 'kg' }, height: { value: h, unit: 'cm' }, sex: s },
    preparation: { vialConcentration: { value: c, unit: 'mg/mL' }, bagVolume: { value: b, unit: 'mL' } },
    acknowledgements: ACKNOWLEDGED,
    ...(override === undefined ? {} : { doseOverride: { value: override, unit: 'mg/kg' } }),
  };
}

function ivOrThrow(r: ReturnType<typeof computeDose>): ComputedIvDose {
  if (!r.ok || r.dose.route !== 'iv') throw new Error(`unexpected: ${JSON.stringify(r)}`);
  return r.dose;
}

const close = (a: number, b: number, rel = 1e-9) =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

describe('dose calculator properties', () => {
  it('mg scales linearly with weight (actual-weight basis)', () => {
    const s = { ...NO_ROUNDING, weightBasis: { rule: 'actual' as const } };
    fc.assert(
      fc.property(
        fc.double({ min: 30, max: 150, noNaN: true }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        height,
        sex,
        (w, k, h, x) => {
          const a = ivOrThrow(computeDose(req(w, h, x, 50, 500), s));
          const b = ivOrThrow(computeDose(req(w * k, h, x, 50, 500), s));
          expect(close(b.totalMg, k * a.totalMg)).toBe(true);
          expect(close(a.totalMg, 0.5 * w)).toBe(true);
        },
      ),
    );
  });

  it('rate × duration = infused volume (= bag volume when an equal volume is withdrawn)', () => {
    fc.assert(
      fc.property(weight, height, sex, concentration, bag, convention, (w, h, x, c, b, conv) => {
        const d = ivOrThrow(computeDose(req(w, h, x, c, b), { ...NO_ROUNDING, bagVolumeConvention: conv }));
        const rate = d.pumpRateMlPerHour ?? Number.NaN;
        expect(close((rate * d.durationMin) / 60, d.finalVolumeMl)).toBe(true);
        if (conv === 'equal-volume-withdrawn') expect(close((rate * d.durationMin) / 60, b)).toBe(true);
        else expect(close(d.finalVolumeMl, b + d.drugVolumeMl)).toBe(true);
        expect(close(d.finalConcentrationMgPerMl * d.finalVolumeMl, d.totalMg)).toBe(true);
      }),
    );
  });

  it('with default rounding, rate × duration stays within half a rate increment of the volume', () => {
    fc.assert(
      fc.property(weight, height, sex, concentration, bag, (w, h, x, c, b) => {
        const d = ivOrThrow(computeDose(req(w, h, x, c, b), DEFAULT_DOSING_SETTINGS));
        const rate = d.pumpRateMlPerHour ?? Number.NaN;
        expect(Math.abs((rate * d.durationMin) / 60 - d.finalVolumeMl)).toBeLessThanOrEqual(
          (0.05 * d.durationMin) / 60 + 1e-9,
        );
        expect(close(d.totalMg, d.drugVolumeMl * c)).toBe(true);
      }),
    );
  });

  it('never returns a dose above the ceiling; above it is always a hard stop', () => {
    fc.assert(
      fc.property(
        weight,
        height,
        sex,
        concentration,
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.boolean(),
        (w, h, x, c, mgPerKg, rounded) => {
          const s = rounded ? DEFAULT_DOSING_SETTINGS : NO_ROUNDING;
          const r = computeDose(req(w, h, x, c, 500, mgPerKg), s);
          const ceiling = IV_DEPRESSION.ceiling.mgPerKg ?? 0;
          if (r.ok) {
            const d = ivOrThrow(r);
            expect(d.mgPerKg).toBeLessThanOrEqual(ceiling * (1 + 1e-9));
          } else {
            expect(
              r.hardStops.some((s) => s.code === 'above-ceiling' && s.field === 'doseOverride') ||
                mgPerKg * w < 1,
            ).toBe(true);
          }
          if (mgPerKg > ceiling * (1 + 1e-6)) expect(r.ok).toBe(false);
        },
      ),
    );
  });

  it('never exceeds the mg/kg/h ceiling of a rate protocol', () => {
    fc.assert(
      fc.property(weight, height, sex, fc.double({ min: 0.1, max: 4, noNaN: true }), (w, h, x, rate) => {
        const r = computeDose(
          {
            ...req(w, h, x, 50, 1000),
            protocol: IV_CHRONIC_PAIN,
            stepId: 'infusion',
            doseOverride: { value: rate, unit: 'mg/kg/h' },
          },
          DEFAULT_DOSING_SETTINGS,
        );
        if (r.ok) expect(ivOrThrow(r).mgPerKgPerHour ?? 0).toBeLessThanOrEqual(2 * (1 + 1e-9));
        if (rate > 2 * (1 + 1e-6)) expect(r.ok).toBe(false);
      }),
    );
  });

  it('recomputeMgPerKg round-trips the delivered mg/kg, and the requested mg/kg without rounding', () => {
    fc.assert(
      fc.property(
        weight,
        height,
        sex,
        basisRule,
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (w, h, x, rule, mgPerKg) => {
          const exact = ivOrThrow(
            computeDose(req(w, h, x, 50, 500, mgPerKg), { ...NO_ROUNDING, weightBasis: rule }),
          );
          expect(close(recomputeMgPerKg(exact).mgPerKg, mgPerKg)).toBe(true);
          const r = computeDose(req(w, h, x, 50, 500, mgPerKg), {
            ...DEFAULT_DOSING_SETTINGS,
            weightBasis: rule,
          });
          if (r.ok) {
            const d = ivOrThrow(r);
            expect(close(recomputeMgPerKg(d).mgPerKg, d.mgPerKg)).toBe(true);
            // Syringe rounding moves the dose by at most half a graduation (0.005 mL × 50 mg/mL), or by up to
            // a whole graduation when it had to round down to stay under the ceiling.
            const roundedDown = d.warnings.some((w) => w.code === 'rounded-down-to-stay-under-ceiling');
            expect(Math.abs(d.totalMg - d.exactMg)).toBeLessThanOrEqual(
              (roundedDown ? 0.01 : 0.005) * 50 + 1e-6,
            );
            if (roundedDown) expect(d.totalMg).toBeLessThanOrEqual(d.exactMg);
          }
        },
      ),
    );
  });

  it('the PK plan delivers exactly the dose in the bag', () => {
    fc.assert(
      fc.property(
        weight,
        height,
        sex,
        concentration,
        bag,
        fc.double({ min: 0, max: 600, noNaN: true }),
        (w, h, x, c, b, t0) => {
          const d = ivOrThrow(computeDose(req(w, h, x, c, b), DEFAULT_DOSING_SETTINGS));
          const [seg, ...rest] = doseToPkSegments(d, t0);
          expect(rest).toEqual([]);
          expect(seg).toEqual({
            kind: 'infusion',
            startMin: t0,
            endMin: t0 + d.infusionTimeMin,
            totalMg: d.totalMg,
          });
        },
      ),
    );
  });
});
