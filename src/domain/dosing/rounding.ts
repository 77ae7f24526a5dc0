/**
 * Rounding to a measurable increment (syringe graduation, pump resolution). Values are snapped through
 * 12 significant digits first so binary noise (0.745 / 0.01 = 74.49999…) never flips a rounding decision.
 */

export type RoundingMode = 'nearest' | 'down' | 'up';

/** Strip binary floating-point noise from a derived value (e.g. 0.1 × 3 → 0.3). */
export function clean(x: number): number {
  return Number(x.toPrecision(12));
}

function decimalsOf(increment: number): number {
  const text = String(increment);
  if (text.includes('e-'))
    return Number(text.split('e-')[1] ?? 0) + (text.split('.')[1]?.split('e')[0]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}

export function roundToIncrement(value: number, increment: number, mode: RoundingMode = 'nearest'): number {
  if (!(increment > 0)) throw new RangeError('increment must be > 0');
  const steps = clean(value / increment);
  const n = mode === 'down' ? Math.floor(steps) : mode === 'up' ? Math.ceil(steps) : Math.round(steps);
  return Number((n * increment).toFixed(Math.min(decimalsOf(increment), 15)));
}
