import type { StaffRole } from '../auth/index.js';
import { MIN_REASON_LENGTH } from '../dosing/index.js';
import { sessionKindProfile, type ChecklistItemId, type FastingRule } from './session-kinds.js';
import type { SessionKind, SourceRef } from './session-types.js';
import type { VitalsReading } from './vitals.js';

/**
 * The pre-treatment checklist. Which items a session has comes from its kind (session-kinds.ts) and the
 * clinic's settings; each item is evaluated from the answers recorded at the chair into done, missing
 * (not yet answered, or answered with a value that cannot be right) or blocked (answered, and the answer
 * stops the session), each with its reason. The session starts only when every item that applies is done.
 */

export type ChecklistStatus = 'done' | 'missing' | 'blocked' | 'not_applicable';

/** The readiness result of the intake and consent rules, supplied by the caller. */
export interface ReadinessInput {
  eligible: boolean;
  consentValid: boolean;
  /** Relative contraindications and flags the people giving the treatment should see. */
  flags: readonly string[];
}

export interface BpDecision {
  decision: 'proceed' | 'defer';
  reason: string;
  decidedBy: { role: StaffRole };
}

export interface ChecklistAnswers {
  /** Kinds of identifier checked against the wristband or chart, e.g. ['name', 'date_of_birth']. */
  identifiers?: readonly string[];
  readiness?: ReadinessInput;
  /** Hours since the last food, minutes since the last liquid; or confirmation of the clinic's instructions. */
  fasting?: {
    hoursSinceFood?: number | null;
    minutesSinceLiquid?: number | null;
    followedInstructions?: boolean;
  };
  escortConfirmed?: boolean;
  transportConfirmed?: boolean;
  noDrivingAcknowledged?: boolean;
  /** False when the patient cannot be pregnant; the test item then does not apply. */
  canBePregnant?: boolean;
  pregnancyTest?: 'negative' | 'positive' | null;
  /** Medicines taken today were asked about and recorded. */
  medicationsReviewed?: boolean;
  weightKg?: number | null;
  baselineVitals?: VitalsReading | null;
  bpDecision?: BpDecision | null;
  suicideRisk?: {
    phq9Item9: number | null;
    cssrsRisk: 'low' | 'moderate' | 'high' | null;
    /** The latest results were shown to the nurse or physician at the chair. */
    reviewed: boolean;
    acknowledgement?: { by: { role: StaffRole }; note: string } | null;
  };
}

export interface ChecklistSettings {
  /** Clinic setting `bpGate`. */
  bpGate: { systolicAbove: number; diastolicAbove: number };
  /** Clinic setting `pregnancyTestRequired`. */
  pregnancyTestRequired: boolean;
  /** Scheduling setting `infusionFastingHours` (null: the clinic's own instructions). */
  fastingHours: number | null;
  /** Dosing setting `plausibleWeightKg`. */
  plausibleWeightKg: { min: number; max: number };
  /** Measurement setting `phq9SafetyAlertFrom`: an item 9 answer at or above it is positive. */
  phq9SafetyAlertFrom: number;
}

export interface ChecklistItemResult {
  id: ChecklistItemId;
  label: string;
  status: ChecklistStatus;
  reason: string;
}

export type BpGateStatus = 'clear' | 'proceed' | 'pending' | 'deferred';

export interface BpGateResult {
  status: BpGateStatus;
  /** True when the baseline is above the clinic's threshold. */
  above: boolean;
  threshold: { systolicAbove: number; diastolicAbove: number };
  source: SourceRef;
  reason: string;
}

export interface ChecklistEvaluation {
  items: ChecklistItemResult[];
  /** Every item that applies is done. */
  complete: boolean;
  bpGate: BpGateStatus;
  /** Readiness flags to show, carried from the input. */
  flags: readonly string[];
}

