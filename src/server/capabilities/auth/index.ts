/** Sign-in, second factor, enrolment, recovery codes and sessions: the routes other code may mount. */
export { authRoutes } from './auth.routes.js';
