/** The clinic itself: first-run setup, creating a clinic with its administrator, and clinic settings. */
export { clinicRoutes } from './clinic.routes.js';
export { setupRoutes } from './setup.routes.js';
export { createClinicWithAdmin, issueSetupCode } from './setup.service.js';
