import type { Interval } from './scheduling-types.js';

/**
 * Arithmetic on half-open `[start, end)` intervals of epoch milliseconds. "Normalised" means sorted by
 * start, non-empty, and neither overlapping nor touching: the form every function here returns.
 */

/** Sorted, with overlapping and touching intervals joined (back-to-back opening hours are one stretch). */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** `base` minus every interval of `cut`. */
export function subtractIntervals(base: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const holes = mergeIntervals(cut);
  const out: Interval[] = [];
  for (const b of mergeIntervals(base)) {
    let start = b.start;
    for (const h of holes) {
      if (h.end <= start) continue;
      if (h.start >= b.end) break;
      if (h.start > start) out.push({ start, end: h.start });
      start = Math.max(start, h.end);
      if (start >= b.end) break;
    }
    if (start < b.end) out.push({ start, end: b.end });
  }
  return out;
}

/** The parts of `list` inside `[from, to)`. */
export function clipIntervals(list: readonly Interval[], from: number, to: number): Interval[] {
  return mergeIntervals(list.map((i) => ({ start: Math.max(i.start, from), end: Math.min(i.end, to) })));
}

/** True when one interval of the normalised `list` holds all of `[start, end)`; a binary search. */
export function coversInterval(list: readonly Interval[], start: number, end: number): boolean {
  let lo = 0;
  let hi = list.length;
  // The last interval that starts at or before `start` is the only one that can hold it.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.start <= start) lo = mid + 1;
    else hi = mid;
  }
  const candidate = list[lo - 1];
  return candidate !== undefined && candidate.end >= end;
}

export function intervalsOverlap(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}
