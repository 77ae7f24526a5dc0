/**
 * Public API of intake, medication lists, contraindication screening, eligibility decisions and
 * pre-infusion readiness. Pure rules: no I/O; the server stores what these return.
 */
export * from './benzodiazepine-equivalents.js';
export * from './eligibility.js';
export * from './evaluate-screening.js';
export * from './intake-form.js';
export { productLabels, products } from './intake-types.js';
export type { EvidenceTag, Problem, Product, Result, SourceRef } from './intake-types.js';
export * from './medications.js';
export * from './readiness.js';
export * from './screening-rules.js';
export * from './screening-types.js';
