/** Public API of measurement-based care logic: plan rules, due items, trajectories, safety rules. */
export * from './plan-rules';
export * from './due';
export * from './trajectory';
export * from './safety';
export * from './measurement-settings';
export * from './measurement-setting-sources';
