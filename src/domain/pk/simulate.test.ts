import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from './compile-model';
import { simulateInto } from './engine';
import { listModelIds } from './models';
import type { PkDose, PkPlan } from './plan';
import { referenceSimulation } from './reference-ode.test-helper';
import { buildSchedule } from './schedule';
import { simulate, gridCount } from './simulate';

const maxAbs = (a: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
};

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

const plan = (doses: PkDose[], model = 'domino', weightKg = 70): PkPlan => ({
  model,
  patient: { weightKg, ageYears: 40 },
  doses,
});

// ---------- random plans ----------

/**
 * Dose sizes as written in a plan: fast-check's doubles include subnormals (1e-305 mg), whose
 * rounding leaves results like -5e-315 ng/mL; no plan doses below a nanogram, so those are zero here.
 */
const amount = (max: number) => fc.double({ min: 0, max, noNaN: true }).map((v) => (v < 1e-9 ? 0 : v));

const time = fc.integer({ min: 0, max: 1200 }).map((x) => x / 10); // 0–120 min, 0.1-min resolution
const arbDose: fc.Arbitrary<PkDose> = fc.oneof(
  fc
    .record({ atMin: time, mg: amount(50) })
    .map((d): PkDose => ({ kind: 'bolus', atMin: d.atMin, mg: d.mg })),
  fc
    .record({ atMin: time, mgPerKg: amount(1) })
    .map((d): PkDose => ({ kind: 'bolus', atMin: d.atMin, mgPerKg: d.mgPerKg })),
  fc
    .record({
      start: time,
      len: fc.integer({ min: 1, max: 900 }),
      rate: amount(60),
    })
    .map((d): PkDose => ({
      kind: 'infusion',
      startMin: d.start,
      endMin: d.start + d.len / 10,
      mgPerHour: d.rate,
    })),
  fc
    .record({
      start: time,
      len: fc.integer({ min: 1, max: 900 }),
      total: amount(1),
    })
    .map((d): PkDose => ({
      kind: 'infusion',
      startMin: d.start,
      endMin: d.start + d.len / 10,
      totalMgPerKg: d.total,
    })),
);
const arbPlan = fc.record({
  model: fc.constantFrom(...listModelIds()),
  weightKg: fc.double({ min: 10, max: 150, noNaN: true }),
  doses: fc.array(arbDose, { minLength: 1, maxLength: 5 }),
});
const arbStep = fc.constantFrom(0.25, 1 / 3, 0.5, 0.7, 1, 2.5);

describe('engine against an independent RK4 solution (property)', () => {
  it('Cp and Ce agree on random plans, models, weights and steps', () => {
    fc.assert(
      fc.property(arbPlan, arbStep, (p, step) => {
        const pl = plan(p.doses, p.model, p.weightKg);
        pl.patient.ageYears = p.model.startsWith('h') ? 10 : 40;
        const r = simulate(pl, { untilMin: 150, stepMin: step });
        const c = compileModel(pl.model, pl.patient);
        const ref = referenceSimulation(c.rateConstants, c.ke0, pl, Array.from(r.tMin));
        const scale = Math.max(1e-9, maxAbs(ref.cp));
        expect(maxDiff(r.cpNgMl, ref.cp) / scale).toBeLessThan(1e-7);
        expect(maxDiff(r.ceNgMl!, ref.ce) / Math.max(1e-9, maxAbs(ref.ce))).toBeLessThan(1e-7);
      }),
      { numRuns: 60 },
    );
  });

  it('the dense matrix-exponential path agrees with the modal path', () => {
    fc.assert(
      fc.property(arbPlan, arbStep, (p, step) => {
        const pl = plan(p.doses, p.model, p.weightKg);
        const a = simulate(pl, { untilMin: 150, stepMin: step });
        const b = simulate(pl, { untilMin: 150, stepMin: step, forceMatrixExponential: true });
        expect(b.model.method).toBe('matrix-exponential');
        const scale = Math.max(1e-9, maxAbs(a.cpNgMl));
        expect(maxDiff(a.cpNgMl, b.cpNgMl) / scale).toBeLessThan(1e-11);
        expect(maxDiff(a.ceNgMl!, b.ceNgMl!) / scale).toBeLessThan(1e-11);
      }),
      { numRuns: 40 },
    );
  });
});

