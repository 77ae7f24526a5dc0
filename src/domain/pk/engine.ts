/**
 * The exact simulator core (docs/clinical-sources.md#pk-algorithm). Between schedule breakpoints the infusion
 * rate R is constant, so each mode evolves as s ← ss + (s − ss)·e^(−λΔ) with steady state ss = R·C/λ. On a
 * uniform grid e^(−λ·step) is computed once, so the inner loop is one multiply per mode and a few adds per
 * sample, with no exp() and no allocation. A breakpoint between grid points splits that one step with n
 * extra exp() calls.
 *
 * Cp modes are padded to 3 and Ce modes to 4 (padding modes have coefficient 0 and decay factor 1), so two
 * fixed-width kernels cover every 1-, 2- and 3-compartment model and the JIT sees monomorphic code.
 */
import type { CompiledModel } from './compile-model';
import { stepPropagator } from './expm';
import type { PkSchedule } from './schedule';

const CP_MODES = 3;
const CE_MODES = 4;

export interface SampleGrid {
  startMin: number;
  stepMin: number;
  /** Number of samples; sample i is at startMin + i·stepMin (computed by multiplication, never summed). */
  count: number;
}

export interface OutputBuffers {
  cp: Float64Array;
  /** Omit to skip the effect-site state entirely (≈ 2.5× less work). */
  ce?: Float64Array;
}

/** The operations the grid driver needs; implemented by the modal recursion and the dense fallback. */
interface Propagator {
  reset(): void;
  prepareStep(stepMin: number): void;
  bolus(mg: number): void;
  setRate(mgPerMin: number): void;
  /** Exact advance by an arbitrary dt at the current rate. */
  advance(dtMin: number): void;
  /** `count` uniform steps, writing samples first … first+count−1. */
  run(first: number, count: number): void;
  write(index: number): void;
}

// ---------- modal recursion ----------

/** Cp-only kernel; locals keep the three mode states in registers. */
function runCp(
  s: Float64Array,
  e: Float64Array,
  inf: Float64Array,
  rate: number,
  outCp: Float64Array,
  first: number,
  count: number,
): void {
  const ss0 = rate * inf[0]!;
  const ss1 = rate * inf[1]!;
  const ss2 = rate * inf[2]!;
  const e0 = e[0]!;
  const e1 = e[1]!;
  const e2 = e[2]!;
  let d0 = s[0]! - ss0;
  let d1 = s[1]! - ss1;
  let d2 = s[2]! - ss2;
  const end = first + count;
  for (let j = first; j < end; j++) {
    d0 *= e0;
    d1 *= e1;
    d2 *= e2;
    // Each (ss + d) is a non-negative mode state, so the sum is never negative by rounding.
    outCp[j] = ss0 + d0 + (ss1 + d1) + (ss2 + d2);
  }
  s[0] = ss0 + d0;
  s[1] = ss1 + d1;
  s[2] = ss2 + d2;
}

/** Cp + Ce kernel: 3 plasma modes and 4 effect modes. */
function runCpCe(
  s: Float64Array,
  e: Float64Array,
  inf: Float64Array,
  f: Float64Array,
  g: Float64Array,
  infE: Float64Array,
  rate: number,
  outCp: Float64Array,
  outCe: Float64Array,
  first: number,
  count: number,
): void {
  const ss0 = rate * inf[0]!;
  const ss1 = rate * inf[1]!;
  const ss2 = rate * inf[2]!;
  const e0 = e[0]!;
  const e1 = e[1]!;
  const e2 = e[2]!;
  let d0 = s[0]! - ss0;
  let d1 = s[1]! - ss1;
  let d2 = s[2]! - ss2;
  const sf0 = rate * infE[0]!;
  const sf1 = rate * infE[1]!;
  const sf2 = rate * infE[2]!;
  const sf3 = rate * infE[3]!;
  const sfSum = sf0 + sf1 + sf2 + sf3;
  const g0 = g[0]!;
  const g1 = g[1]!;
  const g2 = g[2]!;
  const g3 = g[3]!;
  let h0 = f[0]! - sf0;
  let h1 = f[1]! - sf1;
  let h2 = f[2]! - sf2;
  let h3 = f[3]! - sf3;
  const end = first + count;
  for (let j = first; j < end; j++) {
    d0 *= e0;
    d1 *= e1;
    d2 *= e2;
    h0 *= g0;
    h1 *= g1;
    h2 *= g2;
    h3 *= g3;
    outCp[j] = ss0 + d0 + (ss1 + d1) + (ss2 + d2);
    const ce = sfSum + (h0 + h1 + (h2 + h3));
    // Effect coefficients have mixed signs; clamp the ~1e-16·peak rounding residue right after a bolus.
    outCe[j] = ce > 0 ? ce : 0;
  }
  s[0] = ss0 + d0;
  s[1] = ss1 + d1;
  s[2] = ss2 + d2;
  f[0] = sf0 + h0;
  f[1] = sf1 + h1;
  f[2] = sf2 + h2;
  f[3] = sf3 + h3;
}

