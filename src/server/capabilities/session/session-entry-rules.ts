import { createHash } from 'node:crypto';
import type { SessionEntryBody } from '../../../contracts/session.js';
import type { StaffRole } from '../../../domain/auth/index.js';
import { getInstrument, scoreResponse } from '../../../domain/instruments/index.js';
import { instrumentSettingsFor } from '../../../domain/measurement/index.js';
import {
  applyAction,
  checkDifferenceExplained,
  sessionKindProfile,
  checkVitals,
  parseVitalsLine,
  validateAdverseEvent,
  validateRescue,
  vitalAlerts,
  type Problem,
  type SessionAction,
  type SessionKind,
  type SessionState,
} from '../../../domain/session/index.js';
import { deviceProblems, devicesComplete } from '../../../domain/rems/index.js';
import { ApiError, badRequest, conflict } from '../../shared/api-error.js';
import {
  amountOf,
  dischargeGateOf,
  evaluateSessionChecklist,
  buildSessionView,
  type SessionFacts,
} from './session-view.js';

/**
 * What one chart entry becomes: the payload stored, the state after it and the dose it starts. Each
 * entry type is checked here against the session rules with the facts loaded in the entry's
 * transaction; a problem is a 400 naming the field, a refused step a 409 saying why.
 */

export interface EntryOutcome {
  payload: Record<string, unknown>;
  stateAfter: SessionState;
  doseId?: string;
}

type Body<T extends SessionEntryBody['type']> = Extract<SessionEntryBody, { type: T }>;
interface EntryInput<T extends SessionEntryBody['type']> {
  body: Body<T>;
  facts: SessionFacts;
  role: StaffRole;
  eventAt: number;
}

const fieldsOf = (problems: Problem[], prefix: string) =>
  problems.map((p) => ({ field: `${prefix}${p.field}`, message: p.message }));

const OPEN: readonly SessionState[] = ['checked_in', 'checklist_done', 'infusing', 'paused', 'recovery'];
const BEFORE_START: readonly SessionState[] = ['checked_in', 'checklist_done'];

function requireState(state: SessionState, allowed: readonly SessionState[], what: string) {
  if (!allowed.includes(state))
    throw conflict(`${what} cannot be charted on a session that is ${state.replace(/_/g, ' ')}`);
}

/** Runs the state machine; a refusal is a 409 whose fields name what must change. */
function transition(
  facts: SessionFacts,
  role: StaffRole,
  action: SessionAction,
  extra: Partial<Parameters<typeof applyAction>[2]> = {},
) {
  const result = applyAction(facts.session.state as SessionState, action, {
    kind: facts.session.kind as SessionKind,
    actor: { role },
    ...extra,
  });
  if (!result.ok) {
    const roleProblem = result.problems.find((p) => p.field === 'actor');
    if (roleProblem)
      throw new ApiError(403, 'forbidden', roleProblem.message, fieldsOf([roleProblem], 'body.'));
    throw new ApiError(
      409,
      'conflict',
      result.problems.map((p) => `${p.field} ${p.message}`).join('; '),
      fieldsOf(result.problems, 'body.'),
    );
  }
  return result.state;
}

function checklistEntry({ body, facts }: EntryInput<'checklist'>): EntryOutcome {
  requireState(facts.session.state as SessionState, BEFORE_START, 'The checklist');
  const baseline = body.answers.baselineVitals;
  if (baseline) {
    const checked = checkVitals(baseline);
    if (!checked.ok) throw badRequest(fieldsOf(checked.problems, 'body.answers.baselineVitals.'));
  }
  const weight = body.answers.weightKg;
  const range = facts.settings.dosing.plausibleWeightKg;
  if (weight != null && (weight < range.min || weight > range.max))
    throw badRequest([
      { field: 'body.answers.weightKg', message: `must be between ${range.min} and ${range.max} kg` },
    ]);
  return { payload: { answers: body.answers }, stateAfter: facts.session.state as SessionState };
}

function bpDecisionEntry({ body, facts, role }: EntryInput<'bp_decision'>): EntryOutcome {
  requireState(facts.session.state as SessionState, BEFORE_START, 'A blood-pressure decision');
  if (role !== 'physician')
    throw new ApiError(403, 'forbidden', 'Only a physician records the blood-pressure decision');
  const gate = evaluateSessionChecklist(facts).bpGate;
  if (gate === 'clear')
    throw conflict('The baseline blood pressure is within the clinic’s threshold; no decision is needed');
  return {
    payload: { decision: body.decision, reason: body.reason },
    stateAfter: facts.session.state as SessionState,
  };
}

