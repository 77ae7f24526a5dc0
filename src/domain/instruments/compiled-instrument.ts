/** The compiled form of a definition that engine.ts builds and the API and CSV paths score with. */
import type { InstrumentDefinition, ResolvedSetting, ScoreError, ScoreResult } from './types';

/** Marks an unanswered item. Far below any threshold, so "at least" comparisons are false without a branch. */
export const MISSING = -2147483648;

export interface Evaluation {
  /** NaN when the instrument has no total. */
  total: number;
  /** In the order of compiled.subscaleIds; NaN when not computable. */
  subscores: Float64Array;
  /** Index into compiled.severityIds, or -1. */
  severity: number;
  /** Bit i set when compiled.flagIds[i] is raised. */
  flagMask: number;
}

export type Values = ArrayLike<number>;
export type ScoreFn = (v: Values) => number;
export type CondFn = (v: Values, scores: Float64Array) => boolean;

export interface CompiledInstrument {
  readonly def: InstrumentDefinition;
  readonly settings: Readonly<Record<string, ResolvedSetting>>;
  readonly itemIds: readonly string[];
  readonly itemIndex: ReadonlyMap<string, number>;
  readonly subscaleIds: readonly string[];
  readonly severityIds: readonly string[];
  readonly flagIds: readonly string[];
  /** Validates; pushes messages into `errors` when given, otherwise stops at the first problem. */
  check(values: Values, errors?: ScoreError[]): boolean;
  /** Scores values that passed check(); writes into `out` so hot loops allocate nothing. */
  evaluate(values: Values, out: Evaluation): void;
  newEvaluation(): Evaluation;
  /** Full result with formulas, inputs and rule texts. Values must have passed check(). */
  result(values: Values): ScoreResult;
}
