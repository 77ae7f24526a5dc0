/** The treatment session: check-in, the chart (entries), the chair board with live updates, the note. */
export { sessionRoutes } from './session.routes.js';
export { sessionEventHub } from './session-events.js';
/** For the REMS monitoring form: a session's chart and facts as the session rules read them. */
export { loadSessionFacts } from './session-facts.js';
export type { SessionFacts } from './session-view.js';
export { findSession } from './session.queries.js';
