import type { AnyRoute } from '../http/define-route.js';
import { assessmentRoutes } from './assessments.route.js';
import { auditRoutes } from './audit.route.js';
import { authRoutes } from './auth.route.js';
import { clinicRoutes } from './clinic.route.js';
import { doseRoutes } from './doses.route.js';
import { enquiryRoutes } from './enquiries.route.js';
import { patientRoutes } from './patients.route.js';
import { protocolRoutes } from './protocols.route.js';
import { selfReportRoutes } from './self-report.route.js';
import { setupRoutes } from './setup.route.js';
import { userRoutes } from './users.route.js';

/** Every API route; the OpenAPI document and the authorisation walk test read this list. */
export const allRoutes: AnyRoute[] = [
  ...setupRoutes,
  ...authRoutes,
  ...patientRoutes,
  ...userRoutes,
  ...auditRoutes,
  ...clinicRoutes,
  ...protocolRoutes,
  ...doseRoutes,
  ...enquiryRoutes,
  ...assessmentRoutes,
  ...selfReportRoutes,
];
