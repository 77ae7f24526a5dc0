import { DEFAULT_BENZODIAZEPINE_TABLE } from './benzodiazepine-equivalents.js';
import type { IntakeAnswers, IntakeAnswerValues } from './intake-form.js';
import type { MedicationEntry } from './medications.js';
import { screeningRule } from './screening-rules.js';
import type { RuleEvaluation, RuleThreshold, ScreeningInputs } from './screening-types.js';

/** A complete intake with nothing to report: every rule that reads only intake is clear on it. */
export const CLEAN_INTAKE: IntakeAnswerValues = {
  psychosis_history: 'no',
  psychosis_current: 'no',
  mania_history: 'no',
  prior_episodes: 2,
  antidepressant_trials: [
    { drug: 'sertraline', doseMg: 150, weeks: 8 },
    { drug: 'Wellbutrin XL', doseMg: 300, weeks: 10 },
  ],
  hypertension: 'no',
  bp_reading: { systolic: 122, diastolic: 78, measuredOn: '2026-02-20' },
  cardiovascular_disease: 'no',
  cerebrovascular_disease: 'no',
  aneurysm_or_avm: 'no',
  intracerebral_haemorrhage: 'no',
  hypertensive_encephalopathy: 'no',
  hepatic_disease: 'none',
  raised_intracranial_pressure: 'no',
  raised_intraocular_pressure: 'no',
  interstitial_cystitis: 'no',
  seizures: 'no',
  substance_use_current: 'no',
  substance_use_history: 'no',
  alcohol_drinks_per_week: 2,
  pregnancy: 'no',
  anaesthesia_problems: 'no',
  anaesthesia_problems_details: '',
  allergies: [{ substance: 'penicillin', reaction: 'rash' }],
  ketamine_hypersensitivity: 'no',
  prior_ketamine: false,
  prior_esketamine: false,
  prior_ketamine_last_date: '2025-06-01',
  goals: 'Get back to work and enjoy time with my family.',
};

export const med = (
  drug: string,
  doseMg: number | null = null,
  timesPerDay: number | null = null,
  asNeeded = false,
): MedicationEntry => ({ drug, doseMg, timesPerDay, asNeeded });

export interface InputOverrides extends Partial<Omit<ScreeningInputs, 'intake'>> {
  /** Merged over CLEAN_INTAKE; `intake: null` means no intake at all. */
  intake?: IntakeAnswers | null;
}

/** Inputs on which every rule is clear: a clean intake, no medicines, 120/80, PHQ-9 item 9 = 0, enrolled. */
export function screeningInputs(over: InputOverrides = {}): ScreeningInputs {
  const { intake, ...rest } = over;
  return {
    intake: intake === null ? null : { ...CLEAN_INTAKE, ...(intake ?? {}) },
    medications: [],
    vitals: { systolic: 120, diastolic: 80, measuredAt: '2026-03-02T09:00:00.000Z' },
    phq9Item9: 0,
    remsEnrolled: true,
    benzoTable: DEFAULT_BENZODIAZEPINE_TABLE,
    ...rest,
  };
}

/** Runs one rule by id with its default threshold, or with `value` in place of the default's value. */
export function runRule(
  id: string,
  over: InputOverrides = {},
  value?: RuleThreshold['value'],
): RuleEvaluation {
  const rule = screeningRule(id);
  if (!rule) throw new Error(`no rule ${id}`);
  const threshold = rule.threshold && value !== undefined ? { ...rule.threshold, value } : rule.threshold;
  return rule.evaluate(screeningInputs(over), threshold);
}
