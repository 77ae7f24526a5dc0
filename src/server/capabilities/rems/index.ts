/** The SPRAVATO REMS status: the setting's certification and each patient's enrolment. */
export { remsRoutes } from './rems.routes.js';
export { remsStatusFor, type RemsStatus } from './rems.service.js';
