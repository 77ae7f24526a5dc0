/** The treatment session: check-in, the chart (entries), the chair board with live updates, the note. */
export { sessionRoutes } from './session.routes.js';
export { sessionEventHub } from './session-events.js';
