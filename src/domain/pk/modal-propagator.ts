/**
 * The modal recursion (algorithm in engine.ts): per-mode state padded for the kernels, exact advances
 * between grid points, and flushing of deviations too small to matter.
 */
import type { CompiledModel } from './compile-model';
import { CE_MODES, CP_MODES, runCp, runCpCe } from './modal-kernels';
import type { OutputBuffers, Propagator } from './propagator';

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

export class ModalPropagator implements Propagator {
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
