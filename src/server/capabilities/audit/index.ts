/** The audit report: who read or changed what, filtered and exported. The writer itself is shared. */
export { auditRoutes } from './audit.routes.js';
