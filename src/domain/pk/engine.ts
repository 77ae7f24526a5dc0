/**
 * The exact simulator core (docs/clinical-sources.md#pk-algorithm). Between schedule breakpoints the infusion
 * rate R is constant, so each mode evolves as s ← ss + (s − ss)·e^(−λΔ) with steady state ss = R·C/λ. On a
 * uniform grid e^(−λ·step) is computed once, so the inner loop is one multiply per mode and a few adds per
 * sample, with no exp() and no allocation. A breakpoint between grid points splits that one step with n
 * extra exp() calls.
 *
 * This file is the grid driver; the modal recursion lives in modal-propagator.ts (kernels in
 * modal-kernels.ts) and the matrix-exponential fallback in dense-propagator.ts.
 */
import type { CompiledModel } from './compile-model';
import { DensePropagator } from './dense-propagator';
import { ModalPropagator } from './modal-propagator';
import type { OutputBuffers, Propagator } from './propagator';
import type { PkSchedule } from './schedule';

export type { OutputBuffers } from './propagator';

export interface SampleGrid {
  startMin: number;
  stepMin: number;
  /** Number of samples; sample i is at startMin + i·stepMin (computed by multiplication, never summed). */
  count: number;
}

/** Largest j < count with start + j·step < t, or −1; the same multiplication as the sample times. */
function lastIndexBefore(t: number, grid: SampleGrid): number {
  const { startMin: t0, stepMin: h, count } = grid;
  let j = Math.min(count - 1, Math.ceil((t - t0) / h) - 1);
  while (j + 1 < count && t0 + (j + 1) * h < t) j++;
  while (j >= 0 && t0 + j * h >= t) j--;
  return j;
}

/**
 * Simulates a schedule on a uniform grid into caller-owned buffers (so an interactive page can re-plot
 * without allocating). Conventions: the state is 0 before the first breakpoint; a sample at a bolus time
 * includes the bolus; an infusion's rate applies on [start, end).
 */
export function simulateInto(
  compiled: CompiledModel,
  schedule: PkSchedule,
  grid: SampleGrid,
  out: OutputBuffers,
): void {
  const { startMin: t0, stepMin: h, count } = grid;
  if (!(h > 0) || !Number.isFinite(h)) throw new Error('stepMin must be a positive number');
  if (count <= 0) return;
  if (out.cp.length < count || (out.ce && out.ce.length < count)) throw new Error('output buffer too short');
  const prop: Propagator =
    compiled.method === 'modal' ? new ModalPropagator(compiled, out) : new DensePropagator(compiled, out);
  prop.reset();
  prop.prepareStep(h);

  const times = schedule.timesMin;
  const nEv = times.length;
  let ev = 0;
  let tc = nEv > 0 ? Math.min(t0, times[0]!) : t0;

  /** Applies every breakpoint at or before t (so a bolus at t is in the sample at t), then reaches t. */
  const processUntil = (t: number): void => {
    while (ev < nEv && times[ev]! <= t) {
      const te = times[ev]!;
      if (te > tc) prop.advance(te - tc);
      tc = te;
      prop.bolus(schedule.bolusMg[ev]!);
      prop.setRate(schedule.rateAfterMgPerMin[ev]!);
      ev++;
    }
    if (t > tc) prop.advance(t - tc);
    tc = t;
  };

  processUntil(t0);
  prop.write(0);
  let k = 0;
  while (k < count - 1) {
    const jMax = ev < nEv ? lastIndexBefore(times[ev]!, grid) : count - 1;
    if (jMax > k) {
      prop.run(k + 1, jMax - k);
      k = jMax;
      tc = t0 + k * h;
    }
    if (k < count - 1) {
      processUntil(t0 + (k + 1) * h);
      k++;
      prop.write(k);
    }
  }
}
