import { MIN_REASON_LENGTH } from '../dosing/index.js';
import { fail, isInstant, ok, type Evidence, type Problem, type Result } from './session-types.js';

/**
 * Adverse events charted during a session and the rescue medicines given for them. The categories and
 * example terms cover the effects sub-anaesthetic ketamine is known for
 * (docs/clinical-sources.md#ketamine-side-effects, #in-session-monitoring); a term outside the examples is
 * allowed as free text, since the list is a prompt, not a dictionary. Each rescue dose is an administration
 * of an entry of the clinic's formulary (docs/clinical-sources.md#rescue-medications).
 */

export const AE_CATEGORIES = [
  'haemodynamic',
  'respiratory',
  'neuropsychiatric',
  'gastrointestinal',
  'visual',
  'allergic',
  'iv_site',
] as const;
export type AeCategory = (typeof AE_CATEGORIES)[number];

export const AE_TAXONOMY: Readonly<Record<AeCategory, { label: string; examples: readonly string[] }>> = {
  haemodynamic: {
    label: 'Haemodynamic',
    examples: ['Blood pressure rise', 'Tachycardia', 'Bradycardia', 'Hypotension'],
  },
  respiratory: {
    label: 'Respiratory',
    examples: ['Desaturation', 'Respiratory depression', 'Apnoea', 'Laryngospasm'],
  },
  neuropsychiatric: {
    label: 'Neuropsychiatric',
    examples: [
      'Dissociation',
      'Emergence reaction or dysphoria',
      'Hallucination',
      'Anxiety',
      'Sedation',
      'Dizziness',
      'Headache',
      'Seizure-like movements',
    ],
  },
  gastrointestinal: { label: 'Gastrointestinal', examples: ['Nausea', 'Vomiting', 'Hypersalivation'] },
  visual: { label: 'Visual', examples: ['Blurred vision', 'Diplopia', 'Nystagmus'] },
  allergic: { label: 'Allergic', examples: ['Rash', 'Urticaria', 'Anaphylaxis'] },
  iv_site: { label: 'IV site', examples: ['Pain at the site', 'Infiltration', 'Phlebitis'] },
};

export const AE_SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export const AE_ACTIONS = [
  'observed',
  'infusion_paused',
  'rate_reduced',
  'infusion_stopped',
  'rescue_medication',
  'oxygen',
  'transferred',
  'other',
] as const;
export const AE_OUTCOMES = ['resolved', 'resolving', 'ongoing', 'transferred', 'unknown'] as const;

export interface AdverseEventInput {
  category: string;
  term: string;
  onsetAt: number;
  severity: string;
  serious: boolean;
  action: string;
  /** Required when the action is 'other' or the event is serious. */
  actionNote?: string;
  outcome: string;
  resolvedAt?: number | null;
}

export interface AdverseEvent {
  category: AeCategory;
  term: string;
  onsetAt: number;
  severity: (typeof AE_SEVERITIES)[number];
  serious: boolean;
  action: (typeof AE_ACTIONS)[number];
  actionNote: string;
  outcome: (typeof AE_OUTCOMES)[number];
  resolvedAt: number | null;
}

/** The window a charted time must fall in: from check-in to now. */
export interface ChartWindow {
  checkedInAt: number;
  now: number;
}

const oneOf = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

function timeProblem(field: string, t: unknown, w: ChartWindow): Problem | null {
  if (!isInstant(t)) return { field, message: 'is required' };
  if (t > w.now) return { field, message: 'cannot be in the future' };
  if (t < w.checkedInAt) return { field, message: 'cannot be before the check-in' };
  return null;
}

/** Check one adverse event; every problem names its field. */
export function validateAdverseEvent(input: AdverseEventInput, window: ChartWindow): Result<AdverseEvent> {
  const problems: Problem[] = [];
  const need = (cond: boolean, field: string, message: string) => {
    if (!cond) problems.push({ field, message });
  };
  need(oneOf(AE_CATEGORIES, input.category), 'category', `must be one of ${AE_CATEGORIES.join(', ')}`);
  need(
    input.term.trim().length > 0 && input.term.length <= 120,
    'term',
    'is required (at most 120 characters)',
  );
  need(oneOf(AE_SEVERITIES, input.severity), 'severity', 'must be mild, moderate or severe');
  need(typeof input.serious === 'boolean', 'serious', 'must be yes or no');
  need(oneOf(AE_ACTIONS, input.action), 'action', `must be one of ${AE_ACTIONS.join(', ')}`);
  need(oneOf(AE_OUTCOMES, input.outcome), 'outcome', `must be one of ${AE_OUTCOMES.join(', ')}`);
  const note = (input.actionNote ?? '').trim();
  // A serious event, or an action of "other", is described in words for the record (and for reporting).
  need(
    !(input.serious || input.action === 'other') || note.length >= MIN_REASON_LENGTH,
    'actionNote',
    'describe what was done',
  );
  const onset = timeProblem('onsetAt', input.onsetAt, window);
  if (onset) problems.push(onset);
  const resolvedAt = input.resolvedAt ?? null;
  if (input.outcome === 'resolved') {
    const resolved = timeProblem('resolvedAt', resolvedAt, window);
    if (resolved) problems.push(resolved);
    else if (resolvedAt! < input.onsetAt)
      problems.push({ field: 'resolvedAt', message: 'cannot be before the onset' });
  }
  if (problems.length > 0) return fail(problems);
  return ok({
    ...(input as AdverseEvent),
    term: input.term.trim(),
    actionNote: note,
    resolvedAt: input.outcome === 'resolved' ? resolvedAt : null,
  });
}

/** One medicine of the clinic's rescue formulary (clinic setting `rescueFormulary`). */
export interface RescueFormularyEntry {
  id: string;
  name: string;
  indication: string;
  routes: readonly string[];
  usualDose: string;
  maxSingleDoseMg: number | null;
  evidence: Evidence;
  active: boolean;
}

export interface RescueInput {
  medicationId: string;
  doseMg: number;
  route: string;
  givenAt: number;
  /** The adverse event it treats, when there is one. */
  adverseEventId?: string | null;
}

export interface RescueAdministration extends RescueInput {
  medicationName: string;
  evidence: Evidence;
}

/** Check one rescue dose against the formulary; every problem names its field. */
export function validateRescue(
  input: RescueInput,
  formulary: readonly RescueFormularyEntry[],
  window: ChartWindow,
): Result<RescueAdministration> {
  const entry = formulary.find((e) => e.id === input.medicationId && e.active);
  if (!entry) return fail([{ field: 'medicationId', message: 'is not in the clinic’s rescue formulary' }]);
  const problems: Problem[] = [];
  if (!Number.isFinite(input.doseMg) || input.doseMg <= 0)
    problems.push({ field: 'doseMg', message: 'must be above 0 mg' });
  else if (entry.maxSingleDoseMg !== null && input.doseMg > entry.maxSingleDoseMg)
    problems.push({
      field: 'doseMg',
      message: `is above the clinic’s maximum single dose of ${entry.name} (${entry.maxSingleDoseMg} mg)`,
    });
  if (!entry.routes.includes(input.route))
    problems.push({
      field: 'route',
      message: `${entry.name} is given ${entry.routes.join(', ')} in this clinic`,
    });
  const time = timeProblem('givenAt', input.givenAt, window);
  if (time) problems.push(time);
  return problems.length > 0
    ? fail(problems)
    : ok({ ...input, medicationName: entry.name, evidence: entry.evidence });
}
