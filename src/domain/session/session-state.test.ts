import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../auth/index.js';
import {
  actionsFrom,
  applyAction,
  isFinished,
  SESSION_ACTIONS,
  SESSION_STATES,
  type ActionContext,
  type SessionAction,
  type SessionState,
} from './session-state.js';

const nurse: ActionContext = {
  kind: 'iv_ketamine',
  actor: { role: 'nurse' },
  checklist: { complete: true, bpGate: 'clear' },
  dischargeGate: { met: true },
};
const physician: ActionContext = { ...nurse, actor: { role: 'physician' }, reason: 'hypertensive urgency' };

function run(
  steps: readonly [SessionAction, ActionContext][],
  from: SessionState = 'checked_in',
): SessionState {
  return steps.reduce((state, [action, ctx]) => {
    const r = applyAction(state, action, ctx);
    if (!r.ok) throw new Error(`${action} from ${state}: ${JSON.stringify(r.problems)}`);
    return r.state;
  }, from);
}

describe('the session state machine', () => {
  it('walks the whole IV path to a signed, co-signed and amended note', () => {
    const end = run([
      ['complete_checklist', nurse],
      ['start', nurse],
      ['pause', nurse],
      ['change_rate', nurse],
      ['resume', nurse],
      ['change_rate', nurse],
      ['stop', nurse],
      ['discharge', nurse],
      ['sign_note', nurse],
      ['cosign_note', physician],
      ['amend_note', { ...nurse, reason: 'wrong time on the second reading' }],
    ]);
    expect(end).toBe('note_signed');
  });

  it.each([
    ['checked_in', 'start'],
    ['checklist_done', 'stop'],
    ['infusing', 'discharge'],
    ['recovery', 'pause'],
    ['discharged', 'start'],
    ['note_signed', 'discharge'],
    ['checked_in', 'check_in'],
  ] as const)('refuses %s → %s by the table, naming the action', (state, action) => {
    const r = applyAction(state, action, physician);
    expect(r).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'action' })] });
  });

  it('refuses discharge when the gate does not hold, and allows it when it does', () => {
    const refused = applyAction('recovery', 'discharge', { ...nurse, dischargeGate: { met: false } });
    expect(refused.ok === false && refused.problems.map((p) => p.field)).toEqual(['dischargeGate']);
    expect(applyAction('recovery', 'discharge', { ...nurse, dischargeGate: undefined }).ok).toBe(false);
    expect(applyAction('recovery', 'discharge', nurse)).toEqual({ ok: true, state: 'discharged' });
  });

  it.each([
    [{ complete: false, bpGate: 'clear' }, ['checklist']],
    [{ complete: true, bpGate: 'pending' }, ['bpGate']],
    [{ complete: true, bpGate: 'deferred' }, ['bpGate']],
    [{ complete: true, bpGate: 'proceed' }, []],
  ] as const)('start with checklist %j → problems %j', (checklist, fields) => {
    const r = applyAction('checklist_done', 'start', { ...nurse, checklist });
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual(fields);
  });

  it.each(['end_early', 'transfer_out'] as const)('%s needs a physician and a reason', (action) => {
    expect(applyAction('infusing', action, { ...nurse, reason: 'patient request' }).ok).toBe(false);
    const noReason = applyAction('infusing', action, { ...physician, reason: '  ' });
    expect(noReason.ok === false && noReason.problems[0]!.field).toBe('reason');
    expect(applyAction('infusing', action, physician).ok).toBe(true);
  });

  it('lets only a physician co-sign, and the front desk only check in', () => {
    expect(applyAction('note_signed', 'cosign_note', nurse).ok).toBe(false);
    const frontDesk = { ...nurse, actor: { role: 'front_desk' as StaffRole } };
    const r = applyAction('checklist_done', 'start', frontDesk);
    expect(r.ok === false && r.problems[0]!.field).toBe('actor');
  });

  it('gives an esketamine session no pump actions', () => {
    const esk = { ...nurse, kind: 'esketamine' as const };
    expect(applyAction('infusing', 'pause', esk).ok).toBe(false);
    expect(actionsFrom('infusing', 'esketamine')).toEqual(['stop', 'end_early', 'transfer_out']);
    expect(actionsFrom('infusing', 'iv_ketamine')).toEqual([
      'pause',
      'change_rate',
      'stop',
      'end_early',
      'transfer_out',
    ]);
  });
});

