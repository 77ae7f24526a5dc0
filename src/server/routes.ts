import { auditRoutes } from './capabilities/audit/index.js';
import { authRoutes } from './capabilities/auth/index.js';
import { clinicRoutes, setupRoutes } from './capabilities/clinic/index.js';
import { dosingRoutes } from './capabilities/dosing/index.js';
import { measurementRoutes } from './capabilities/measurement/index.js';
import { outboxRoutes } from './capabilities/outbox/index.js';
import { consentRoutes } from './capabilities/consent/index.js';
import { intakeRoutes } from './capabilities/intake/index.js';
import { ledgerRoutes } from './capabilities/ledger/index.js';
import { patientFormRoutes } from './capabilities/patient-forms/index.js';
import { patientRoutes } from './capabilities/patients/index.js';
import { remsFormRoutes } from './capabilities/rems-forms/index.js';
import { remsRoutes } from './capabilities/rems/index.js';
import { schedulingRoutes } from './capabilities/scheduling/index.js';
import { sessionRoutes } from './capabilities/session/index.js';
import { enquiryRoutes } from './capabilities/site/index.js';
import { userRoutes } from './capabilities/users/index.js';
import type { AnyRoute } from './shared/http/define-route.js';

/**
 * Every API route, capability by capability; the OpenAPI document and the authorisation walk test
 * read this list. A new capability adds its list here and nowhere else.
 */
export const allRoutes: AnyRoute[] = [
  ...setupRoutes,
  ...authRoutes,
  ...patientRoutes,
  ...userRoutes,
  ...auditRoutes,
  ...clinicRoutes,
  ...dosingRoutes,
  ...enquiryRoutes,
  ...measurementRoutes,
  ...outboxRoutes,
  ...schedulingRoutes,
  ...intakeRoutes,
  ...consentRoutes,
  ...patientFormRoutes,
  ...sessionRoutes,
  ...remsRoutes,
  ...remsFormRoutes,
  ...ledgerRoutes,
];
