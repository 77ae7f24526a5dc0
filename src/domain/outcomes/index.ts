/** Public API of the outcome calculations (baseline, change, response, remission, optional relapse). */
export * from './outcomes';
export * from './outcome-rules';
