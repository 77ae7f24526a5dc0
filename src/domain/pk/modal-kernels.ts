/**
 * The two inner loops of the modal recursion. Cp modes are padded to 3 and Ce modes to 4 (padding modes
 * have coefficient 0 and decay factor 1), so two fixed-width kernels cover every 1-, 2- and 3-compartment
 * model and the JIT sees monomorphic code.
 */

export const CP_MODES = 3;
export const CE_MODES = 4;

/** Cp-only kernel; locals keep the three mode states in registers. */
export function runCp(
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
export function runCpCe(
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
