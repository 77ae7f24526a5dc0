import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clipIntervals,
  coversInterval,
  intervalsOverlap,
  mergeIntervals,
  subtractIntervals,
} from './intervals.js';
import type { Interval } from './scheduling-types.js';

const interval = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 }))
  .map(([start, length]) => ({ start, end: start + length }));
const intervals = fc.array(interval, { maxLength: 8 });

/** The integer points a list of intervals holds: a brute-force model of a set of instants. */
const points = (list: readonly Interval[]) => {
  const s = new Set<number>();
  for (const i of list) for (let t = i.start; t < i.end; t++) s.add(t);
  return [...s].sort((a, b) => a - b);
};

const normalised = (list: readonly Interval[]) =>
  list.every((i, n) => i.end > i.start && (n === 0 || list[n - 1]!.end < i.start));

describe('interval arithmetic', () => {
  it('merges touching intervals, since back-to-back opening hours are one stretch', () => {
    expect(
      mergeIntervals([
        { start: 5, end: 7 },
        { start: 0, end: 5 },
        { start: 9, end: 9 },
      ]),
    ).toEqual([{ start: 0, end: 7 }]);
  });

  it('merge, subtract and clip hold the same points as the sets they model', () => {
    fc.assert(
      fc.property(
        intervals,
        intervals,
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 0, max: 80 }),
        (a, b, x, y) => {
          const merged = mergeIntervals(a);
          expect(normalised(merged)).toBe(true);
          expect(points(merged)).toEqual(points(a));
          const minus = subtractIntervals(a, b);
          const cut = new Set(points(b));
          expect(normalised(minus)).toBe(true);
          expect(points(minus)).toEqual(points(a).filter((t) => !cut.has(t)));
          const clipped = clipIntervals(a, Math.min(x, y), Math.max(x, y));
          expect(points(clipped)).toEqual(points(a).filter((t) => t >= Math.min(x, y) && t < Math.max(x, y)));
        },
      ),
    );
  });

  it('covers an interval exactly when every point of it is held', () => {
    fc.assert(
      fc.property(
        intervals,
        interval.filter((i) => i.end > i.start),
        (a, probe) => {
          const held = new Set(points(a));
          const all = points([probe]).every((t) => held.has(t));
          expect(coversInterval(mergeIntervals(a), probe.start, probe.end)).toBe(all);
        },
      ),
    );
  });

  it('treats intervals as half-open', () => {
    expect(intervalsOverlap({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(intervalsOverlap({ start: 0, end: 6 }, { start: 5, end: 9 })).toBe(true);
  });
});
