import { roleLabels, type StaffRole } from '../auth/index.js';
import { MIN_REASON_LENGTH } from '../dosing/index.js';
import { sessionKindProfile } from './session-kinds.js';
import type { Problem, SessionKind } from './session-types.js';

/**
 * The life of a treatment session, as a table: checked in → checklist done → infusing ⇄ paused →
 * recovery → discharged, ended early or transferred out → note signed. Co-signing and amending a signed
 * note keep it signed (an amendment adds to the record; the original stays). The table says which action
 * leads where; the guards say what must hold for it: a complete checklist before the start, the discharge
 * gate before discharge, and a physician with a reason to end a session any other way.
 */

export const SESSION_STATES = [
  'checked_in',
  'checklist_done',
  'infusing',
  'paused',
  'recovery',
  'discharged',
  'ended_early',
  'transferred_out',
  'note_signed',
] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const SESSION_ACTIONS = [
  'check_in',
  'complete_checklist',
  'start',
  'pause',
  'resume',
  'change_rate',
  'stop',
  'discharge',
  'end_early',
  'transfer_out',
  'sign_note',
  'cosign_note',
  'amend_note',
] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

/** Where a session can end other than by discharge, and only on a physician's word. */
const OPEN_STATES = ['checked_in', 'checklist_done', 'infusing', 'paused', 'recovery'] as const;
const endOtherwise = (to: SessionState) =>
  Object.fromEntries(OPEN_STATES.map((s) => [s, to])) as Partial<Record<SessionState, SessionState>>;

/** For each action: the state it leads to from each state it is allowed in. */
export const SESSION_TRANSITIONS: Readonly<
  Record<SessionAction, Readonly<Partial<Record<SessionState, SessionState>>>>
> = {
  // check_in creates the session; it is never allowed on one that exists.
  check_in: {},
  complete_checklist: { checked_in: 'checklist_done' },
  start: { checklist_done: 'infusing' },
  pause: { infusing: 'paused' },
  resume: { paused: 'infusing' },
  // A paused pump may be reprogrammed; the new rate runs from the resume.
  change_rate: { infusing: 'infusing', paused: 'paused' },
  stop: { infusing: 'recovery', paused: 'recovery' },
  discharge: { recovery: 'discharged' },
  end_early: endOtherwise('ended_early'),
  transfer_out: endOtherwise('transferred_out'),
  sign_note: { discharged: 'note_signed', ended_early: 'note_signed', transferred_out: 'note_signed' },
  cosign_note: { note_signed: 'note_signed' },
  amend_note: { note_signed: 'note_signed' },
};

const CLINICAL: readonly StaffRole[] = ['nurse', 'physician'];
const PHYSICIAN: readonly StaffRole[] = ['physician'];

/** Who may take each action. Check-in is also the front desk's; ending otherwise is a physician's. */
export const ACTION_ROLES: Readonly<Record<SessionAction, readonly StaffRole[]>> = {
  check_in: ['nurse', 'physician', 'front_desk'],
  complete_checklist: CLINICAL,
  start: CLINICAL,
  pause: CLINICAL,
  resume: CLINICAL,
  change_rate: CLINICAL,
  stop: CLINICAL,
  discharge: CLINICAL,
  end_early: PHYSICIAN,
  transfer_out: PHYSICIAN,
  sign_note: CLINICAL,
  cosign_note: PHYSICIAN,
  amend_note: CLINICAL,
};

/** Each action as a verb phrase, for refusals such as "cannot discharge a session that is infusing". */
const ACTION_WORDS: Readonly<Record<SessionAction, string>> = {
  check_in: 'check in',
  complete_checklist: 'complete the checklist of',
  start: 'start',
  pause: 'pause',
  resume: 'resume',
  change_rate: 'change the rate of',
  stop: 'stop',
  discharge: 'discharge',
  end_early: 'end early',
  transfer_out: 'transfer out',
  sign_note: 'sign the note of',
  cosign_note: 'co-sign the note of',
  amend_note: 'amend the note of',
};

