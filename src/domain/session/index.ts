/**
 * Public API of the treatment session: its state machine, the pre-treatment checklist and blood-pressure
 * gate, vital signs (quick entry, plausibility, alerts), the vitals and scales cadence, the amount of drug
 * given, adverse events and rescue medicines, the discharge gate and the drafted note. Pure rules: instants
 * are epoch milliseconds passed in by the caller. The session kind ('iv_ketamine' | 'esketamine') selects
 * the checklist, the monitoring plan and the discharge criteria (session-kinds.ts).
 */
export * from './session-types.js';
export * from './session-kinds.js';
export * from './session-state.js';
export * from './checklist.js';
export * from './vitals.js';
export * from './cadence.js';
export * from './amount-given.js';
export * from './adverse-events.js';
export * from './discharge-gate.js';
export * from './note-draft.js';
