/** Public API of clinic-wide settings and clinic-local time (DST-correct, in the clinic's IANA zone). */
export * from './clinic-settings.js';
export * from './clinic-time.js';
export * from './scheduling-settings.js';
export * from './intake-settings.js';
export * from './session-settings.js';
