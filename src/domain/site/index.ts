/** Public API of the public website's rules: page content, consultation requests and the self-check. */
export * from './content.js';
export * from './enquiry.js';
export * from './self-check.js';
export * from './self-check-instruments.js';
export * from './self-check-scores.js';
