/** The dense fallback for coinciding decay rates, where the modal coefficients would divide by ~0. */
import type { CompiledModel } from './compile-model';
import { stepPropagator } from './expm';
import type { OutputBuffers, Propagator } from './propagator';

/**
 * State: amounts in each compartment (mg) and Ce (mg/L). Used only when the modal coefficients would divide
 * by (nearly) zero; costs n² per step instead of n, still exact.
 */
export class DensePropagator implements Propagator {
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
