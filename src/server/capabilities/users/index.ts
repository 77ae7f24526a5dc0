/** Staff accounts: create, change role, disable, reset MFA. */
export { userRoutes } from './users.routes.js';
