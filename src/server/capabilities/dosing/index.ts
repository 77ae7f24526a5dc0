/** Protocols (library and clinic versions), body measurements and dose orders with verification. */
import type { AnyRoute } from '../../shared/http/define-route.js';
import { bodyMeasurementRoutes } from './body-measurements.routes.js';
import { doseRoutes } from './doses.routes.js';
import { protocolRoutes } from './protocols.routes.js';

export const dosingRoutes: AnyRoute[] = [...protocolRoutes, ...bodyMeasurementRoutes, ...doseRoutes];
/** For the infusion session: record today's weight and height in its own transaction. */
export { storeBodyMeasurement, type NewBodyMeasurement } from './body-measurements.service.js';
/** For the demo seeder: doses of a synthetic course are previewed, ordered and verified as staff do. */
export { orderDose, previewDose } from './doses.service.js';
export { changeDoseStatus } from './dose-status.service.js';
