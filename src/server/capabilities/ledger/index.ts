/** The controlled-substance ledger: registrations, products, receipts, movements, counts, reports. */
export { ledgerRoutes } from './ledger.routes.js';
/** For `bin/arbor ledger verify`: the chain, the rules and the stored balances checked from the events. */
export { verifyLedger, type LedgerVerdict } from './ledger-verify.js';
/** For the server's reminder tick: the day's ledger duties to the people accountable for them. */
export { sendLedgerReminders } from './ledger-duties.service.js';
/** For the session's note: the session's administrations in the ledger, so the chart and the ledger agree. */
export { sessionLedgerFacts } from './ledger.queries.js';