interface ModeSet {
  lambda: Float64Array;
  /** ng/mL per mg bolus */
  bolus: Float64Array;
  /** ng/mL per mg/min at steady state (bolus/λ) */
  inf: Float64Array;
  state: Float64Array;
  decay: Float64Array;
  /** ln(decay) = −λ·step, for predicting when a deviation becomes negligible. */
  logDecay: Float64Array;
}

function modeSet(lambda: Float64Array, bolusMgPerLPerMg: Float64Array, width: number): ModeSet {
  const set: ModeSet = {
    lambda: new Float64Array(width),
    bolus: new Float64Array(width),
    inf: new Float64Array(width),
    state: new Float64Array(width),
    decay: new Float64Array(width).fill(1),
    logDecay: new Float64Array(width),
  };
  for (let i = 0; i < lambda.length; i++) {
    set.lambda[i] = lambda[i]!;
    // ×1000: mg/L → ng/mL, folded into the coefficients so the loop never rescales.
    set.bolus[i] = bolusMgPerLPerMg[i]! * 1000;
    set.inf[i] = set.bolus[i]! / lambda[i]!;
  }
  return set;
}

/**
 * Mode deviations from steady state below this (ng/mL) are set to exactly 0. Left alone they become
 * subnormal numbers, which x86 multiplies 10–100× more slowly, and with a decay factor near 1 the
 * smallest subnormal rounds back to itself, so a decayed mode would stay subnormal for days of samples.
 * The C ceiling gets the same effect from -ffast-math's flush-to-zero. 1e-200 ng/mL is physically nil.
 */
const FLUSH_BELOW = 1e-200;

function flushModes(m: ModeSet, rate: number): void {
  for (let i = 0; i < m.state.length; i++) {
    const ss = rate * m.inf[i]!;
    if (Math.abs(m.state[i]! - ss) < FLUSH_BELOW) m.state[i] = ss;
  }
}

/** Whole steps until the first non-zero mode deviation drops below FLUSH_BELOW (Infinity if none). */
function stepsUntilTiny(m: ModeSet, rate: number): number {
  let steps = Infinity;
  for (let i = 0; i < m.state.length; i++) {
    const dev = Math.abs(m.state[i]! - rate * m.inf[i]!);
    const logDecay = m.logDecay[i]!;
    if (dev === 0 || logDecay === 0) continue;
    const k = Math.max(1, Math.ceil(Math.log(FLUSH_BELOW / dev) / logDecay));
    if (k < steps) steps = k;
  }
  return steps;
}

function advanceModes(m: ModeSet, rate: number, dt: number): void {
  for (let i = 0; i < m.lambda.length; i++) {
    const l = m.lambda[i]!;
    if (l === 0) continue;
    const decay = Math.exp(-l * dt);
    // s·E + ss·(1 − E): both terms non-negative for plasma modes; expm1 keeps (1 − E) accurate for small λ·dt.
    m.state[i] = m.state[i]! * decay + rate * m.inf[i]! * -Math.expm1(-l * dt);
  }
}

class ModalPropagator implements Propagator {
  private readonly p: ModeSet;
  private readonly e: ModeSet | null;
  private rate = 0;

  constructor(
    compiled: CompiledModel,
    private readonly out: OutputBuffers,
  ) {
    this.p = modeSet(compiled.plasma.lambda, compiled.plasma.bolus, CP_MODES);
    this.e = out.ce ? modeSet(compiled.effect.lambda, compiled.effect.bolus, CE_MODES) : null;
  }

  reset(): void {
    this.p.state.fill(0);
    this.e?.state.fill(0);
    this.rate = 0;
  }

  prepareStep(step: number): void {
    for (const m of this.e ? [this.p, this.e] : [this.p]) {
      for (let i = 0; i < m.lambda.length; i++) {
        m.decay[i] = Math.exp(-m.lambda[i]! * step);
        m.logDecay[i] = -m.lambda[i]! * step;
      }
    }
  }

  bolus(mg: number): void {
    for (const m of this.e ? [this.p, this.e] : [this.p]) {
      for (let i = 0; i < m.lambda.length; i++) m.state[i] = m.state[i]! + m.bolus[i]! * mg;
    }
  }

