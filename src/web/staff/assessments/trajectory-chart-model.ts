import type { Trajectory } from '../../../domain/measurement/index';
import { formatDate } from '../format';

/** The SVG's coordinate system; CSS scales the whole image. */
export const chartWidth = 720;
export const chartHeight = 300;
export const chartMargin = { top: 16, right: 16, bottom: 40, left: 44 };
/** Severity bands from mildest to most severe, light green to light red. */
export const bandFills = ['#e6f4ea', '#fff8db', '#ffeccc', '#ffdccc', '#f9c9c9', '#f4b5b5'];

/** A day of padding either side of the data, so the first and last dots are not on the frame. */
export const chartPaddingMs = 86_400_000;

export type ScoredPoint = Trajectory['points'][number] & { value: number };

/** The points that have a score; an unscorable response leaves a gap rather than a zero. */
export function scoredPoints(t: Trajectory): ScoredPoint[] {
  return t.points.filter((p): p is ScoredPoint => p.value !== null);
}

export interface ChartScale {
  /** First and last instants shown: the data padded by a day either side. */
  t0: number;
  t1: number;
  x: (time: number) => number;
  y: (value: number) => number;
}

/** Time runs left to right over scores and infusions; the value axis spans the instrument's range. */
export function chartScale(t: Trajectory, scored: readonly ScoredPoint[]): ChartScale {
  const times = [...scored.map((p) => Date.parse(p.date)), ...t.anchors.map((a) => Date.parse(a.date))];
  const t0 = Math.min(...times) - chartPaddingMs;
  const t1 = Math.max(...times) + chartPaddingMs;
  const [lo, hi] = t.range;
  const m = chartMargin;
  return {
    t0,
    t1,
    x: (time) => m.left + ((time - t0) / (t1 - t0)) * (chartWidth - m.left - m.right),
    // A zero-width range (a single-value scale) must not divide by zero.
    y: (v) => m.top + (1 - (v - lo) / (hi - lo || 1)) * (chartHeight - m.top - m.bottom),
  };
}

/** Five evenly spaced value ticks from the bottom of the range to the top. */
export function valueTicks([lo, hi]: readonly [number, number]): number[] {
  return Array.from({ length: 5 }, (_, i) => lo + ((hi - lo) * i) / 4);
}

/**
 * The value a severity band is drawn up to. A band's `to` is inclusive (for whole-number scores one
 * below the next band's start), so every band but the last is drawn one higher to leave no gap
 * between bands; none is drawn above the range.
 */
export function bandTopValue(bands: Trajectory['bands'], index: number, hi: number): number {
  const band = bands[index]!;
  return Math.min(hi, band.to + (index < bands.length - 1 ? 1 : 0));
}

/** The response line: the baseline reduced by the rule's percentage ("… ≥ 50%"), when there is one. */
export function responseThreshold(t: Trajectory): number | undefined {
  const baseline = t.outcomes?.baseline.value;
  const percent = /≥ (\d+(?:\.\d+)?)%/.exec(t.outcomes?.response?.rule ?? '')?.[1];
  return baseline !== undefined && percent ? baseline * (1 - Number(percent) / 100) : undefined;
}

/** The remission cut-off and its comparison ("value < 5" → { operator: '<', value: 5 }). */
export function remissionThreshold(t: Trajectory): { operator: string; value: number } | undefined {
  const match = /value (<|≤) (\d+(?:\.\d+)?)/.exec(t.outcomes?.remission?.rule ?? '');
  return match ? { operator: match[1]!, value: Number(match[2]) } : undefined;
}

/** The chart's text alternative: every score in order, with the first and last dates. */
export function chartSummary(t: Trajectory, scored: readonly ScoredPoint[]): string {
  const values = scored.map((p) => p.value).join(', ');
  return `${t.shortTitle} scores from ${formatDate(scored[0]!.date)} to ${formatDate(scored.at(-1)!.date)}: ${values}.`;
}
