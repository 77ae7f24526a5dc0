/**
 * An independent solution of the same compartment model for the tests: classical Runge–Kutta (RK4) with a
 * tiny fixed step on the amount ODE, written from the rate constants alone. It shares no code with the
 * modal engine (no eigenvalues, no exponentials), so agreement between the two is real evidence.
 */
import type { RateConstants } from './model-types';
import { bolusMg, infusionMgPerMin, type PkPlan } from './plan';

interface Sys {
  n: number;
  deriv: (x: Float64Array, rate: number, dx: Float64Array) => void;
}

function system(rc: RateConstants, ke0: number): Sys {
  const cpts = 1 + rc.peripheral.length;
  const n = cpts + 1; // last state: Ce in mg/L
  const out1 = rc.k10 + rc.peripheral.reduce((s, p) => s + p.k1j, 0);
  return {
    n,
    deriv(x, rate, dx) {
      const a1 = x[0]!;
      let d1 = -out1 * a1 + rate;
      rc.peripheral.forEach((p, j) => {
        const aj = x[j + 1]!;
        d1 += p.kj1 * aj;
        dx[j + 1] = p.k1j * a1 - p.kj1 * aj;
      });
      dx[0] = d1;
      dx[cpts] = ke0 * (a1 / rc.v1L - x[cpts]!);
    },
  };
}

/**
 * Cp and Ce (ng/mL) at each sample time. Steps are cut at every dose edge and sample time so the
 * piecewise-constant input is integrated without error from the discontinuities.
 */
export function referenceSimulation(
  rc: RateConstants,
  ke0: number,
  plan: PkPlan,
  sampleTimes: readonly number[],
  maxStepMin = 0.002,
): { cp: number[]; ce: number[] } {
  const w = plan.patient.weightKg;
  const sys = system(rc, ke0);
  const n = sys.n;
  const infusions = plan.doses.flatMap((d) =>
    d.kind === 'infusion' ? [{ start: d.startMin, end: d.endMin, rate: infusionMgPerMin(d, w) }] : [],
  );
  const boluses = plan.doses.flatMap((d) => (d.kind === 'bolus' ? [{ t: d.atMin, mg: bolusMg(d, w) }] : []));
  const rateAt = (t: number): number =>
    infusions.reduce((s, inf) => (inf.start <= t && t < inf.end ? s + inf.rate : s), 0);
  const stops = [
    ...new Set([...infusions.flatMap((i) => [i.start, i.end]), ...boluses.map((b) => b.t), ...sampleTimes]),
  ].sort((a, b) => a - b);

  const x = new Float64Array(n);
  const k1 = new Float64Array(n);
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  const tmp = new Float64Array(n);
  const values = new Map<number, [number, number]>();
  let t = Math.min(0, stops[0] ?? 0);
  for (const stop of stops) {
    // Integrate [t, stop) at the rate holding on that interval.
    const span = stop - t;
    if (span > 0) {
      const rate = rateAt(t);
      const steps = Math.max(1, Math.ceil(span / maxStepMin));
      const h = span / steps;
      for (let s = 0; s < steps; s++) {
        sys.deriv(x, rate, k1);
        for (let i = 0; i < n; i++) tmp[i] = x[i]! + (h / 2) * k1[i]!;
        sys.deriv(tmp, rate, k2);
        for (let i = 0; i < n; i++) tmp[i] = x[i]! + (h / 2) * k2[i]!;
        sys.deriv(tmp, rate, k3);
        for (let i = 0; i < n; i++) tmp[i] = x[i]! + h * k3[i]!;
        sys.deriv(tmp, rate, k4);
        for (let i = 0; i < n; i++) x[i] = x[i]! + (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!);
      }
    }
    t = stop;
    for (const b of boluses) if (b.t === stop) x[0] = x[0]! + b.mg;
    values.set(stop, [(x[0]! / rc.v1L) * 1000, x[n - 1]! * 1000]);
  }
  return {
    cp: sampleTimes.map((s) => values.get(s)![0]),
    ce: sampleTimes.map((s) => values.get(s)![1]),
  };
}
