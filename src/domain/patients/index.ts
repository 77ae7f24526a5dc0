/** Public API of patient rules: record fields, care status, conditions, MRNs and synthetic patients. */
export * from './age.js';
export * from './care-status.js';
export * from './conditions.js';
export * from './medical-record-number.js';
export * from './patient-field-groups.js';
export * from './patient-fields.js';
export * from './synthetic-patients.js';
export * from './synthetic-courses.js';