const STATE_WORDS: Readonly<Record<SessionState, string>> = {
  checked_in: 'checked in',
  checklist_done: 'ready to start',
  infusing: 'infusing',
  paused: 'paused',
  recovery: 'in recovery',
  discharged: 'discharged',
  ended_early: 'ended early',
  transferred_out: 'transferred out',
  note_signed: 'signed',
};

const PUMP_ACTIONS: readonly SessionAction[] = ['pause', 'resume', 'change_rate'];
const REASON_ACTIONS: readonly SessionAction[] = ['end_early', 'transfer_out', 'amend_note'];

/** What the guards read. Only the fields an action needs are looked at. */
export interface ActionContext {
  kind: SessionKind;
  actor: { role: StaffRole };
  /** From evaluateChecklist: every item done, and the blood-pressure gate clear or decided "proceed". */
  checklist?: { complete: boolean; bpGate: 'clear' | 'proceed' | 'pending' | 'deferred' };
  /** From evaluateDischargeGate at the moment of the discharge action. */
  dischargeGate?: { met: boolean };
  reason?: string;
}

export type ActionResult = { ok: true; state: SessionState } | { ok: false; problems: Problem[] };

const refuse = (field: string, message: string): ActionResult => ({
  ok: false,
  problems: [{ field, message }],
});

function guardProblems(action: SessionAction, context: ActionContext): Problem[] {
  const problems: Problem[] = [];
  if (action === 'complete_checklist' || action === 'start') {
    const c = context.checklist;
    if (!c?.complete) problems.push({ field: 'checklist', message: 'is not complete' });
    if (c && c.bpGate !== 'clear' && c.bpGate !== 'proceed')
      problems.push({
        field: 'bpGate',
        message:
          c.bpGate === 'deferred'
            ? 'a physician deferred the session for the blood pressure'
            : 'needs a physician’s decision: baseline blood pressure is above the clinic’s threshold',
      });
  }
  if (action === 'discharge' && context.dischargeGate?.met !== true)
    problems.push({ field: 'dischargeGate', message: 'discharge criteria are not all met' });
  if (REASON_ACTIONS.includes(action) && (context.reason ?? '').trim().length < MIN_REASON_LENGTH)
    problems.push({ field: 'reason', message: `is required (at least ${MIN_REASON_LENGTH} characters)` });
  return problems;
}

/** The state after `action`, or the problems that refuse it (wrong state, role, kind or guard). */
export function applyAction(
  state: SessionState,
  action: SessionAction,
  context: ActionContext,
): ActionResult {
  if (!SESSION_STATES.includes(state)) return refuse('state', 'is not a session state');
  if (!SESSION_ACTIONS.includes(action)) return refuse('action', 'is not a session action');
  const next = SESSION_TRANSITIONS[action][state];
  if (next === undefined)
    return refuse('action', `cannot ${ACTION_WORDS[action]} a session that is ${STATE_WORDS[state]}`);
  if (!sessionKindProfile(context.kind).hasPump && PUMP_ACTIONS.includes(action))
    return refuse(
      'action',
      `${sessionKindProfile(context.kind).label} sessions have no pump to pause, resume or change`,
    );
  if (!ACTION_ROLES[action].includes(context.actor.role))
    return refuse('actor', `${roleLabels[context.actor.role]} cannot ${ACTION_WORDS[action]} a session`);
  const problems = guardProblems(action, context);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, state: next };
}

/** The actions the table allows from a state for a session kind (guards and roles aside), for the UI. */
export function actionsFrom(state: SessionState, kind: SessionKind): SessionAction[] {
  const hasPump = sessionKindProfile(kind).hasPump;
  return SESSION_ACTIONS.filter(
    (a) => SESSION_TRANSITIONS[a][state] !== undefined && (hasPump || !PUMP_ACTIONS.includes(a)),
  );
}

/** States a session cannot leave except to a signed note. */
export function isFinished(state: SessionState): boolean {
  return (
    state === 'discharged' ||
    state === 'ended_early' ||
    state === 'transferred_out' ||
    state === 'note_signed'
  );
}
