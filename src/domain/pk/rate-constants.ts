/**
 * Turns a model's parameter table into V1 and rate constants for one body weight. Both parameterisations
 * in the literature (V1 + k's, or volumes + clearances) end up in the same form, so the engine has one input.
 */
import type { ModelParameter, ParameterName, PkModelData, RateConstants } from './model-types';

function scaled(p: ModelParameter, weightKg: number): number {
  const factor = p.weightExponent === 0 ? 1 : Math.pow(weightKg / p.referenceWeightKg, p.weightExponent);
  const value = p.value * factor;
  // Clearances are tabulated in L/h by several sources; the engine works in minutes throughout.
  return p.unit === 'L/h' ? value / 60 : value;
}

function lookup(model: PkModelData, weightKg: number): Map<ParameterName, number> {
  const values = new Map<ParameterName, number>();
  for (const p of model.parameters) values.set(p.name, scaled(p, weightKg));
  return values;
}

function required(values: Map<ParameterName, number>, name: ParameterName, modelId: string): number {
  const v = values.get(name);
  if (v === undefined || !Number.isFinite(v) || v < 0) {
    throw new Error(`model ${modelId}: parameter ${name} is missing or invalid`);
  }
  return v;
}

export function resolveRateConstants(model: PkModelData, weightKg: number): RateConstants {
  if (!(weightKg > 0) || !Number.isFinite(weightKg)) throw new Error('weightKg must be a positive number');
  const values = lookup(model, weightKg);
  const v1L = required(values, 'V1', model.id);
  if (!(v1L > 0)) throw new Error(`model ${model.id}: V1 must be positive`);
  const peripheralCount = model.compartments - 1;
  const peripheral: { k1j: number; kj1: number }[] = [];
  let k10: number;
  if (model.parameterization === 'rate-constants') {
    k10 = required(values, 'k10', model.id);
    const names: [ParameterName, ParameterName][] = [
      ['k12', 'k21'],
      ['k13', 'k31'],
    ];
    for (let j = 0; j < peripheralCount; j++) {
      const [out, back] = names[j]!;
      peripheral.push({ k1j: required(values, out, model.id), kj1: required(values, back, model.id) });
    }
  } else {
    k10 = required(values, 'CL', model.id) / v1L;
    const names: [ParameterName, ParameterName][] = [
      ['Q2', 'V2'],
      ['Q3', 'V3'],
    ];
    for (let j = 0; j < peripheralCount; j++) {
      const [q, v] = names[j]!;
      const qv = required(values, q, model.id);
      const vv = required(values, v, model.id);
      if (!(vv > 0)) throw new Error(`model ${model.id}: ${v} must be positive`);
      peripheral.push({ k1j: qv / v1L, kj1: qv / vv });
    }
  }
  if (!(k10 > 0)) throw new Error(`model ${model.id}: elimination rate must be positive`);
  // A peripheral compartment with no exchange contributes nothing; dropping it keeps the eigenvalues
  // distinct (STANPUMP likewise switches to its 2-compartment branch when k13 = k31 = 0).
  return { v1L, k10, peripheral: peripheral.filter((p) => p.k1j > 0 && p.kj1 > 0) };
}

/** Volumes and clearances derived from rate constants, for display and transcription checks. */
export function derivedVolumesAndClearances(rc: RateConstants): {
  volumesL: number[];
  clearanceLPerMin: number;
  intercompartmentalLPerMin: number[];
} {
  return {
    volumesL: [rc.v1L, ...rc.peripheral.map((p) => (rc.v1L * p.k1j) / p.kj1)],
    clearanceLPerMin: rc.k10 * rc.v1L,
    intercompartmentalLPerMin: rc.peripheral.map((p) => p.k1j * rc.v1L),
  };
}
