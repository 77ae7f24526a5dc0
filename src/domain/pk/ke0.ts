/**
 * ke0 handling: evaluating a model's ke0 rule and converting between ke0 and the time to peak effect after
 * a bolus, which is how most published ketamine ke0 values were chosen (docs/clinical-sources.md#pk-ke0).
 */
import type { Ke0Rule } from './model-types';
import { effectModes, type Modes } from './modal';

/** dCe/dt after a unit bolus, up to a positive factor: −Σ ci·λi·e^(−λi t). */
function effectSlope(effect: Modes, t: number): number {
  let s = 0;
  for (let i = 0; i < effect.lambda.length; i++) {
    const l = effect.lambda[i]!;
    s -= effect.bolus[i]! * l * Math.exp(-l * t);
  }
  return s;
}

/** Keeps ke0 off the plasma eigenvalues, where the modal effect coefficients are undefined. */
function separated(plasma: Modes, ke0: number): number {
  for (const l of plasma.lambda) if (Math.abs(ke0 - l) <= 1e-9 * l) return ke0 * (1 + 1e-7);
  return ke0;
}

/** Time (min) at which the effect-site concentration peaks after a bolus. */
export function timeToPeakEffect(plasma: Modes, ke0: number): number {
  const effect = effectModes(plasma, separated(plasma, ke0));
  // Ce rises from 0 and falls once Cp has dropped below it: find the first sign change of the slope.
  let lo = 0;
  let hi = 1e-4;
  while (effectSlope(effect, hi) > 0) {
    lo = hi;
    hi *= 2;
    if (hi > 1e7) return Infinity;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (effectSlope(effect, mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The ke0 whose bolus Ce curve peaks at tPeakMin (stanpumpR solves the same problem by optimisation). */
export function ke0ForTimeToPeak(plasma: Modes, tPeakMin: number): number {
  if (!(tPeakMin > 0)) throw new Error('tPeakMin must be positive');
  // Time to peak falls monotonically as ke0 rises, so bisect on log(ke0).
  let lo = Math.log(1e-5);
  let hi = Math.log(1e4);
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (timeToPeakEffect(plasma, Math.exp(mid)) > tPeakMin) lo = mid;
    else hi = mid;
    if (hi - lo < 1e-13) break;
  }
  return Math.exp((lo + hi) / 2);
}

export function resolveKe0(rule: Ke0Rule, plasma: Modes, weightKg: number): number {
  switch (rule.kind) {
    case 'fixed':
      return rule.perMin;
    case 'log-weight':
      return rule.a * Math.log(weightKg) + rule.b;
    case 'time-to-peak':
      return ke0ForTimeToPeak(plasma, rule.tPeakMin);
  }
}

export function describeKe0Rule(rule: Ke0Rule): string {
  switch (rule.kind) {
    case 'fixed':
      return `ke0 ${rule.perMin} min⁻¹ (${rule.source})`;
    case 'log-weight':
      return `ke0 = ${rule.a}·ln(W) + ${rule.b} min⁻¹ (${rule.source})`;
    case 'time-to-peak':
      return `ke0 solved from tPeak ${rule.tPeakMin} min (${rule.source})`;
  }
}
