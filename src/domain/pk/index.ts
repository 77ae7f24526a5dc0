/** Public surface of the pharmacokinetic simulator; pages, the API and the CLI import from here. */
export { simulate, simulateCompiled, gridCount } from './simulate';
export type { SimulateOptions, SimulationResult } from './simulate';
export { simulateInto } from './engine';
export type { SampleGrid, OutputBuffers } from './engine';
export { compileModel, COINCIDENCE_GAP } from './compile-model';
export type { CompiledModel, CompileOptions } from './compile-model';
export { buildSchedule } from './schedule';
export type { PkSchedule } from './schedule';
export { parsePlan, formatPlanError } from './parse-plan';
export type { ParsePlanResult, PlanError } from './parse-plan';
export { bolusMg, infusionMgPerMin, totalPlanMg } from './plan';
export type { PkPlan, PkDose, BolusDose, InfusionDose, PkPatient, PatientSex } from './plan';
export { PK_MODELS, DEFAULT_MODEL_ID, findModel, listModelIds } from './models';
export type * from './model-types';
export { dispositionModes, effectModes, eigenvalues } from './modal';
export type { Modes } from './modal';
export { timeToPeakEffect, ke0ForTimeToPeak, resolveKe0, describeKe0Rule } from './ke0';
export { resolveRateConstants, derivedVolumesAndClearances } from './rate-constants';
export {
  nmdaOccupancy,
  occupancyCurve,
  defaultOccupancyParameters,
  OCCUPANCY_LABEL,
  RACEMIC_KETAMINE_OCCUPANCY,
  S_KETAMINE_OCCUPANCY,
} from './occupancy';
export type { OccupancyParameters } from './occupancy';