describe('structural properties', () => {
  it('linearity: doubling every dose doubles Cp and Ce', () => {
    fc.assert(
      fc.property(arbPlan, arbStep, (p, step) => {
        const doubled = p.doses.map((d): PkDose => {
          if (d.kind === 'bolus')
            return d.mg !== undefined ? { ...d, mg: 2 * d.mg } : { ...d, mgPerKg: 2 * d.mgPerKg };
          if (d.mgPerHour !== undefined) return { ...d, mgPerHour: 2 * d.mgPerHour };
          if (d.totalMgPerKg !== undefined) return { ...d, totalMgPerKg: 2 * d.totalMgPerKg };
          return d;
        });
        const a = simulate(plan(p.doses, p.model, p.weightKg), { untilMin: 150, stepMin: step });
        const b = simulate(plan(doubled, p.model, p.weightKg), { untilMin: 150, stepMin: step });
        const scale = Math.max(1e-9, maxAbs(a.cpNgMl));
        for (let i = 0; i < a.cpNgMl.length; i++) {
          expect(Math.abs(b.cpNgMl[i]! - 2 * a.cpNgMl[i]!)).toBeLessThan(1e-12 * scale);
          expect(Math.abs(b.ceNgMl![i]! - 2 * a.ceNgMl![i]!)).toBeLessThan(1e-12 * scale);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('time invariance: shifting the plan by whole steps shifts the curve', () => {
    fc.assert(
      fc.property(arbPlan, fc.integer({ min: 1, max: 40 }), (p, shiftSteps) => {
        const step = 0.5;
        const shift = shiftSteps * step;
        const moved = p.doses.map((d): PkDose =>
          d.kind === 'bolus'
            ? { ...d, atMin: d.atMin + shift }
            : { ...d, startMin: d.startMin + shift, endMin: d.endMin + shift },
        );
        const a = simulate(plan(p.doses, p.model, p.weightKg), { untilMin: 150, stepMin: step });
        const b = simulate(plan(moved, p.model, p.weightKg), { untilMin: 150 + shift, stepMin: step });
        const scale = Math.max(1e-9, maxAbs(a.cpNgMl));
        for (let i = 0; i < shiftSteps; i++) expect(b.cpNgMl[i]).toBe(0);
        for (let i = 0; i < a.cpNgMl.length; i++) {
          expect(Math.abs(b.cpNgMl[i + shiftSteps]! - a.cpNgMl[i]!)).toBeLessThan(1e-11 * scale);
          expect(Math.abs(b.ceNgMl![i + shiftSteps]! - a.ceNgMl![i]!)).toBeLessThan(1e-11 * scale);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('non-negativity of Cp, Ce and occupancy', () => {
    fc.assert(
      fc.property(arbPlan, arbStep, (p, step) => {
        const r = simulate(plan(p.doses, p.model, p.weightKg), {
          untilMin: 300,
          stepMin: step,
          outputs: { ce: true, occupancy: true },
        });
        for (const arr of [r.cpNgMl, r.ceNgMl!, r.occupancy!])
          for (const v of arr) expect(v).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 60 },
    );
  });

  it('grid independence: a fine grid reproduces the coarse grid samples exactly', () => {
    fc.assert(
      fc.property(arbPlan, (p) => {
        const pl = plan(p.doses, p.model, p.weightKg);
        const coarse = simulate(pl, { untilMin: 150, stepMin: 1 });
        const fine = simulate(pl, { untilMin: 150, stepMin: 0.25 });
        const scale = Math.max(1e-9, maxAbs(coarse.cpNgMl));
        for (let i = 0; i < coarse.cpNgMl.length; i++) {
          expect(Math.abs(fine.cpNgMl[4 * i]! - coarse.cpNgMl[i]!)).toBeLessThan(1e-11 * scale);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('conventions', () => {
  it('a sample at a bolus time includes the bolus; Ce is 0 at that instant', () => {
    const r = simulate(plan([{ kind: 'bolus', atMin: 5, mg: 10 }]), { untilMin: 10, stepMin: 1 });
    expect(r.cpNgMl[4]).toBe(0);
    expect(r.cpNgMl[5]).toBeCloseTo((10 / 4.41) * 1000, 9);
    expect(r.ceNgMl![5]).toBeLessThan(1e-9);
    expect(r.ceNgMl![6]).toBeGreaterThan(0);
  });

  it('an infusion runs on [start, end): nothing at start, decline right after end', () => {
    const r = simulate(plan([{ kind: 'infusion', startMin: 2, endMin: 4, mgPerHour: 60 }]), {
      untilMin: 6,
      stepMin: 0.5,
    });
    expect(r.cpNgMl[4]).toBe(0); // t = 2
    expect(r.cpNgMl[5]!).toBeGreaterThan(0);
    expect(r.cpNgMl[8]!).toBeGreaterThan(r.cpNgMl[9]!); // peak at end (t = 4), then falls
    expect(r.cpNgMl[8]!).toBeGreaterThan(r.cpNgMl[7]!);
  });

  it('dose units are equivalent: mg/kg vs mg, mg/kg/h vs mg/h vs total', () => {
    const opts = { untilMin: 90, stepMin: 0.5 };
    const a = simulate(
      plan(
        [
          { kind: 'bolus', atMin: 0, mgPerKg: 0.2 },
          { kind: 'infusion', startMin: 0, endMin: 40, mgPerKgPerHour: 0.75 },
        ],
        'domino',
        80,
      ),
      opts,
    );
    const b = simulate(
      plan(
        [
          { kind: 'bolus', atMin: 0, mg: 16 },
          { kind: 'infusion', startMin: 0, endMin: 40, totalMg: 40 },
        ],
        'domino',
        80,
      ),
      opts,
    );
    const c = simulate(
      plan(
        [
          { kind: 'bolus', atMin: 0, mg: 16 },
          { kind: 'infusion', startMin: 0, endMin: 40, totalMgPerKg: 0.5 },
        ],
        'domino',
        80,
      ),
      opts,
    );
    expect(maxDiff(a.cpNgMl, b.cpNgMl)).toBeLessThan(1e-10);
    expect(maxDiff(a.cpNgMl, c.cpNgMl)).toBeLessThan(1e-10);
  });

  it('overlapping infusions add; a pause decays like no dose', () => {
    const opts = { untilMin: 120, stepMin: 1 };
    const overlapped = simulate(
      plan([
        { kind: 'infusion', startMin: 0, endMin: 40, mgPerHour: 30 },
        { kind: 'infusion', startMin: 20, endMin: 60, mgPerHour: 30 },
      ]),
      opts,
    );
    const summed = simulate(
      plan([
        { kind: 'infusion', startMin: 0, endMin: 20, mgPerHour: 30 },
        { kind: 'infusion', startMin: 20, endMin: 40, mgPerHour: 60 },
        { kind: 'infusion', startMin: 40, endMin: 60, mgPerHour: 30 },
      ]),
      opts,
    );
    expect(maxDiff(overlapped.cpNgMl, summed.cpNgMl)).toBeLessThan(1e-10);
  });

  it('grid count includes until when it falls on the grid despite rounding', () => {
    expect(gridCount(0, 0.3, 0.1)).toBe(4);
    expect(gridCount(0, 60, 1)).toBe(61);
    expect(gridCount(0, 60.5, 1)).toBe(61);
    expect(gridCount(0, 21 * 1440, 1 / 60)).toBe(21 * 1440 * 60 + 1);
  });

  it('doses before startMin are honoured', () => {
    const p = plan([{ kind: 'bolus', atMin: 1, mg: 10 }]);
    const full = simulate(p, { untilMin: 30, stepMin: 1 });
    const late = simulate(p, { startMin: 10, untilMin: 30, stepMin: 1 });
    expect(maxDiff(full.cpNgMl.subarray(10), late.cpNgMl)).toBeLessThan(1e-12);
  });

  it('simulateInto writes into caller buffers without the Ce state when not asked', () => {
    const p = plan([{ kind: 'infusion', startMin: 0, endMin: 40, mgPerKgPerHour: 0.75 }]);
    const c = compileModel('domino', p.patient);
    const cp = new Float64Array(61);
    simulateInto(c, buildSchedule(p), { startMin: 0, stepMin: 1, count: 61 }, { cp });
    expect(maxDiff(cp, simulate(p, { untilMin: 60, stepMin: 1 }).cpNgMl)).toBe(0);
  });
});

describe('long series', () => {
  it('multi-day gaps (where fast modes are flushed to 0) match the dense path and the closed form', () => {
    const doses: PkDose[] = [0, 3, 7].map((d) => ({
      kind: 'infusion',
      startMin: d * 1440,
      endMin: d * 1440 + 40,
      totalMgPerKg: 0.5,
    }));
    const opts = { untilMin: 10 * 1440, stepMin: 1 / 6 };
    const modal = simulate(plan(doses), opts);
    const dense = simulate(plan(doses), { ...opts, forceMatrixExponential: true });
    const scale = maxAbs(modal.cpNgMl);
    expect(maxDiff(modal.cpNgMl, dense.cpNgMl) / scale).toBeLessThan(1e-10);
    expect(maxDiff(modal.ceNgMl!, dense.ceNgMl!) / scale).toBeLessThan(1e-10);
    // Day 10, long after the last infusion: Σ over infusions of the closed-form post-infusion decay.
    const c = compileModel('domino', { weightKg: 70 });
    const rate = 35 / 40;
    const t = 10 * 1440;
    let expected = 0;
    for (const d of [0, 3, 7]) {
      const end = d * 1440 + 40;
      for (let i = 0; i < 3; i++) {
        const l = c.plasma.lambda[i]!;
        const inf = (c.plasma.bolus[i]! / l) * 1000;
        expected += rate * inf * (1 - Math.exp(-l * 40)) * Math.exp(-l * (t - end));
      }
    }
    const last = modal.cpNgMl[modal.cpNgMl.length - 1]!;
    expect(Math.abs(last - expected) / expected).toBeLessThan(1e-9);
  });
});

describe('coinciding decay rates', () => {
  it('ke0 equal to a plasma eigenvalue switches to the matrix exponential and stays exact', () => {
    const lambda2 = compileModel('domino', { weightKg: 70 }).plasma.lambda[1]!;
    const p: PkPlan = {
      ...plan([
        { kind: 'bolus', atMin: 0, mg: 20 },
        { kind: 'infusion', startMin: 0, endMin: 40, mgPerHour: 50 },
      ]),
      ke0PerMin: lambda2,
    };
    const r = simulate(p, { untilMin: 120, stepMin: 0.5 });
    expect(r.model.method).toBe('matrix-exponential');
    const c = compileModel('domino', p.patient, { ke0PerMin: lambda2 });
    const ref = referenceSimulation(c.rateConstants, c.ke0, p, Array.from(r.tMin));
    expect(maxDiff(r.ceNgMl!, ref.ce) / maxAbs(ref.ce)).toBeLessThan(1e-8);
    expect(maxDiff(r.cpNgMl, ref.cp) / maxAbs(ref.cp)).toBeLessThan(1e-8);
  });

  it('a ke0 just outside the coincidence band stays modal and continuous with the dense result', () => {
    const lambda2 = compileModel('domino', { weightKg: 70 }).plasma.lambda[1]!;
    const doses: PkDose[] = [{ kind: 'infusion', startMin: 0, endMin: 40, mgPerHour: 50 }];
    const near = simulate({ ...plan(doses), ke0PerMin: lambda2 * (1 + 1e-5) }, { untilMin: 120, stepMin: 1 });
    const at = simulate({ ...plan(doses), ke0PerMin: lambda2 }, { untilMin: 120, stepMin: 1 });
    expect(near.model.method).toBe('modal');
    expect(maxDiff(near.ceNgMl!, at.ceNgMl!) / maxAbs(at.ceNgMl!)).toBeLessThan(1e-4);
  });
});