function startDose(facts: SessionFacts, body: Body<'action'>) {
  const dose = facts.dose;
  if (!dose || (body.doseId && body.doseId !== dose.id))
    throw badRequest([
      {
        field: 'body.doseId',
        message: 'must be this patient’s dose that is ready to give (ordered and verified)',
      },
    ]);
  if (dose.patientId !== facts.session.patientId || dose.status !== 'ready_to_administer')
    throw badRequest([{ field: 'body.doseId', message: 'is not ready to give' }]);
  const route = (dose.result as { route: string }).route;
  if ((route === 'iv') !== (facts.session.kind === 'iv_ketamine'))
    throw badRequest([
      {
        field: 'body.doseId',
        message: `is an ${route} dose; this is a ${facts.session.kind.replace('_', ' ')} session`,
      },
    ]);
  return dose;
}

function actionEntry({ body, facts, role }: EntryInput<'action'>): EntryOutcome {
  const action = body.action;
  const payload: Record<string, unknown> = { action };
  if (body.reason) payload.reason = body.reason;
  if (action === 'complete_checklist' || action === 'start') {
    const checklist = evaluateSessionChecklist(facts);
    const state = transition(facts, role, action, {
      checklist: { complete: checklist.complete, bpGate: checklist.bpGate },
    });
    if (action === 'complete_checklist') return { payload, stateAfter: state };
    const dose = startDose(facts, body);
    if (facts.session.kind === 'esketamine') return { ...firstDevice(facts, body, state), doseId: dose.id };
    const pumpRate = (dose.result as { pumpRateMlPerHour?: number | null }).pumpRateMlPerHour ?? null;
    const rate = body.rate ?? (pumpRate ? { value: pumpRate, unit: 'mL/h' as const } : undefined);
    if (facts.session.kind === 'iv_ketamine' && !rate)
      throw badRequest([{ field: 'body.rate', message: 'is required to start the pump' }]);
    return {
      payload: { ...payload, doseId: dose.id, rate: rate ?? { value: 0, unit: 'mg/h' } },
      stateAfter: state,
      doseId: dose.id,
    };
  }
  if (action === 'stop' && facts.session.kind === 'esketamine') {
    const problems = devicesComplete(facts.chart.devices.length, orderedDevices(facts));
    if (problems.length > 0)
      throw new ApiError(409, 'conflict', problems[0]!.message, fieldsOf(problems, 'body.'));
  }
  if (action === 'change_rate' && !body.rate)
    throw badRequest([{ field: 'body.rate', message: 'is required for a rate change' }]);
  if (action === 'discharge') {
    const gate = dischargeGateOf(facts, {
      escortPresent: body.escortPresent === true,
      instructionsGiven: body.instructionsGiven === true,
    });
    if (!gate.met)
      throw new ApiError(
        409,
        'discharge_not_ready',
        `Discharge is not allowed yet: ${gate.unmet.map((u) => u.reason).join('; ')}`,
        gate.unmet.map((u) => ({ field: `body.${u.criterion}`, message: u.reason })),
      );
    const state = transition(facts, role, action, { dischargeGate: { met: true } });
    return { payload: { ...payload, escortPresent: true, instructionsGiven: true, gate }, stateAfter: state };
  }
  const state = transition(facts, role, action, { reason: body.reason });
  if (body.rate) payload.rate = body.rate;
  return { payload, stateAfter: state };
}

const orderedDevices = (facts: SessionFacts) =>
  (facts.dose?.result as { devices?: number } | undefined)?.devices ?? 0;

/**
 * Esketamine: the start is the first device. The setting must be certified and the patient enrolled in
 * the REMS (docs/clinical-sources.md#spravato-rems); the lot of the device is recorded.
 */
