import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { compileModel, gridCount, type CompiledModel } from '../../../domain/pk';
import type { PlanResult } from './plan-model';
import {
  emptyBuffers,
  fillSeries,
  stepFor,
  summarise,
  type Buffers,
  type Summary,
} from './simulation-buffers';

export interface Timing {
  /** The weight the plot was made for, so a test can wait for the re-plot of its own edit. */
  weightKg: number;
  computeMs: number;
  drawnMs: number | null;
  samples: number;
  models: number;
}

export interface SampleGrid {
  untilMin: number;
  stepMin: number;
  count: number;
}

// Compiling solves eigenvalues (and sometimes ke0): once per model and patient, not per edit.
function useCompiledModels(result: PlanResult, selected: string[]): Map<string, CompiledModel> {
  const weightKg = result.ok ? result.plan.patient.weightKg : undefined;
  const ageYears = result.ok ? result.plan.patient.ageYears : undefined;
  return useMemo(() => {
    const map = new Map<string, CompiledModel>();
    if (weightKg === undefined) return map;
    for (const id of selected)
      map.set(id, compileModel(id, { weightKg, ...(ageYears !== undefined ? { ageYears } : {}) }));
    return map;
  }, [selected, weightKg, ageYears]);
}

function sampleGrid(result: PlanResult): SampleGrid {
  const untilMin = result.ok ? result.untilMin : 0;
  const stepMin = stepFor(untilMin);
  return { untilMin, stepMin, count: result.ok ? gridCount(0, untilMin, stepMin) : 0 };
}

/** The chart's data pipeline: compiled models, reused buffers, the re-plot on every edit and its timing. */
export function useSimulation(result: PlanResult, selected: string[]) {
  const [chart, setChart] = useState<uPlot | null>(null);
  const [summary, setSummary] = useState<Summary[]>([]);
  const [timing, setTiming] = useState<Timing | null>(null);
  const buffers = useRef<Buffers>(emptyBuffers());
  const drawStart = useRef<number | null>(null);
  const lastDrawnMs = useRef<number | null>(null);
  const compiled = useCompiledModels(result, selected);
  const grid = sampleGrid(result);
  const { stepMin, count } = grid;

  // Re-plot on every edit: schedule, exact recursion into reused buffers, then setData.
  useLayoutEffect(() => {
    if (!chart || !result.ok || count === 0) return;
    const start = performance.now();
    const data = fillSeries(buffers.current, selected, compiled, result.plan, stepMin, count);
    drawStart.current = start;
    chart.setData(data as unknown as uPlot.AlignedData);
    const computeMs = performance.now() - start;
    setSummary(summarise(buffers.current, selected, stepMin, count));
    // uPlot may draw inside setData or in a later microtask; onDrawn covers the second case.
    const drawnMs = drawStart.current === null ? lastDrawnMs.current : null;
    const weightKg = result.plan.patient.weightKg;
    setTiming({ weightKg, computeMs, drawnMs, samples: count, models: selected.length });
  }, [chart, result, compiled, selected, count, stepMin]);

  const onDrawn = useCallback(() => {
    if (drawStart.current === null) return;
    const drawnMs = performance.now() - drawStart.current;
    drawStart.current = null;
    lastDrawnMs.current = drawnMs;
    setTiming((t) => (t ? { ...t, drawnMs } : t));
  }, []);

  return { chart, setChart, onDrawn, summary, timing, buffers: buffers.current, compiled, grid };
}
