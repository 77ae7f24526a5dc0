import { STEP_DOSE_FIELD, stepDoseValue, type Protocol } from '../../../domain/protocols';
import { CEILING_LIMITS, type CeilingLimit } from './protocol-text';

// The revise form's values as typed and the changes they make; free of React so it is unit-tested.

export interface StepEdit {
  dose: string;
  /** Empty for a step without a duration (intranasal devices). */
  duration: string;
}

export type CeilingEdit = Record<CeilingLimit, string>;

export function stepEdits(p: Protocol): StepEdit[] {
  return p.steps.map((s) => ({
    dose: String(stepDoseValue(s)),
    duration: 'durationMin' in s ? String(s.durationMin) : '',
  }));
}

export function ceilingEdit(p: Protocol): CeilingEdit {
  return {
    mgPerKg: p.ceiling.mgPerKg?.toString() ?? '',
    mgPerKgPerHour: p.ceiling.mgPerKgPerHour?.toString() ?? '',
    totalMg: p.ceiling.totalMg?.toString() ?? '',
  };
}

/** The revised steps and ceiling; an empty ceiling limit is left out rather than sent as zero. */
export function revisionChanges(p: Protocol, steps: readonly StepEdit[], ceiling: CeilingEdit) {
  const nextSteps = p.steps.map((s, i) => {
    const edit = steps[i]!;
    const next: Record<string, unknown> = { ...s, [STEP_DOSE_FIELD[s.kind]]: Number(edit.dose) };
    if ('durationMin' in s) next.durationMin = Number(edit.duration);
    return next;
  });
  const nextCeiling: Record<string, unknown> = { ...p.ceiling };
  for (const { key } of CEILING_LIMITS)
    nextCeiling[key] = ceiling[key].trim() === '' ? undefined : Number(ceiling[key]);
  // JSON drops the undefined limits, as the request body would.
  return { steps: nextSteps, ceiling: JSON.parse(JSON.stringify(nextCeiling)) as unknown };
}

/** The server's message followed by every field problem, including those with no input of their own. */
export function revisionErrorText(message: string, errors: Record<string, string>): string {
  const fields = Object.entries(errors)
    .map(([f, m]) => `${f} ${m}`)
    .join('; ');
  return Object.keys(errors).length ? `${message}: ${fields}` : message;
}
