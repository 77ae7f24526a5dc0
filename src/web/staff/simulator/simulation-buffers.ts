import {
  buildSchedule,
  defaultOccupancyParameters,
  occupancyCurve,
  simulateInto,
  type CompiledModel,
  type PkPlan,
} from '../../../domain/pk';
import type { CsvSeries } from './plan-model';
import { modelById } from './simulator-models';

/** Typed arrays reused across re-plots, so an edit costs a recursion and no allocation. */
export interface Buffers {
  capacity: number;
  t: Float64Array;
  byModel: Map<string, CsvSeries>;
}

export interface Summary {
  modelId: string;
  peakCp: number;
  peakCpAt: number;
  peakCe: number;
  peakCeAt: number;
  occupancyAtPeakCe: number;
}

export function emptyBuffers(): Buffers {
  return { capacity: 0, t: new Float64Array(0), byModel: new Map() };
}

/** Grid resolution: at most ~1,800 intervals whatever the horizon, never coarser than needed for 0.1 min. */
export function stepFor(untilMin: number): number {
  return Math.max(0.1, Math.ceil((untilMin / 1800) * 10) / 10);
}

function ensureCapacity(b: Buffers, count: number): void {
  if (b.capacity >= count) return;
  b.capacity = count;
  b.t = new Float64Array(count);
  b.byModel.clear();
}

function seriesBuffer(b: Buffers, modelId: string): CsvSeries {
  let s = b.byModel.get(modelId);
  if (!s) {
    s = {
      modelId,
      cp: new Float64Array(b.capacity),
      ce: new Float64Array(b.capacity),
      occupancy: new Float64Array(b.capacity),
    };
    b.byModel.set(modelId, s);
  }
  return s;
}

/** Simulates every compiled model into the buffers; returns uPlot's columns: t, then Cp and Ce per model. */
export function fillSeries(
  b: Buffers,
  selected: readonly string[],
  compiled: ReadonlyMap<string, CompiledModel>,
  plan: PkPlan,
  stepMin: number,
  count: number,
): Float64Array[] {
  ensureCapacity(b, count);
  for (let i = 0; i < count; i++) b.t[i] = i * stepMin;
  const schedule = buildSchedule(plan);
  const data: Float64Array[] = [b.t.subarray(0, count)];
  const grid = { startMin: 0, stepMin, count };
  for (const id of selected) {
    const model = compiled.get(id);
    if (!model) continue;
    const s = seriesBuffer(b, id);
    simulateInto(model, schedule, grid, { cp: s.cp, ce: s.ce });
    data.push(s.cp.subarray(0, count), s.ce.subarray(0, count));
  }
  return data;
}

/** Index of the first maximum among the first `count` samples. */
function peakIndex(values: Float64Array, count: number): number {
  let best = 0;
  for (let i = 1; i < count; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** Peak Cp and Ce per model, with the illustrative occupancy (also written to the buffers for the CSV). */
export function summarise(
  b: Buffers,
  selected: readonly string[],
  stepMin: number,
  count: number,
): Summary[] {
  const out: Summary[] = [];
  for (const id of selected) {
    const s = b.byModel.get(id);
    const model = modelById.get(id);
    if (!s || !model) continue;
    occupancyCurve(s.ce.subarray(0, count), defaultOccupancyParameters(model.analyte), s.occupancy);
    const iCp = peakIndex(s.cp, count);
    const iCe = peakIndex(s.ce, count);
    out.push({
      modelId: id,
      peakCp: s.cp[iCp]!,
      peakCpAt: iCp * stepMin,
      peakCe: s.ce[iCe]!,
      peakCeAt: iCe * stepMin,
      occupancyAtPeakCe: s.occupancy[iCe]!,
    });
  }
  return out;
}
