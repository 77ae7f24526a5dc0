/** Public API of clinic-wide settings: the stored settings schema and how to read it with defaults. */
export * from './clinic-settings.js';
