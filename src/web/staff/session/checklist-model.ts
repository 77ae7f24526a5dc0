import type { ChecklistAnswersBody, VitalsReadingBody } from '../../../contracts/session';
import { parseVitalsLine } from '../../../domain/session/index';

/** The pre-infusion checklist as the form holds it: text for numbers, so a half-typed value stays. */
export interface ChecklistFormState {
  identifiers: IdentifierKind[];
  hoursSinceFood: string;
  minutesSinceLiquid: string;
  followedInstructions: boolean;
  escortConfirmed: boolean;
  transportConfirmed: boolean;
  noDrivingAcknowledged: boolean;
  canBePregnant: boolean;
  pregnancyTest: '' | 'negative' | 'positive';
  medicationsReviewed: boolean;
  weightKg: string;
  /** Baseline vitals as one quick line, "142/88 76 98 16". */
  baselineLine: string;
  suicideRiskReviewed: boolean;
  suicideRiskAcknowledgement: string;
}

export const identifierKinds = ['name', 'date_of_birth', 'mrn', 'photo'] as const;
export type IdentifierKind = (typeof identifierKinds)[number];
export const identifierLabels: Record<IdentifierKind, string> = {
  name: 'Name',
  date_of_birth: 'Date of birth',
  mrn: 'MRN',
  photo: 'Photo',
};

const bool = (v: unknown) => v === true;
const numText = (v: unknown) => (typeof v === 'number' ? String(v) : '');
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/** The quick line for a saved reading, so the baseline shows as it was typed. */
export function vitalsLine(reading: unknown): string {
  const r = record(reading);
  if (typeof r.systolic !== 'number') return '';
  const rr = typeof r.respiratoryRate === 'number' ? ` ${r.respiratoryRate}` : '';
  return `${r.systolic}/${numText(r.diastolic)} ${numText(r.heartRate)} ${numText(r.spo2)}${rr}`;
}

/** The form filled from the answers the session already has (the server keeps them as sent). */
export function checklistFormFrom(answers: Record<string, unknown>): ChecklistFormState {
  const fasting = record(answers.fasting);
  const ids = Array.isArray(answers.identifiers) ? answers.identifiers : [];
  return {
    identifiers: identifierKinds.filter((k) => ids.includes(k)),
    hoursSinceFood: numText(fasting.hoursSinceFood),
    minutesSinceLiquid: numText(fasting.minutesSinceLiquid),
    followedInstructions: bool(fasting.followedInstructions),
    escortConfirmed: bool(answers.escortConfirmed),
    transportConfirmed: bool(answers.transportConfirmed),
    noDrivingAcknowledged: bool(answers.noDrivingAcknowledged),
    canBePregnant: bool(answers.canBePregnant),
    pregnancyTest:
      answers.pregnancyTest === 'negative' || answers.pregnancyTest === 'positive'
        ? answers.pregnancyTest
        : '',
    medicationsReviewed: bool(answers.medicationsReviewed),
    weightKg: numText(answers.weightKg),
    baselineLine: vitalsLine(answers.baselineVitals),
    suicideRiskReviewed: bool(answers.suicideRiskReviewed),
    suicideRiskAcknowledgement: text(answers.suicideRiskAcknowledgement),
  };
}

/** A number typed in a field: null when blank, NaN (refused by the server, naming it) when not a number. */
function numberOrNull(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

export type ChecklistResult =
  { ok: true; answers: ChecklistAnswersBody } | { ok: false; errors: Record<string, string> };

/** The baseline line read as a reading; blank is no baseline yet. */
function baselineOf(
  line: string,
): { ok: true; reading: VitalsReadingBody | null } | { ok: false; message: string } {
  if (line.trim() === '') return { ok: true, reading: null };
  const parsed = parseVitalsLine(line);
  if (!parsed.ok)
    return { ok: false, message: parsed.problems.map((p) => `${p.field} ${p.message}`).join('; ') };
  return { ok: true, reading: parsed.value.reading };
}

/** Every answer of the form, as the `checklist` entry sends it (the server evaluates the items). */
export function checklistAnswersFrom(form: ChecklistFormState): ChecklistResult {
  const baseline = baselineOf(form.baselineLine);
  if (!baseline.ok) return { ok: false, errors: { baselineVitals: baseline.message } };
  const note = form.suicideRiskAcknowledgement.trim();
  return {
    ok: true,
    answers: {
      identifiers: form.identifiers,
      fasting: {
        hoursSinceFood: numberOrNull(form.hoursSinceFood),
        minutesSinceLiquid: numberOrNull(form.minutesSinceLiquid),
        followedInstructions: form.followedInstructions,
      },
      escortConfirmed: form.escortConfirmed,
      transportConfirmed: form.transportConfirmed,
      noDrivingAcknowledged: form.noDrivingAcknowledged,
      canBePregnant: form.canBePregnant,
      pregnancyTest: form.canBePregnant && form.pregnancyTest ? form.pregnancyTest : null,
      medicationsReviewed: form.medicationsReviewed,
      weightKg: numberOrNull(form.weightKg),
      baselineVitals: baseline.reading,
      suicideRiskReviewed: form.suicideRiskReviewed,
      suicideRiskAcknowledgement: note === '' ? null : note,
    },
  };
}