  setRate(r: number): void {
    this.rate = r;
  }

  advance(dt: number): void {
    advanceModes(this.p, this.rate, dt);
    if (this.e) advanceModes(this.e, this.rate, dt);
  }

  run(first: number, count: number): void {
    const p = this.p;
    const e = this.e;
    let done = 0;
    while (done < count) {
      this.flushTiny();
      // Run up to the sample where the next mode deviation would fall below FLUSH_BELOW, then flush it.
      let n = count - done;
      n = Math.min(n, stepsUntilTiny(p, this.rate));
      if (e) n = Math.min(n, stepsUntilTiny(e, this.rate));
      if (e && this.out.ce) {
        runCpCe(
          p.state,
          p.decay,
          p.inf,
          e.state,
          e.decay,
          e.inf,
          this.rate,
          this.out.cp,
          this.out.ce,
          first + done,
          n,
        );
      } else {
        runCp(p.state, p.decay, p.inf, this.rate, this.out.cp, first + done, n);
      }
      done += n;
    }
    this.flushTiny();
  }

  private flushTiny(): void {
    flushModes(this.p, this.rate);
    if (this.e) flushModes(this.e, this.rate);
  }

  write(index: number): void {
    const s = this.p.state;
    this.out.cp[index] = s[0]! + s[1]! + s[2]!;
    if (this.e && this.out.ce) {
      const f = this.e.state;
      const ce = f[0]! + f[1]! + (f[2]! + f[3]!);
      this.out.ce[index] = ce > 0 ? ce : 0;
    }
  }
}

// ---------- dense fallback (coinciding decay rates) ----------

/**
 * State: amounts in each compartment (mg) and Ce (mg/L). Used only when the modal coefficients would divide
 * by (nearly) zero; costs n² per step instead of n, still exact.
 */
class DensePropagator implements Propagator {
  private readonly n: number;
  private readonly m: Float64Array;
  private readonly b: Float64Array;
  private readonly x: Float64Array;
  private readonly tmp: Float64Array;
  private readonly v1: number;
  private phi: Float64Array = new Float64Array(0);
  private gamma: Float64Array = new Float64Array(0);
  private rate = 0;

  constructor(
    compiled: CompiledModel,
    private readonly out: OutputBuffers,
  ) {
    const rc = compiled.rateConstants;
    const cpts = 1 + rc.peripheral.length;
    const n = cpts + 1;
    this.n = n;
    this.v1 = rc.v1L;
    const m = new Float64Array(n * n);
    let out1 = rc.k10;
    rc.peripheral.forEach((p, j) => {
      const c = j + 1;
      out1 += p.k1j;
      m[c * n + 0] = p.k1j;
      m[c * n + c] = -p.kj1;
      m[0 * n + c] = p.kj1;
    });
    m[0] = -out1;
    m[cpts * n + 0] = compiled.ke0 / rc.v1L;
    m[cpts * n + cpts] = -compiled.ke0;
    this.m = m;
    this.b = new Float64Array(n);
    this.b[0] = 1;
    this.x = new Float64Array(n);
    this.tmp = new Float64Array(n);
  }

  reset(): void {
    this.x.fill(0);
    this.rate = 0;
  }

  prepareStep(step: number): void {
    const { phi, gamma } = stepPropagator(this.m, this.b, this.n, step);
    this.phi = phi;
    this.gamma = gamma;
  }

  bolus(mg: number): void {
    this.x[0] = this.x[0]! + mg;
  }

  setRate(r: number): void {
    this.rate = r;
  }

  private apply(phi: Float64Array, gamma: Float64Array): void {
    const n = this.n;
    for (let i = 0; i < n; i++) {
      let s = gamma[i]! * this.rate;
      for (let j = 0; j < n; j++) s += phi[i * n + j]! * this.x[j]!;
      this.tmp[i] = s;
    }
    this.x.set(this.tmp);
  }

  advance(dt: number): void {
    const { phi, gamma } = stepPropagator(this.m, this.b, this.n, dt);
    this.apply(phi, gamma);
  }

  run(first: number, count: number): void {
    for (let j = first; j < first + count; j++) {
      this.apply(this.phi, this.gamma);
      this.write(j);
    }
  }

  write(index: number): void {
    const cp = (this.x[0]! / this.v1) * 1000;
    this.out.cp[index] = cp > 0 ? cp : 0;
    if (this.out.ce) {
      const ce = this.x[this.n - 1]! * 1000;
      this.out.ce[index] = ce > 0 ? ce : 0;
    }
  }
}

// ---------- grid driver ----------

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
