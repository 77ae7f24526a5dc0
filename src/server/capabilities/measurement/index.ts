/** Measurement-based care: assessments, schedules, safety alerts and the patient's self-report pages. */
import type { AnyRoute } from '../../shared/http/define-route.js';
import { assessmentRoutes } from './measurement.routes.js';
import { selfReportRoutes } from './self-report.routes.js';

export const measurementRoutes: AnyRoute[] = [...assessmentRoutes, ...selfReportRoutes];
export { storeScoredResponse, type StoredResponse } from './store-response.js';
/** For the demo seeder: a synthetic course goes through the same use cases as staff entries. */
export { recordResponse } from './assessments.service.js';
export { addAnchor, createPlan, followAppointment } from './schedule.service.js';
/** For the pre-treatment screening rules (intake capability). */
export { latestPhq9Item9 } from './measurement.queries.js';
