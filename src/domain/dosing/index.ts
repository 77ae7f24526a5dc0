export * from './body-weight';
export * from './compute-dose';
export * from './dosing-settings';
export * from './pk-segments';
export * from './recompute';
export * from './rounding';
export * from './units';
