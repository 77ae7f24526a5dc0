/**
 * Cross-field rules zod's shape checks cannot express: ids unique and resolvable, steps that fit the route,
 * doses within their ranges and under the ceiling, escalations that raise the dose, schedules that make
 * sense. Each error names the field to fix; errors come in the order the protocol reads.
 */
import { ceilingErrorsForStep } from './ceiling-rules';
import { formatPath, type ProtocolError } from './protocol-error';
import type { EscalationRule, Protocol, ProtocolStep } from './protocol-shape';
import { STEP_DOSE_FIELD, STEP_DOSE_UNIT, stepDoseValue } from './step-dose';

/** Where the rules below record what they find. */
interface Findings {
  add(path: PropertyKey[], message: string): void;
  addAll(errors: readonly ProtocolError[]): void;
  /** Reports every id in `ids` that is not one of the protocol's citations. */
  checkCitations(ids: readonly string[], path: PropertyKey[]): void;
}

export function coherenceErrors(p: Protocol): ProtocolError[] {
  const errors: ProtocolError[] = [];
  const add = (path: PropertyKey[], message: string) => errors.push({ field: formatPath(path), message });

  const citationIdsKnown = new Set<string>();
  p.citations.forEach((c, i) => {
    reportDuplicate(citationIdsKnown, c.id, ['citations', i, 'id'], 'citation', add);
    citationIdsKnown.add(c.id);
  });
  const findings: Findings = {
    add,
    addAll: (found) => errors.push(...found),
    checkCitations: (ids, path) =>
      ids.forEach((id, i) => {
        if (!citationIdsKnown.has(id)) add([...path, 'citationIds', i], `unknown citation '${id}'`);
      }),
  };

  const stepIndex = checkSteps(p, findings);
  checkCeiling(p, findings);
  const ruleIds = new Set<string>();
  p.escalation.forEach((r, i) => {
    reportDuplicate(ruleIds, r.id, ['escalation', i, 'id'], 'escalation rule', add);
    ruleIds.add(r.id);
    findings.checkCitations(r.citationIds, ['escalation', i]);
    checkEscalation(p.steps, stepIndex, r, i, findings);
  });
  checkSchedule(p, stepIndex, findings);
  return errors;
}

function reportDuplicate(
  seen: ReadonlySet<string> | ReadonlyMap<string, unknown>,
  id: string,
  path: PropertyKey[],
  what: string,
  add: Findings['add'],
): void {
  if (seen.has(id)) add(path, `duplicate ${what} id '${id}'`);
}

/** Per step: unique id, citations, kind allowed by the route, dose within its range, ceiling. */
function checkSteps(p: Protocol, f: Findings): Map<string, number> {
  const stepIndex = new Map<string, number>();
  p.steps.forEach((s, i) => {
    reportDuplicate(stepIndex, s.id, ['steps', i, 'id'], 'step', f.add);
    stepIndex.set(s.id, i);
    f.checkCitations(s.citationIds, ['steps', i]);

    // Intranasal esketamine is counted in devices; IV is never dosed in devices.
    if (p.route === 'intranasal' && s.kind !== 'devices')
      f.add(['steps', i, 'kind'], `an intranasal protocol must use 'devices' steps, not '${s.kind}'`);
    if (p.route === 'iv' && s.kind === 'devices')
      f.add(['steps', i, 'kind'], `an IV protocol cannot use 'devices' steps`);

    checkDoseRange(s, i, f);
    f.addAll(ceilingErrorsForStep(p.ceiling, s, i));
  });
  return stepIndex;
}

function checkDoseRange(s: ProtocolStep, i: number, f: Findings): void {
  const dose = stepDoseValue(s);
  const doseField = STEP_DOSE_FIELD[s.kind];
  if (s.doseRange && (dose < s.doseRange.min || dose > s.doseRange.max))
    f.add(
      ['steps', i, doseField],
      `${dose} ${STEP_DOSE_UNIT[s.kind]} lies outside doseRange ${s.doseRange.min}–${s.doseRange.max}`,
    );
  if (
    s.kind === 'devices' &&
    s.doseRange &&
    !(Number.isInteger(s.doseRange.min) && Number.isInteger(s.doseRange.max))
  )
    f.add(['steps', i, 'doseRange'], 'a device range must be whole devices');
}

