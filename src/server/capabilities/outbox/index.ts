/** The outbox page: queued, sent and failed email and SMS, and retrying a failed one. */
export { outboxRoutes } from './outbox.routes.js';
