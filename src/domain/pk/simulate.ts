/**
 * The entry point a page or the CLI calls: a validated plan in, time series with model provenance, caveats
 * and warnings out.
 */
import { compileModel, type CompiledModel } from './compile-model';
import { simulateInto, type SampleGrid } from './engine';
import type { ModelCaveat } from './model-types';
import {
  defaultOccupancyParameters,
  occupancyCurve,
  OCCUPANCY_LABEL,
  type OccupancyParameters,
} from './occupancy';
import type { PkPlan } from './plan';
import { buildSchedule } from './schedule';

export interface SimulateOptions {
  untilMin: number;
  stepMin: number;
  /** First sample time; default 0. */
  startMin?: number;
  /** Cp is always produced. Ce defaults to on; occupancy to off. */
  outputs?: { ce?: boolean; occupancy?: boolean };
  /** Which concentration drives the occupancy estimate; default the effect site (the brain proxy). */
  occupancyFrom?: 'ce' | 'cp';
  occupancy?: Partial<OccupancyParameters>;
  forceMatrixExponential?: boolean;
}

export interface SimulationResult {
  tMin: Float64Array;
  cpNgMl: Float64Array;
  ceNgMl: Float64Array | null;
  occupancy: Float64Array | null;
  model: {
    id: string;
    name: string;
    analyte: string;
    population: 'adult' | 'pediatric';
    ke0PerMin: number;
    ke0Source: string;
    method: 'modal' | 'matrix-exponential';
    caveats: readonly ModelCaveat[];
  };
  occupancyModel: (OccupancyParameters & { label: string; from: 'ce' | 'cp' }) | null;
  /** Population/validity warnings for this patient (e.g. a paediatric model used for an adult). */
  warnings: string[];
}

/** Grid size for [start, until] inclusive of `until` when it falls on the grid despite rounding. */
export function gridCount(startMin: number, untilMin: number, stepMin: number): number {
  if (!(stepMin > 0) || !Number.isFinite(stepMin)) throw new Error('stepMin must be a positive number');
  if (!(untilMin >= startMin)) throw new Error('untilMin must not be before startMin');
  return Math.floor((untilMin - startMin) / stepMin + 1e-9) + 1;
}

export function simulateCompiled(
  compiled: CompiledModel,
  plan: PkPlan,
  options: SimulateOptions,
): SimulationResult {
  const startMin = options.startMin ?? 0;
  const grid: SampleGrid = {
    startMin,
    stepMin: options.stepMin,
    count: gridCount(startMin, options.untilMin, options.stepMin),
  };
  const wantOcc = options.outputs?.occupancy ?? false;
  const occFrom = options.occupancyFrom ?? 'ce';
  const wantCe = (options.outputs?.ce ?? true) || (wantOcc && occFrom === 'ce');
  const cp = new Float64Array(grid.count);
  const ce = wantCe ? new Float64Array(grid.count) : null;
  simulateInto(compiled, buildSchedule(plan), grid, ce ? { cp, ce } : { cp });

  const tMin = new Float64Array(grid.count);
  for (let i = 0; i < grid.count; i++) tMin[i] = startMin + i * options.stepMin;

  let occupancy: Float64Array | null = null;
  let occupancyModel: SimulationResult['occupancyModel'] = null;
  if (wantOcc) {
    const params = { ...defaultOccupancyParameters(compiled.model.analyte), ...options.occupancy };
    occupancy = occupancyCurve(occFrom === 'ce' && ce ? ce : cp, params);
    occupancyModel = { ...params, label: OCCUPANCY_LABEL, from: occFrom };
  }
  const m = compiled.model;
  return {
    tMin,
    cpNgMl: cp,
    ceNgMl: options.outputs?.ce === false ? null : ce,
    occupancy,
    model: {
      id: m.id,
      name: m.name,
      analyte: m.analyte,
      population: m.population,
      ke0PerMin: compiled.ke0,
      ke0Source: compiled.ke0Source,
      method: compiled.method,
      caveats: m.caveats,
    },
    occupancyModel,
    warnings: compiled.warnings,
  };
}

export function simulate(plan: PkPlan, options: SimulateOptions): SimulationResult {
  const compileOptions: { ke0PerMin?: number; forceMatrixExponential?: boolean } = {};
  if (plan.ke0PerMin !== undefined) compileOptions.ke0PerMin = plan.ke0PerMin;
  if (options.forceMatrixExponential) compileOptions.forceMatrixExponential = true;
  const compiled = compileModel(plan.model, plan.patient, compileOptions);
  return simulateCompiled(compiled, plan, options);
}