function checkCeiling(p: Protocol, f: Findings): void {
  if (
    p.ceiling.mgPerKg === undefined &&
    p.ceiling.mgPerKgPerHour === undefined &&
    p.ceiling.totalMg === undefined
  )
    f.add(['ceiling'], 'a ceiling needs at least one of mgPerKg, mgPerKgPerHour or totalMg');
  if (p.route === 'intranasal' && p.ceiling.totalMg === undefined)
    f.add(['ceiling', 'totalMg'], 'an intranasal protocol needs a totalMg ceiling (it is not weight-based)');
  f.checkCitations(p.ceiling.citationIds, ['ceiling']);
}

/** An escalation moves between two known, different steps of the same kind, to a higher dose. */
function checkEscalation(
  steps: readonly ProtocolStep[],
  stepIndex: ReadonlyMap<string, number>,
  r: EscalationRule,
  i: number,
  f: Findings,
): void {
  const fromIndex = stepIndex.get(r.fromStepId);
  const toIndex = stepIndex.get(r.toStepId);
  if (fromIndex === undefined) f.add(['escalation', i, 'fromStepId'], `unknown step '${r.fromStepId}'`);
  if (toIndex === undefined) f.add(['escalation', i, 'toStepId'], `unknown step '${r.toStepId}'`);
  if (fromIndex === undefined || toIndex === undefined) return;
  if (fromIndex === toIndex) {
    f.add(['escalation', i, 'toStepId'], 'an escalation must move to a different step');
    return;
  }
  const from = steps[fromIndex];
  const to = steps[toIndex];
  if (!from || !to) return;
  if (from.kind !== to.kind)
    f.add(['escalation', i, 'toStepId'], `cannot escalate from a '${from.kind}' step to a '${to.kind}' step`);
  else if (stepDoseValue(to) <= stepDoseValue(from))
    f.add(
      ['escalation', i, 'toStepId'],
      `escalation must raise the dose: '${to.id}' (${stepDoseValue(to)}) is not above '${from.id}' (${stepDoseValue(from)})`,
    );
}

/** Phases: unique ids, known steps, a weekly frequency that fits in a week; relapse returns to a known phase. */
function checkSchedule(p: Protocol, stepIndex: ReadonlyMap<string, number>, f: Findings): void {
  const phaseIds = new Set<string>();
  p.schedule.phases.forEach((ph, i) => {
    reportDuplicate(phaseIds, ph.id, ['schedule', 'phases', i, 'id'], 'phase', f.add);
    phaseIds.add(ph.id);
    f.checkCitations(ph.citationIds, ['schedule', 'phases', i]);
    ph.stepIds.forEach((sid, j) => {
      if (!stepIndex.has(sid)) f.add(['schedule', 'phases', i, 'stepIds', j], `unknown step '${sid}'`);
    });
    if (ph.frequency.kind === 'per-week' && ph.frequency.min > ph.frequency.max)
      f.add(['schedule', 'phases', i, 'frequency', 'min'], 'frequency.min must be ≤ frequency.max');
    if (ph.frequency.kind === 'per-week' && ph.frequency.max > 7)
      f.add(['schedule', 'phases', i, 'frequency', 'max'], 'more than 7 sessions a week is not a schedule');
  });
  const onRelapse = p.schedule.onRelapse;
  if (onRelapse) {
    f.checkCitations(onRelapse.citationIds, ['schedule', 'onRelapse']);
    if (!phaseIds.has(onRelapse.returnToPhaseId))
      f.add(['schedule', 'onRelapse', 'returnToPhaseId'], `unknown phase '${onRelapse.returnToPhaseId}'`);
  }
}
