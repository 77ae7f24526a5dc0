/**
 * Prepares a model for one patient: rate constants at the patient's weight, plasma and effect modes, the
 * ke0 actually used with its provenance, the method (modal or matrix exponential) and population warnings.
 * Done once per plan; every simulation of that plan reuses it.
 */
import { describeKe0Rule, resolveKe0 } from './ke0';
import { dispositionModes, effectModes, minRelativeGap, type Modes } from './modal';
import type { ModelCaveat, PkModelData, RateConstants } from './model-types';
import { findModel } from './models';
import type { PkPatient } from './plan';
import { resolveRateConstants } from './rate-constants';

/** Below this relative separation of decay rates the modal coefficients lose more than ~1e-10 accuracy. */
export const COINCIDENCE_GAP = 1e-6;

export interface CompiledModel {
  model: PkModelData;
  weightKg: number;
  rateConstants: RateConstants;
  plasma: Modes;
  /** Effect-site modes; meaningless (and unused) when method is 'matrix-exponential'. */
  effect: Modes;
  ke0: number;
  ke0Source: string;
  /** 'modal' normally; 'matrix-exponential' when decay rates (or ke0 and a decay rate) coincide. */
  method: 'modal' | 'matrix-exponential';
  warnings: string[];
  caveats: readonly ModelCaveat[];
}

export interface CompileOptions {
  ke0PerMin?: number;
  /** Testing and cross-checking: use the dense matrix exponential even when the modes are distinct. */
  forceMatrixExponential?: boolean;
}

/**
 * ke0 values solved from a time to peak, keyed by model, weight and rule. Solving takes ~0.1 ms of
 * nested bisection; a page re-plotting on every keystroke asks for the same patient again and again.
 */
const solvedKe0 = new Map<string, number>();
const SOLVED_KE0_LIMIT = 64;

function cachedKe0(model: PkModelData, plasma: Modes, weightKg: number): number {
  if (model.ke0.kind !== 'time-to-peak') return resolveKe0(model.ke0, plasma, weightKg);
  const key = `${model.id}|${weightKg}|${model.ke0.tPeakMin}|${plasma.lambda.join(',')}`;
  let ke0 = solvedKe0.get(key);
  if (ke0 === undefined) {
    ke0 = resolveKe0(model.ke0, plasma, weightKg);
    if (solvedKe0.size >= SOLVED_KE0_LIMIT) solvedKe0.clear();
    solvedKe0.set(key, ke0);
  }
  return ke0;
}

function populationWarnings(model: PkModelData, patient: PkPatient): string[] {
  const warnings: string[] = [];
  const age = patient.ageYears;
  if (model.population === 'pediatric') {
    if (age === undefined) {
      warnings.push(`${model.name} is a paediatric model and the patient's age is not given.`);
    } else if (age >= 18) {
      warnings.push(`${model.name} is a paediatric model; the patient is an adult (${age} years).`);
    }
  } else if (age !== undefined && age < 18) {
    warnings.push(`${model.name} was derived in adults; the patient is ${age} years old.`);
  }
  const v = model.validity;
  if (v?.ageYears && age !== undefined && (age < v.ageYears[0] || age > v.ageYears[1])) {
    warnings.push(`${model.name} is stated valid for ${v.ageYears[0]}–${v.ageYears[1]} years.`);
  }
  if (v?.weightKg && (patient.weightKg < v.weightKg[0] || patient.weightKg > v.weightKg[1])) {
    warnings.push(`${model.name} is stated valid for ${v.weightKg[0]}–${v.weightKg[1]} kg.`);
  }
  return warnings;
}

export function compileModel(
  modelOrId: PkModelData | string,
  patient: PkPatient,
  options: CompileOptions = {},
): CompiledModel {
  const model = typeof modelOrId === 'string' ? findModel(modelOrId) : modelOrId;
  if (model === undefined) throw new Error(`unknown model ${String(modelOrId)}`);
  const rateConstants = resolveRateConstants(model, patient.weightKg);
  const plasma = dispositionModes(rateConstants);
  let ke0: number;
  let ke0Source: string;
  if (options.ke0PerMin !== undefined) {
    ke0 = options.ke0PerMin;
    ke0Source = `ke0 ${ke0} min⁻¹ set for this plan (overrides: ${describeKe0Rule(model.ke0)})`;
  } else {
    ke0 = cachedKe0(model, plasma, patient.weightKg);
    ke0Source = describeKe0Rule(model.ke0);
  }
  if (!(ke0 > 0) || !Number.isFinite(ke0)) throw new Error(`ke0 must be positive (got ${ke0})`);
  const allRates = [...plasma.lambda, ke0];
  const coincident = minRelativeGap(allRates) < COINCIDENCE_GAP;
  const method = coincident || options.forceMatrixExponential ? 'matrix-exponential' : 'modal';
  return {
    model,
    weightKg: patient.weightKg,
    rateConstants,
    plasma,
    effect: effectModes(plasma, ke0),
    ke0,
    ke0Source,
    method,
    warnings: populationWarnings(model, patient),
    caveats: model.caveats,
  };
}
