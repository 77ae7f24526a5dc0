import type { SessionView } from './session-api';
import { infusionStartedAt } from './session-text';

/** The SVG's coordinate system; CSS scales the whole image. Room on the right for the PK axis. */
export const chartWidth = 720;
export const chartHeight = 300;
export const chartMargin = { top: 16, right: 56, bottom: 40, left: 48 };

export interface VitalsPoint {
  /** Minutes from the start of the infusion (negative before it: the baseline). */
  t: number;
  systolic: number;
  diastolic: number;
  heartRate: number;
}

export interface PkPoint {
  t: number;
  plasma: number;
  effectSite: number;
}

export interface SessionChartModel {
  /** The instant minute 0 stands for: the infusion's start, or the check-in before it. */
  origin: string;
  started: boolean;
  vitals: VitalsPoint[];
  pk: PkPoint[];
  pkModel: string | null;
  tRange: [number, number];
  /** mmHg and beats/min share the left axis. */
  vitalsRange: [number, number];
  /** ng/mL on the right axis. */
  pkRange: [number, number];
  x: (t: number) => number;
  yVitals: (v: number) => number;
  yPk: (v: number) => number;
}

const minutesFrom = (origin: number, iso: string) => (Date.parse(iso) - origin) / 60_000;

/** A round top for an axis: the next multiple of `step` at or above the value. */
const roundUp = (value: number, step: number) => Math.ceil(value / step) * step;

function vitalsPoints(view: SessionView, origin: number): VitalsPoint[] {
  return view.vitals
    .map((v) => ({
      t: minutesFrom(origin, v.takenAt),
      systolic: v.reading.systolic,
      diastolic: v.reading.diastolic,
      heartRate: v.reading.heartRate,
    }))
    .sort((a, b) => a.t - b.t);
}

function pkPoints(pk: SessionView['pk']): PkPoint[] {
  if (!pk) return [];
  return pk.tMinutesFromStart.map((t, i) => ({
    t,
    plasma: pk.plasmaNgMl[i] ?? 0,
    effectSite: pk.effectSiteNgMl[i] ?? 0,
  }));
}

/** Vitals over minutes since the start, with the predicted concentrations on a second axis. */
export function sessionChartModel(view: SessionView): SessionChartModel {
  const startedAt = infusionStartedAt(view);
  const origin = startedAt ?? view.checkedInAt;
  const o = Date.parse(origin);
  const vitals = vitalsPoints(view, o);
  // Without a start there is no "minutes from start" for the prediction to line up with.
  const pk = startedAt ? pkPoints(view.pk) : [];
  const times = [0, ...vitals.map((p) => p.t), ...pk.map((p) => p.t)];
  const tRange: [number, number] = [Math.min(...times), Math.max(10, ...times)];
  const highest = Math.max(0, ...vitals.flatMap((p) => [p.systolic, p.heartRate]));
  const vitalsRange: [number, number] = [0, Math.max(200, roundUp(highest + 10, 20))];
  const pkTop = Math.max(0, ...pk.flatMap((p) => [p.plasma, p.effectSite]));
  const pkRange: [number, number] = [0, pkTop > 0 ? roundUp(pkTop * 1.1, 50) : 100];
  const m = chartMargin;
  const plotW = chartWidth - m.left - m.right;
  const plotH = chartHeight - m.top - m.bottom;
  const y =
    ([lo, hi]: [number, number]) =>
    (v: number) =>
      m.top + (1 - (v - lo) / (hi - lo || 1)) * plotH;
  return {
    origin,
    started: startedAt !== null,
    vitals,
    pk,
    pkModel: view.pk?.model ?? null,
    tRange,
    vitalsRange,
    pkRange,
    x: (t) => m.left + ((t - tRange[0]) / (tRange[1] - tRange[0] || 1)) * plotW,
    yVitals: y(vitalsRange),
    yPk: y(pkRange),
  };
}

/** Five evenly spaced ticks over a range. */
export function ticks([lo, hi]: readonly [number, number]): number[] {
  return Array.from({ length: 5 }, (_, i) => lo + ((hi - lo) * i) / 4);
}

const range = (values: number[]) => (values.length ? `${Math.min(...values)}–${Math.max(...values)}` : '—');

/** The chart's text alternative: the ranges of each measure and the highest predicted concentration. */
export function chartSummary(model: SessionChartModel): string {
  if (model.vitals.length === 0 && model.pk.length === 0) return 'No vital signs charted yet.';
  const parts = [
    `${model.vitals.length} vital sign readings`,
    `systolic ${range(model.vitals.map((p) => p.systolic))} mmHg`,
    `diastolic ${range(model.vitals.map((p) => p.diastolic))} mmHg`,
    `heart rate ${range(model.vitals.map((p) => p.heartRate))} per minute`,
  ];
  if (model.pk.length > 0) {
    const peak = model.pk.reduce((a, b) => (b.plasma > a.plasma ? b : a));
    parts.push(
      `predicted plasma ketamine peaks at ${Math.round(peak.plasma)} ng/mL at minute ${Math.round(peak.t)}`,
    );
  }
  return `${parts.join('; ')}.`;
}