function firstDevice(facts: SessionFacts, body: Body<'action'>, state: SessionState): EntryOutcome {
  const rems = facts.rems;
  const problems: Array<{ field: string; message: string }> = [];
  if (!rems?.settingCertified)
    problems.push({
      field: 'body.rems',
      message: 'this setting is not recorded as certified in the SPRAVATO REMS',
    });
  if (!rems?.patientEnrolled)
    problems.push({
      field: 'body.rems',
      message: 'the patient is not recorded as enrolled in the SPRAVATO REMS',
    });
  if (problems.length > 0)
    throw new ApiError(
      409,
      'conflict',
      `Esketamine cannot be given: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    );
  const lot = body.lot ?? '';
  const checked = deviceProblems(
    [],
    { at: 0, lot },
    orderedDevices(facts),
    sessionKindProfile('esketamine').deviceSpacingMinutes!,
  );
  if (checked.length > 0) throw badRequest(fieldsOf(checked, 'body.'));
  return {
    payload: { action: 'start', doseId: facts.dose!.id, lot: lot.trim(), rate: { value: 0, unit: 'mg/h' } },
    stateAfter: state,
  };
}

function deviceEntry({ body, facts, eventAt }: EntryInput<'device'>): EntryOutcome {
  if (facts.session.kind !== 'esketamine') throw conflict('Devices are taken in esketamine sessions only');
  requireState(facts.session.state as SessionState, ['infusing'], 'A device');
  const problems = deviceProblems(
    facts.chart.devices.map((d) => ({ at: d.at, lot: d.lot })),
    { at: eventAt, lot: body.lot },
    orderedDevices(facts),
    sessionKindProfile('esketamine').deviceSpacingMinutes!,
  );
  if (problems.length > 0) throw badRequest(fieldsOf(problems, 'body.'));
  return { payload: { lot: body.lot.trim() }, stateAfter: facts.session.state as SessionState };
}

function vitalsEntry({ body, facts }: EntryInput<'vitals'>): EntryOutcome {
  requireState(facts.session.state as SessionState, OPEN, 'Vital signs');
  if (!body.line && !body.reading)
    throw badRequest([{ field: 'body.line', message: 'give the readings, e.g. 142/88 76 98 16' }]);
  const checked = body.reading ? checkVitals(body.reading) : parseVitalsLine(body.line!);
  if (!checked.ok)
    throw badRequest(
      body.reading
        ? fieldsOf(checked.problems, 'body.reading.')
        : checked.problems.map((p) => ({ field: 'body.line', message: `${p.field}: ${p.message}` })),
    );
  const asked = checked.value.needsConfirmation;
  if (asked.length > 0 && body.confirm !== true)
    throw new ApiError(
      409,
      'confirmation_required',
      'Some values are unusual: check them and confirm to save',
      asked.map((a) => ({ field: `body.reading.${a.field}`, message: a.message })),
    );
  const alerts = vitalAlerts(checked.value.reading, facts.settings.session.vitalAlerts);
  return {
    payload: { reading: checked.value.reading, alerts, confirmed: asked.map((a) => a.field) },
    stateAfter: facts.session.state as SessionState,
  };
}

function scaleEntry({ body, facts }: EntryInput<'scale'>): EntryOutcome {
  requireState(facts.session.state as SessionState, OPEN, 'A scale');
  const def = getInstrument(body.instrumentId)!;
  const outcome = scoreResponse(
    def.id,
    body.answers,
    instrumentSettingsFor(def.id, facts.settings.measurement),
  );
  if (!outcome.ok)
    throw badRequest(
      outcome.errors.map((e) => ({
        field: e.item ? `body.answers.${e.item}` : 'body.answers',
        message: e.message,
      })),
    );
  return {
    payload: {
      instrumentId: def.id,
      label: def.shortTitle,
      version: def.version,
      answers: body.answers,
      result: outcome.result,
    },
    stateAfter: facts.session.state as SessionState,
  };
}

/** Times typed at the chair are to the minute, so the window opens at the check-in's minute. */
function windowOf(facts: SessionFacts) {
  const checkedIn = facts.session.checkedInAt.getTime();
  return { checkedInAt: checkedIn - (checkedIn % 60_000), now: facts.now.getTime() };
}

function adverseEventEntry({ body, facts }: EntryInput<'adverse_event'>): EntryOutcome {
  requireState(facts.session.state as SessionState, OPEN, 'An adverse event');
  const { type: _t, clientEntryId: _c, eventAt: _e, ...input } = body;
  const checked = validateAdverseEvent(
    {
      ...input,
      onsetAt: Date.parse(body.onsetAt),
      resolvedAt: body.resolvedAt ? Date.parse(body.resolvedAt) : null,
    },
    windowOf(facts),
  );
  if (!checked.ok) throw badRequest(fieldsOf(checked.problems, 'body.'));
  return {
    payload: checked.value as unknown as Record<string, unknown>,
    stateAfter: facts.session.state as SessionState,
  };
}

function rescueEntry({ body, facts }: EntryInput<'rescue'>): EntryOutcome {
  requireState(facts.session.state as SessionState, OPEN, 'A rescue medicine');
  const checked = validateRescue(
    {
      medicationId: body.medicationId,
      doseMg: body.doseMg,
      route: body.route,
      givenAt: Date.parse(body.givenAt),
      adverseEventId: body.adverseEventEntryId ?? null,
    },
    facts.settings.session.rescueFormulary,
    windowOf(facts),
  );
  if (!checked.ok) throw badRequest(fieldsOf(checked.problems, 'body.'));
  if (
    body.adverseEventEntryId &&
    !facts.chart.adverseEvents.some((a) => a.entry.id === body.adverseEventEntryId)
  )
    throw badRequest([
      { field: 'body.adverseEventEntryId', message: 'is not an adverse event of this session' },
    ]);
  return {
    payload: checked.value as unknown as Record<string, unknown>,
    stateAfter: facts.session.state as SessionState,
  };
}

function doseExplanationEntry({ body, facts }: EntryInput<'dose_explanation'>): EntryOutcome {
  const amount = amountOf(facts);
  if (!amount?.comparison) throw conflict('There is no amount given to compare with an order yet');
  const problems = checkDifferenceExplained({ ...amount.comparison, flagged: true }, body.text);
  if (problems.length > 0)
    throw badRequest(
      fieldsOf(
        problems.map((p) => ({ ...p, field: 'text' })),
        'body.',
      ),
    );
  return { payload: { text: body.text }, stateAfter: facts.session.state as SessionState };
}

/**
 * The chart and the controlled-substance ledger agree before the note is signed: where the clinic keeps
 * its ledger here, a session in which drug was given has its administrations recorded — every esketamine
 * device charted is one in the ledger, and an IV infusion that ran has at least one vial recorded — as each
 * administration belongs in the registrant's records (docs/clinical-sources.md#dea-records-content).
 */
export function ledgerProblems(facts: SessionFacts): Problem[] {
  const ledger = facts.ledger;
  if (!ledger?.kept) return [];
  const recorded = ledger.administrations.length;
  if (facts.session.kind === 'esketamine') {
    // Devices, not entries: a device recorded in two administrations (one per nostril) is still one.
    const recorded = new Set(ledger.administrations.map((a) => a.containerId)).size;
    const charted = facts.chart.devices.length;
    if (charted === recorded) return [];
    return [
      {
        field: 'ledger',
        message: `${charted} device${charted === 1 ? ' is' : 's are'} charted and ${recorded} ${recorded === 1 ? 'is' : 'are'} recorded in the controlled-substance ledger: record each device given (or correct the ledger entry) before signing`,
      },
    ];
  }
  if (facts.chart.startedAt === null || recorded > 0) return [];
  return [
    {
      field: 'ledger',
      message:
        'the infusion ran but no vial is recorded in the controlled-substance ledger for this session: record the vial used before signing',
    },
  ];
}

function noteSignEntry({ facts, role }: EntryInput<'note_sign'>): EntryOutcome {
  const state = transition(facts, role, 'sign_note');
  const unrecorded = ledgerProblems(facts);
  if (unrecorded.length > 0)
    throw new ApiError(409, 'conflict', unrecorded[0]!.message, fieldsOf(unrecorded, 'body.'));
  const amount = amountOf(facts);
  const unexplained = amount?.comparison
    ? checkDifferenceExplained(amount.comparison, facts.chart.doseExplanation)
    : [];
  if (unexplained.length > 0)
    throw new ApiError(409, 'conflict', unexplained[0]!.message, fieldsOf(unexplained, 'body.'));
  const text = buildSessionView(facts, role).note.draft.join('\n');
  return {
    payload: { text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') },
    stateAfter: state,
  };
}

function noteCosignEntry({ facts, role }: EntryInput<'note_cosign'>): EntryOutcome {
  if (facts.chart.cosigned) throw conflict('The note is already co-signed');
  return { payload: {}, stateAfter: transition(facts, role, 'cosign_note') };
}

function noteAmendEntry({ body, facts, role }: EntryInput<'note_amend'>): EntryOutcome {
  return {
    payload: { text: body.text, reason: body.reason },
    stateAfter: transition(facts, role, 'amend_note', { reason: body.reason }),
  };
}

const HANDLERS: { [T in SessionEntryBody['type']]: (input: EntryInput<T>) => EntryOutcome } = {
  checklist: checklistEntry,
  bp_decision: bpDecisionEntry,
  action: actionEntry,
  vitals: vitalsEntry,
  scale: scaleEntry,
  adverse_event: adverseEventEntry,
  rescue: rescueEntry,
  device: deviceEntry,
  dose_explanation: doseExplanationEntry,
  note_sign: noteSignEntry,
  note_cosign: noteCosignEntry,
  note_amend: noteAmendEntry,
};

export function entryOutcome(
  body: SessionEntryBody,
  facts: SessionFacts,
  role: StaffRole,
  eventAt: number,
): EntryOutcome {
  const handler = HANDLERS[body.type] as (input: EntryInput<typeof body.type>) => EntryOutcome;
  return handler({ body, facts, role, eventAt } as EntryInput<typeof body.type>);
}
