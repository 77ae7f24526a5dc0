import { STEP_DOSE_UNIT, stepDoseValue, type Protocol, type ProtocolStep } from '../protocols';
import { acknowledgementOf } from './acknowledgements';
import { exceeds } from './dose-ceiling';
import type { DoseRequest, DoseWarning, HardStop, Prescribed } from './dose-types';

/**
 * Any dose above the current step is checked against the protocol's escalation rules and the patient's
 * session history (docs/dosing.md §4.2). A rule counts two things: the sessions without response the
 * clinician enters, and the sessions of this protocol family actually given, which the server reads from
 * the chart; both must reach the rule's minimum. A dose the rules do not cover is a hard stop until the
 * clinician acknowledges it with a reason.
 */

/** The clinician's count, checked for shape; a malformed count is a hard stop. */
export function readHistory(history: DoseRequest['history'], stops: HardStop[]): number | undefined {
  if (history === undefined) return undefined;
  const n = history.sessionsWithoutResponse;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    stops.push({
      code: 'invalid-value',
      field: 'history.sessionsWithoutResponse',
      message: 'sessionsWithoutResponse must be a whole number ≥ 0',
    });
    return undefined;
  }
  return n;
}

interface SessionCounts {
  /** Sessions without response, as entered; undefined when none was entered. */
  withoutResponse: number | undefined;
  /** Sessions of this protocol family given (0 when the chart did not say). */
  given: number;
}

/** The highest amount a step allows in its own unit: its dose, or the top of its range. */
const stepTop = (s: ProtocolStep) => Math.max(stepDoseValue(s), s.doseRange?.max ?? 0);

/**
 * Why `prescribed` is not covered by the protocol: one reason per escalation rule it passes that the
 * history does not meet, and one if it is above every step. Empty when the dose needs no acknowledgement.
 */
export function escalationReasons(
  protocol: Protocol,
  step: ProtocolStep,
  prescribed: Prescribed,
  counts: SessionCounts,
): string[] {
  const value = prescribed.value;
  const unit = STEP_DOSE_UNIT[step.kind];
  const steps = new Map(protocol.steps.filter((s) => s.kind === step.kind).map((s) => [s.id, s]));
  const reasons: string[] = [];

  for (const rule of protocol.escalation) {
    const from = steps.get(rule.fromStepId);
    if (!from || !steps.has(rule.toStepId) || !exceeds(value, stepDoseValue(from))) continue;
    const min = rule.minPriorSessionsWithoutResponse;
    if (min === 0) continue;
    const about = `rule '${rule.id}' allows more than ${stepDoseValue(from)} ${unit} only after ≥ ${min} sessions without response`;
    if (counts.withoutResponse === undefined) reasons.push(`${about}; no session history was entered`);
    else if (counts.withoutResponse < min)
      reasons.push(`${about}; ${counts.withoutResponse} session(s) without response were entered`);
    if (counts.given < min)
      reasons.push(`${about}; only ${counts.given} session(s) of this protocol family have been given`);
  }

  const withinOwnRange = step.doseRange !== undefined && !exceeds(value, step.doseRange.max);
  const aboveOwnStep = exceeds(value, stepDoseValue(step)) && !withinOwnRange;
  const highest = Math.max(...[...steps.values()].map(stepTop));
  if (aboveOwnStep && exceeds(value, highest))
    reasons.push(`${value} ${unit} is above every step of the protocol (the highest is ${highest} ${unit})`);
  return reasons;
}

/** The escalation check as a gate: nothing, a recorded acknowledgement, or the stop asking for one. */
export function escalationGate(
  request: DoseRequest,
  protocol: Protocol,
  step: ProtocolStep,
  prescribed: Prescribed,
  sessionsWithoutResponse: number | undefined,
  warnings: DoseWarning[],
): HardStop[] {
  const given = request.chart?.sessionsGiven;
  if (sessionsWithoutResponse !== undefined && given !== undefined && sessionsWithoutResponse > given)
    warnings.push({
      code: 'history-exceeds-sessions-given',
      field: 'history.sessionsWithoutResponse',
      message: `${sessionsWithoutResponse} session(s) without response were entered, but only ${given} session(s) of this protocol family are recorded as given`,
    });
  const reasons = escalationReasons(protocol, step, prescribed, {
    withoutResponse: sessionsWithoutResponse,
    given: given ?? 0,
  });
  if (reasons.length === 0) return [];
  const unit = STEP_DOSE_UNIT[step.kind];
  const what = `${prescribed.value} ${unit} is not covered by the protocol's escalation rules: ${reasons.join('; ')}`;
  const state = acknowledgementOf(request.acknowledgements?.escalation, {
    code: 'escalation-not-acknowledged',
    field: 'acknowledgements.escalation',
    message: `${what}. Acknowledge it with a reason to go ahead, or choose a lower dose.`,
  });
  if (!state.given) return [state.stop];
  warnings.push({
    code: 'escalation-acknowledged',
    field: 'acknowledgements.escalation',
    message: `${what}. Acknowledged by the clinician: ${state.reason}`,
  });
  return [];
}
