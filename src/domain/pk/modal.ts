/**
 * Modal (eigen-) decomposition of a mammillary model, as in STANPUMP (docs/clinical-sources.md#pk-algorithm):
 * the eigenvalues λi and the unit-disposition coefficients that turn the linear ODE into independent
 * exponential modes.
 */
import type { RateConstants } from './model-types';

export interface Modes {
  /** Decay rates λi, min⁻¹, strictly decreasing. */
  lambda: Float64Array;
  /** Concentration per unit dose put into V1, mg/L per mg (bolus coefficients). */
  bolus: Float64Array;
}

/** Roots of λ² − sλ + p = 0, written to avoid cancellation in the small root. */
function quadraticRoots(s: number, p: number): [number, number] {
  const disc = Math.sqrt(Math.max(0, s * s - 4 * p));
  const big = (s + disc) / 2;
  return [big, p / big];
}

/** Real roots of λ³ − a2λ² + a1λ − a0 = 0 by the trigonometric method (STANPUMP CUBE.C), then polished. */
function cubicRoots(a2: number, a1: number, a0: number): [number, number, number] {
  const shift = a2 / 3;
  const p = a1 - (a2 * a2) / 3;
  const q = (-2 * a2 * a2 * a2) / 27 + (a2 * a1) / 3 - a0;
  const r = 2 * Math.sqrt(Math.max(0, -p / 3));
  const arg = r === 0 ? 0 : Math.min(1, Math.max(-1, ((3 * q) / (2 * p)) * Math.sqrt(-3 / p)));
  const phi = Math.acos(arg) / 3;
  const roots: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    let x = r * Math.cos(phi - (2 * Math.PI * k) / 3) + shift;
    // Newton steps remove the cancellation error the trigonometric formula leaves in the smallest root.
    for (let it = 0; it < 3; it++) {
      const f = ((x - a2) * x + a1) * x - a0;
      const df = (3 * x - 2 * a2) * x + a1;
      if (df === 0) break;
      const nx = x - f / df;
      if (!Number.isFinite(nx)) break;
      x = nx;
    }
    roots[k] = x;
  }
  return roots;
}

/** Eigenvalues of the mammillary model, largest first. */
export function eigenvalues(rc: RateConstants): Float64Array {
  const k10 = rc.k10;
  const per = rc.peripheral;
  if (per.length === 0) return Float64Array.of(k10);
  if (per.length === 1) {
    const { k1j: k12, kj1: k21 } = per[0]!;
    return Float64Array.from(quadraticRoots(k10 + k12 + k21, k10 * k21));
  }
  if (per.length === 2) {
    const { k1j: k12, kj1: k21 } = per[0]!;
    const { k1j: k13, kj1: k31 } = per[1]!;
    const a2 = k10 + k12 + k13 + k21 + k31;
    const a1 = k10 * k21 + k10 * k31 + k21 * k31 + k12 * k31 + k13 * k21;
    const a0 = k10 * k21 * k31;
    return Float64Array.from(cubicRoots(a2, a1, a0))
      .sort()
      .reverse();
  }
  throw new Error('models with more than 3 compartments are not supported');
}

/**
 * Ci = Πj (kj1 − λi) / (V1 · Πl≠i (λl − λi)); STANPUMP's 2- and 3-compartment formulas are the special
 * cases of this product.
 */
export function dispositionModes(rc: RateConstants): Modes {
  const lambda = eigenvalues(rc);
  const n = lambda.length;
  const bolus = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const li = lambda[i]!;
    let num = 1;
    for (const p of rc.peripheral) num *= p.kj1 - li;
    let den = rc.v1L;
    for (let l = 0; l < n; l++) if (l !== i) den *= lambda[l]! - li;
    bolus[i] = num / den;
  }
  return { lambda, bolus };
}

/**
 * Effect-site modes (as STANPUMP builds them): the plasma modes filtered by ke0, plus a mode at ke0 whose
 * coefficient makes Ce = 0 right after a bolus.
 */
export function effectModes(plasma: Modes, ke0: number): Modes {
  const n = plasma.lambda.length;
  const lambda = new Float64Array(n + 1);
  const bolus = new Float64Array(n + 1);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const li = plasma.lambda[i]!;
    lambda[i] = li;
    const c = (plasma.bolus[i]! * ke0) / (ke0 - li);
    bolus[i] = c;
    sum += c;
  }
  lambda[n] = ke0;
  bolus[n] = -sum;
  return { lambda, bolus };
}

/** Smallest |a − b| / max(a, b) over all pairs; the modal formulas lose ~eps/gap relative accuracy. */
export function minRelativeGap(values: ArrayLike<number>): number {
  let gap = Infinity;
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i]!;
      const b = values[j]!;
      const g = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
      if (g < gap) gap = g;
    }
  }
  return gap;
}
