/**
 * Flattens a dose plan into what the engine consumes: sorted breakpoints, each with the bolus given there and
 * the total infusion rate that holds until the next breakpoint. Overlapping infusions simply add, and a pause
 * is a stretch where the rate is 0.
 */
import { bolusMg, infusionMgPerMin, type PkPlan } from './plan';

export interface PkSchedule {
  /** Strictly increasing times, min. */
  timesMin: Float64Array;
  /** Bolus given at each time, mg (0 when the breakpoint is only a rate change). */
  bolusMg: Float64Array;
  /** Total infusion rate on [timesMin[i], timesMin[i+1]), mg/min. */
  rateAfterMgPerMin: Float64Array;
}

interface Infusion {
  start: number;
  end: number;
  rate: number;
}

export function buildSchedule(plan: PkPlan): PkSchedule {
  const w = plan.patient.weightKg;
  const boluses = new Map<number, number>();
  const infusions: Infusion[] = [];
  const times = new Set<number>();
  for (const d of plan.doses) {
    if (d.kind === 'bolus') {
      boluses.set(d.atMin, (boluses.get(d.atMin) ?? 0) + bolusMg(d, w));
      times.add(d.atMin);
    } else {
      infusions.push({ start: d.startMin, end: d.endMin, rate: infusionMgPerMin(d, w) });
      times.add(d.startMin);
      times.add(d.endMin);
    }
  }
  const sorted = Float64Array.from(times).sort();
  const n = sorted.length;
  const bolus = new Float64Array(n);
  const rate = new Float64Array(n);
  // Sweep over start (+rate) and end (−rate) edges; ends sort before starts at the same time because an
  // infusion runs on [start, end).
  const edges: { t: number; delta: number; open: number }[] = [];
  for (const inf of infusions) {
    edges.push({ t: inf.start, delta: inf.rate, open: 1 });
    edges.push({ t: inf.end, delta: -inf.rate, open: -1 });
  }
  edges.sort((a, b) => a.t - b.t || a.open - b.open);
  let e = 0;
  let r = 0;
  let active = 0;
  for (let i = 0; i < n; i++) {
    const t = sorted[i]!;
    while (e < edges.length && edges[e]!.t <= t) {
      r += edges[e]!.delta;
      active += edges[e]!.open;
      e++;
    }
    // With nothing running the rate is exactly 0, so pauses carry no cancellation residue.
    if (active === 0) r = 0;
    bolus[i] = boluses.get(t) ?? 0;
    rate[i] = r;
  }
  return { timesMin: sorted, bolusMg: bolus, rateAfterMgPerMin: rate };
}
