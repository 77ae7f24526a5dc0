/** Streaming CSV scoring for the CLI and bulk imports (not loaded by the browser apps). */
export { createCsvScorer, type CsvScorer, type CsvScorerOptions } from './csv-scorer';
