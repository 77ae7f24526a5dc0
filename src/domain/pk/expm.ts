/**
 * Dense matrix exponential for the rare systems the modal formulas cannot handle (coinciding eigenvalues,
 * e.g. a ke0 equal to a plasma eigenvalue). Scaling and squaring with a Taylor polynomial: for the small
 * (≤ 5×5) compartment matrices here, truncation at degree 18 after scaling to ‖A‖₁ ≤ 0.5 leaves an error
 * far below double rounding, and no linear solve is needed.
 */

/** Row-major n×n product c = a·b (c must not alias a or b). */
function multiply(a: Float64Array, b: Float64Array, c: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k]! * b[k * n + j]!;
      c[i * n + j] = s;
    }
  }
}

function norm1(a: Float64Array, n: number): number {
  let best = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(a[i * n + j]!);
    if (s > best) best = s;
  }
  return best;
}

/** e^A for a row-major n×n matrix. */
export function expm(a: Float64Array, n: number): Float64Array {
  const norm = norm1(a, n);
  const squarings = norm > 0.5 ? Math.ceil(Math.log2(norm / 0.5)) : 0;
  const scale = Math.pow(2, -squarings);
  const x = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) x[i] = a[i]! * scale;
  // Horner form of Σ x^k / k!, k = 0..18.
  const degree = 18;
  let result = new Float64Array(n * n);
  for (let i = 0; i < n; i++) result[i * n + i] = 1;
  let tmp = new Float64Array(n * n);
  for (let k = degree; k >= 1; k--) {
    multiply(x, result, tmp, n);
    for (let i = 0; i < n * n; i++) tmp[i] = tmp[i]! / k;
    for (let i = 0; i < n; i++) tmp[i * n + i] = tmp[i * n + i]! + 1;
    [result, tmp] = [tmp, result];
  }
  for (let s = 0; s < squarings; s++) {
    multiply(result, result, tmp, n);
    [result, tmp] = [tmp, result];
  }
  return result;
}

/**
 * Exact one-step propagator of x' = M·x + b·u with u constant over dt: x(t+dt) = Φ·x(t) + Γ·u, from the
 * exponential of the augmented matrix [[M, b], [0, 0]]·dt (Van Loan).
 */
export function stepPropagator(
  m: Float64Array,
  b: Float64Array,
  n: number,
  dt: number,
): { phi: Float64Array; gamma: Float64Array } {
  const na = n + 1;
  const aug = new Float64Array(na * na);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) aug[i * na + j] = m[i * n + j]! * dt;
    aug[i * na + n] = b[i]! * dt;
  }
  const e = expm(aug, na);
  const phi = new Float64Array(n * n);
  const gamma = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) phi[i * n + j] = e[i * na + j]!;
    gamma[i] = e[i * na + n]!;
  }
  return { phi, gamma };
}