export const CHECKLIST_LABELS: Readonly<Record<ChecklistItemId, string>> = {
  identity: 'Two patient identifiers',
  'consent-eligibility': 'Valid consent and eligibility',
  fasting: 'Fasting',
  'escort-transport': 'Escort and transport home',
  'no-driving': 'No driving until the next day',
  'pregnancy-test': 'Pregnancy test',
  'medications-today': 'Medicines taken today',
  weight: 'Today’s weight',
  'baseline-vitals': 'Baseline BP, HR, SpO2, RR',
  'suicide-risk': 'Latest PHQ-9 item 9 and C-SSRS',
};

const BP_SOURCE: SourceRef = { section: 'docs/clinical-sources.md#blood-pressure', evidence: 'secondary' };

const done = (reason = ''): Omit<ChecklistItemResult, 'id' | 'label'> => ({ status: 'done', reason });
const missing = (reason: string) => ({ status: 'missing' as const, reason });
const blocked = (reason: string) => ({ status: 'blocked' as const, reason });

const hasReason = (text: string | undefined) => (text ?? '').trim().length >= MIN_REASON_LENGTH;

/**
 * The blood-pressure gate: a baseline above the clinic's threshold (default above 140/90: systolic above
 * 140 or diastolic above 90, docs/clinical-sources.md#blood-pressure) holds the start until a physician
 * records a decision, proceed or defer, with a reason.
 */
export function evaluateBpGate(
  baseline: VitalsReading,
  threshold: ChecklistSettings['bpGate'],
  decision: BpDecision | null | undefined,
): BpGateResult {
  const above = baseline.systolic > threshold.systolicAbove || baseline.diastolic > threshold.diastolicAbove;
  const base = { above, threshold, source: BP_SOURCE };
  const limit = `${threshold.systolicAbove}/${threshold.diastolicAbove}`;
  if (!above)
    return {
      ...base,
      status: 'clear',
      reason: `${baseline.systolic}/${baseline.diastolic} is not above ${limit}`,
    };
  const valid = decision && decision.decidedBy.role === 'physician' && hasReason(decision.reason);
  if (!valid)
    return {
      ...base,
      status: 'pending',
      reason: `${baseline.systolic}/${baseline.diastolic} is above ${limit}: a physician must decide, with a reason`,
    };
  return decision.decision === 'proceed'
    ? { ...base, status: 'proceed', reason: `physician decided to proceed: ${decision.reason.trim()}` }
    : { ...base, status: 'deferred', reason: `physician deferred the session: ${decision.reason.trim()}` };
}

function fastingItem(rule: FastingRule, a: ChecklistAnswers, hours: number | null) {
  const f = a.fasting;
  if (rule.kind === 'fixed') {
    if (f?.hoursSinceFood == null || f.minutesSinceLiquid == null)
      return missing('record the time since food and since liquids');
    if (f.hoursSinceFood < rule.foodHours)
      return blocked(`food ${f.hoursSinceFood} h ago; needs ${rule.foodHours} h`);
    if (f.minutesSinceLiquid < rule.liquidMinutes)
      return blocked(`liquids ${f.minutesSinceLiquid} min ago; needs ${rule.liquidMinutes} min`);
    return done();
  }
  if (hours === null)
    return f?.followedInstructions
      ? done('the clinic’s own instructions were followed')
      : missing('confirm the clinic’s eating and drinking instructions were followed');
  if (f?.hoursSinceFood == null) return missing('record the hours since food');
  return f.hoursSinceFood >= hours
    ? done()
    : blocked(`food ${f.hoursSinceFood} h ago; the clinic asks for ${hours} h`);
}

function pregnancyItem(a: ChecklistAnswers, required: boolean) {
  if (!required) return { status: 'not_applicable' as const, reason: 'the clinic does not require a test' };
  if (a.canBePregnant === false)
    return { status: 'not_applicable' as const, reason: 'the patient cannot be pregnant' };
  if (a.pregnancyTest === 'negative') return done('negative');
  if (a.pregnancyTest === 'positive') return blocked('positive test');
  return missing('record the test result');
}

