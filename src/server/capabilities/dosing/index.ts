/** Protocols (library and clinic versions) and dose orders with verification. */
import type { AnyRoute } from '../../http/define-route.js';
import { doseRoutes } from './doses.routes.js';
import { protocolRoutes } from './protocols.routes.js';

export const dosingRoutes: AnyRoute[] = [...protocolRoutes, ...doseRoutes];
