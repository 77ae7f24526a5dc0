/**
 * Public API of the controlled-substance ledger (ketamine and esketamine, Schedule III): exact quantities,
 * the product catalogue and NDCs, the append-only events and their rules, derived balances, the hash
 * chain, counts, theft and significant loss (factors, deadlines, Form 106 data, small-loss patterns),
 * inventories, the administration log, the receipts and disposals reports and their one CSV writer.
 * Pure rules: instants are epoch milliseconds and dates are clinic-local `YYYY-MM-DD`, both passed in;
 * hashing is a function passed in.
 */
export * from './ledger-types.js';
export * from './ledger-settings.js';
export * from './quantities.js';
export * from './products.js';
export * from './events.js';
export * from './balances.js';
export * from './hash-chain.js';
export * from './counts.js';
export * from './significant-loss.js';
export * from './inventory.js';
export * from './administration-log.js';
export * from './federal-holidays.js';
export * from './csv.js';
export * from './registrant-reports.js';
export * from './duties.js';