function suicideRiskItem(a: ChecklistAnswers, positiveFrom: number) {
  const r = a.suicideRisk;
  if (!r?.reviewed) return missing('show and review the latest PHQ-9 item 9 and C-SSRS');
  const positive = (r.phq9Item9 ?? 0) >= positiveFrom || r.cssrsRisk === 'high';
  const shown = `PHQ-9 item 9: ${r.phq9Item9 ?? 'none on record'}; C-SSRS: ${r.cssrsRisk ?? 'none on record'}`;
  if (!positive) return done(shown);
  const ack = r.acknowledgement;
  const clinician = ack && (ack.by.role === 'physician' || ack.by.role === 'nurse') && hasReason(ack.note);
  return clinician
    ? done(`${shown}; acknowledged: ${ack.note.trim()}`)
    : blocked(`${shown}: a clinician must acknowledge it`);
}

function itemStatus(
  id: ChecklistItemId,
  kind: SessionKind,
  a: ChecklistAnswers,
  s: ChecklistSettings,
): Omit<ChecklistItemResult, 'id' | 'label'> {
  switch (id) {
    case 'identity':
      return new Set(a.identifiers ?? []).size >= 2 ? done() : missing('check two different identifiers');
    case 'consent-eligibility': {
      const r = a.readiness;
      if (!r) return missing('readiness has not been checked');
      if (!r.eligible) return blocked('no eligibility decision allows this treatment');
      return r.consentValid ? done(r.flags.join('; ')) : blocked('no valid signed consent');
    }
    case 'fasting':
      return fastingItem(sessionKindProfile(kind).fasting, a, s.fastingHours);
    case 'escort-transport':
      return a.escortConfirmed && a.transportConfirmed
        ? done()
        : missing('confirm the escort and the transport home');
    case 'no-driving':
      return a.noDrivingAcknowledged
        ? done()
        : missing('the patient acknowledges not driving until the next day');
    case 'pregnancy-test':
      return pregnancyItem(a, s.pregnancyTestRequired);
    case 'medications-today':
      return a.medicationsReviewed ? done() : missing('record the medicines taken today');
    case 'weight': {
      const { min, max } = s.plausibleWeightKg;
      if (a.weightKg == null) return missing('weigh the patient today');
      return a.weightKg >= min && a.weightKg <= max
        ? done(`${a.weightKg} kg`)
        : missing(`${a.weightKg} kg is outside ${min}–${max} kg: check the unit`);
    }
    case 'baseline-vitals': {
      const v = a.baselineVitals;
      if (!v || v.respiratoryRate === null)
        return missing('record BP, heart rate, SpO2 and respiratory rate');
      const gate = evaluateBpGate(v, s.bpGate, a.bpDecision);
      return gate.status === 'clear' || gate.status === 'proceed' ? done(gate.reason) : blocked(gate.reason);
    }
    case 'suicide-risk':
      return suicideRiskItem(a, s.phq9SafetyAlertFrom);
  }
}

/** The checklist items of a session kind, in the order the nurse works them. */
export function checklistFor(kind: SessionKind): readonly ChecklistItemId[] {
  return sessionKindProfile(kind).checklist;
}

/** Evaluate every item; `complete` when each one that applies is done. */
export function evaluateChecklist(
  kind: SessionKind,
  answers: ChecklistAnswers,
  settings: ChecklistSettings,
): ChecklistEvaluation {
  const items = checklistFor(kind).map((id) => ({
    id,
    label: CHECKLIST_LABELS[id],
    ...itemStatus(id, kind, answers, settings),
  }));
  const complete = items.every((i) => i.status === 'done' || i.status === 'not_applicable');
  const baseline = answers.baselineVitals;
  const bpGate = baseline ? evaluateBpGate(baseline, settings.bpGate, answers.bpDecision).status : 'pending';
  return { items, complete, bpGate, flags: answers.readiness?.flags ?? [] };
}
