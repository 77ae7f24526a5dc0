import { describe, expect, it } from 'vitest';
import { clean, roundToIncrement } from './rounding';

describe('roundToIncrement', () => {
  it.each<[number, number, 'nearest' | 'down' | 'up', number]>([
    [0.733, 0.01, 'nearest', 0.73],
    [0.745, 0.01, 'nearest', 0.75],
    [0.7, 0.01, 'down', 0.7],
    [0.7, 0.01, 'up', 0.7],
    [1.466, 0.01, 'down', 1.46],
    [1.461, 0.01, 'up', 1.47],
    [151.05, 0.1, 'nearest', 151.1],
    [36.65, 0.5, 'nearest', 36.5],
    [36.76, 0.5, 'nearest', 37],
    [12.3, 1, 'nearest', 12],
    [0.00006, 0.0001, 'nearest', 0.0001],
  ])('%f to %f (%s) → %f', (value, inc, mode, expected) => {
    expect(roundToIncrement(value, inc, mode)).toBe(expected);
  });

  it('rejects a non-positive increment', () => {
    expect(() => roundToIncrement(1, 0)).toThrow(RangeError);
  });

  it('clean removes binary noise', () => {
    expect(clean(0.1 + 0.2)).toBe(0.3);
  });
});
