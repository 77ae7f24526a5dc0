/** Public API of the instrument library (definitions, scoring, FHIR views). */
export * from './types';
export {
  listInstruments,
  getInstrument,
  isInstrumentId,
  INSTRUMENT_IDS,
  type InstrumentSummary,
} from './registry';
export { scoreResponse, compileScorer } from './score';
export {
  MISSING,
  parseAnswerText,
  resolveSettings,
  describeCondition,
  describeExpression,
  type CompiledInstrument,
  type Evaluation,
} from './engine';
export {
  toFhirQuestionnaire,
  toFhirObservation,
  ARBOR_CODE_SYSTEM,
  type FhirQuestionnaire,
  type FhirObservation,
  type ObservationContext,
} from './fhir';
export { cite } from './definitions/common';
