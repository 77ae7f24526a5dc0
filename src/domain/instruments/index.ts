/** Public API of the instrument library (definitions, scoring, FHIR views). */
export * from './types.js';
export {
  listInstruments,
  getInstrument,
  isInstrumentId,
  INSTRUMENT_IDS,
  type InstrumentSummary,
} from './registry.js';
export { scoreResponse, compileScorer } from './score.js';
export {
  MISSING,
  parseAnswerText,
  resolveSettings,
  describeCondition,
  describeExpression,
  type CompiledInstrument,
  type Evaluation,
} from './engine.js';
export {
  toFhirQuestionnaire,
  toFhirObservation,
  ARBOR_CODE_SYSTEM,
  type FhirQuestionnaire,
  type FhirObservation,
  type ObservationContext,
} from './fhir.js';
export { createCsvScorer, type CsvScorer, type CsvScorerOptions } from './csv.js';
