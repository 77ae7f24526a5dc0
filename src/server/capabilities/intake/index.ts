/** Intake, medications, contraindication screening, eligibility decisions and pre-infusion readiness. */
export { intakeRoutes } from './intake.routes.js';
export { readinessFor } from './screening.service.js';
