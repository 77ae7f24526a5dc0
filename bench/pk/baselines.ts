/**
 * The two common alternatives to the exact recursion, implemented only for the benchmark
 * (docs/clinical-sources.md#pk-algorithm): per-sample superposition over every infusion record (as
 * opentiva's pkpd.pyx does) and explicit Euler with a 1-s step (as PyTCI does). Both take the same schedule
 * and grid as the engine.
 */
import type { CompiledModel, PkSchedule, SampleGrid } from '../../src/domain/pk/index';

/**
 * Cp at every sample as the sum over all infusion segments and boluses started so far of their closed-form
 * responses: O(modes × segments) exp() calls per sample, so it slows as the schedule grows.
 */
export function superpositionCp(
  compiled: CompiledModel,
  schedule: PkSchedule,
  grid: SampleGrid,
  out: Float64Array,
): void {
  const lambda = compiled.plasma.lambda;
  const n = lambda.length;
  const bolus = Float64Array.from(compiled.plasma.bolus, (c) => c * 1000);
  const inf = Float64Array.from(bolus, (c, i) => c / lambda[i]!);
  // Segments [t_i, t_{i+1}) with constant rate, plus the boluses; the last rate runs to infinity (it is 0).
  const times = schedule.timesMin;
  const segs = times.length;
  for (let k = 0; k < grid.count; k++) {
    const t = grid.startMin + k * grid.stepMin;
    let c = 0;
    for (let s = 0; s < segs; s++) {
      const ts = times[s]!;
      if (ts > t) break;
      const b = schedule.bolusMg[s]!;
      const r = schedule.rateAfterMgPerMin[s]!;
      const te = s + 1 < segs ? Math.min(times[s + 1]!, t) : t;
      for (let i = 0; i < n; i++) {
        const l = lambda[i]!;
        if (b !== 0) c += b * bolus[i]! * Math.exp(-l * (t - ts));
        if (r !== 0) c += r * inf[i]! * (Math.exp(-l * (t - te)) - Math.exp(-l * (t - ts)));
      }
    }
    out[k] = c;
  }
}

/**
 * Explicit Euler on the compartment amounts with the grid step, sampled after each step. Written with
 * locals for up to 3 compartments (absent ones have zero rates) so it is as fast as Euler can be in JS.
 */
export function eulerCp(
  compiled: CompiledModel,
  schedule: PkSchedule,
  grid: SampleGrid,
  out: Float64Array,
): void {
  const { v1L, k10, peripheral } = compiled.rateConstants;
  const k12 = peripheral[0]?.k1j ?? 0;
  const k21 = peripheral[0]?.kj1 ?? 0;
  const k13 = peripheral[1]?.k1j ?? 0;
  const k31 = peripheral[1]?.kj1 ?? 0;
  const outflow = k10 + k12 + k13;
  const h = grid.stepMin;
  const scale = 1000 / v1L;
  const times = schedule.timesMin;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let ev = 0;
  let rate = 0;
  let k = 0;
  while (k < grid.count) {
    // Events are applied at the first grid time at or after them: the usual fixed-step approximation.
    while (ev < times.length && times[ev]! <= grid.startMin + k * h) {
      a1 += schedule.bolusMg[ev]!;
      rate = schedule.rateAfterMgPerMin[ev]!;
      ev++;
    }
    const nextEvent = ev < times.length ? times[ev]! : Infinity;
    // Step without event checks until the next event's grid index.
    let end = grid.count;
    if (nextEvent !== Infinity)
      end = Math.min(end, Math.max(k + 1, Math.ceil((nextEvent - grid.startMin) / h)));
    for (; k < end; k++) {
      out[k] = a1 * scale;
      const d1 = rate - outflow * a1 + k21 * a2 + k31 * a3;
      const d2 = k12 * a1 - k21 * a2;
      const d3 = k13 * a1 - k31 * a3;
      a1 += h * d1;
      a2 += h * d2;
      a3 += h * d3;
    }
  }
}