const contextArb = (kind: ActionContext['kind']): fc.Arbitrary<ActionContext> =>
  fc.record({
    kind: fc.constant(kind),
    actor: fc.record({
      role: fc.constantFrom<StaffRole>('nurse', 'physician', 'physician', 'front_desk', 'admin'),
    }),
    checklist: fc.option(
      fc.record({
        complete: fc.boolean(),
        bpGate: fc.constantFrom(
          'clear' as const,
          'proceed' as const,
          'pending' as const,
          'deferred' as const,
        ),
      }),
      { nil: undefined },
    ),
    dischargeGate: fc.option(fc.record({ met: fc.boolean() }), { nil: undefined }),
    reason: fc.option(fc.constantFrom('', 'x', 'patient unwell'), { nil: undefined }),
  });

/**
 * A session kind and a walk of steps. Most steps take an action the table allows from the current state
 * (so walks get deep enough to reach recovery and discharge); some take any action at all.
 */
const walkArb = fc.constantFrom('iv_ketamine' as const, 'esketamine' as const).chain((kind) =>
  fc.record({
    kind: fc.constant(kind),
    steps: fc.array(
      fc.record({
        anyAction: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
        pick: fc.nat(),
        action: fc.constantFrom(...SESSION_ACTIONS),
        ctx: contextArb(kind),
      }),
      { minLength: 20, maxLength: 60 },
    ),
  }),
);

interface Step {
  from: SessionState;
  action: SessionAction;
  ctx: ActionContext;
  to: SessionState | null;
}

/** Replay a walk, returning every step with the state it led to (null when refused). */
type Walk = {
  kind: ActionContext['kind'];
  steps: { anyAction: boolean; pick: number; action: SessionAction; ctx: ActionContext }[];
};

function replay(walk: Walk, start: SessionState = 'checked_in'): Step[] {
  let state = start;
  return walk.steps.map(({ anyAction, pick, action, ctx }) => {
    const allowed = actionsFrom(state, walk.kind);
    const chosen = anyAction || allowed.length === 0 ? action : allowed[pick % allowed.length]!;
    const r = applyAction(state, chosen, ctx);
    const step = { from: state, action: chosen, ctx, to: r.ok ? r.state : null };
    if (r.ok) state = r.state;
    return step;
  });
}

describe('state machine properties', () => {
  it('reaches discharged only by a discharge action whose gate held', () => {
    let discharges = 0;
    fc.assert(
      fc.property(walkArb, (walk) => {
        for (const step of replay(walk)) {
          if (step.to === 'discharged') {
            discharges++;
            expect(step.action).toBe('discharge');
            expect(step.ctx.dischargeGate?.met).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
    // The walks do get there, so the property is not vacuous.
    expect(discharges).toBeGreaterThan(0);
  });

  it('never starts without a complete checklist and a clear or decided blood-pressure gate', () => {
    fc.assert(
      fc.property(walkArb, (walk) => {
        for (const step of replay(walk)) {
          if (step.to !== null && step.action === 'start') {
            expect(step.ctx.checklist?.complete).toBe(true);
            expect(['clear', 'proceed']).toContain(step.ctx.checklist?.bpGate);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every state inside the table and never leaves a signed note', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SESSION_STATES), walkArb, (start, walk) => {
        for (const step of replay(walk, start)) {
          if (step.to === null) continue;
          expect(SESSION_STATES).toContain(step.to);
          if (step.from === 'note_signed') expect(step.to).toBe('note_signed');
        }
      }),
    );
  });
});

describe('refusals say why in words', () => {
  it.each([
    ['infusing', 'discharge', nurse, 'cannot discharge a session that is infusing'],
    ['checked_in', 'start', nurse, 'cannot start a session that is checked in'],
    ['note_signed', 'cosign_note', nurse, 'Nurse cannot co-sign the note of a session'],
    [
      'infusing',
      'pause',
      { ...nurse, kind: 'esketamine' },
      'Esketamine nasal spray sessions have no pump to pause, resume or change',
    ],
    ['bogus', 'start', nurse, 'is not a session state'],
  ] as [SessionState, SessionAction, ActionContext, string][])('%s + %s', (state, action, ctx, message) => {
    const r = applyAction(state, action, ctx);
    expect(!r.ok && r.problems[0]!.message).toBe(message);
  });
});

describe('isFinished', () => {
  it('is true for the end states and the signed note only', () => {
    expect(SESSION_STATES.filter(isFinished)).toEqual([
      'discharged',
      'ended_early',
      'transferred_out',
      'note_signed',
    ]);
  });
});
