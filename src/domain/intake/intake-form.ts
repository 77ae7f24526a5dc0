import { fail, ok, type Problem, type Result } from './intake-types.js';
import { classifyMedication, normaliseDrugName } from './medications.js';

/**
 * The intake questionnaire as data. The screen renders it, the server validates against it and the
 * screening rules read its answers by item id, so a question is added or reworded here and nowhere
 * else. Labels are addressed to the patient, who may fill the form in at a clinic tablet.
 *
 * What it asks follows what screening needs (docs/clinical-sources.md#pre-treatment-contraindications):
 * the esketamine contraindications, the IV relative contraindications, and the history the SPRAVATO
 * label asks prescribers to collect.
 */

export const intakeSections = [
  'psychiatric_history',
  'antidepressant_trials',
  'medical_history',
  'substance_use',
  'pregnancy_lactation',
  'anaesthesia_history',
  'allergies',
  'prior_ketamine',
  'goals',
] as const;
export type IntakeSection = (typeof intakeSections)[number];

export const intakeSectionLabels: Record<IntakeSection, string> = {
  psychiatric_history: 'Your mental health history',
  antidepressant_trials: 'Antidepressants you have tried',
  medical_history: 'Your physical health',
  substance_use: 'Alcohol and drugs',
  pregnancy_lactation: 'Pregnancy and breastfeeding',
  anaesthesia_history: 'Anaesthetics',
  allergies: 'Allergies',
  prior_ketamine: 'Ketamine or esketamine before',
  goals: 'Your goals',
};

export type IntakeItemKind =
  | 'yes_no'
  | 'yes_no_unsure'
  | 'choice'
  | 'number'
  | 'text'
  | 'date'
  | 'blood_pressure'
  | 'trials'
  | 'allergies';

export type YesNoUnsure = 'yes' | 'no' | 'unsure';
export type HepaticDisease = 'none' | 'mild' | 'moderate' | 'severe';
export type PregnancyStatus = 'no' | 'yes' | 'possibly' | 'breastfeeding';

/** One antidepressant the patient has taken. Unknown dose or duration is null (patients often forget). */
export interface AntidepressantTrial {
  drug: string;
  /** Daily dose in mg (the highest the patient took). */
  doseMg: number | null;
  /** Weeks at that dose. */
  weeks: number | null;
}

export interface BloodPressureReading {
  systolic: number;
  diastolic: number;
  /** YYYY-MM-DD. */
  measuredOn: string;
}

export interface Allergy {
  substance: string;
  reaction: string | null;
}

/** The answer to every item, by id. */
export interface IntakeAnswerValues {
  psychosis_history: YesNoUnsure;
  psychosis_current: YesNoUnsure;
  mania_history: YesNoUnsure;
  prior_episodes: number;
  antidepressant_trials: AntidepressantTrial[];
  hypertension: YesNoUnsure;
  bp_reading: BloodPressureReading;
  cardiovascular_disease: YesNoUnsure;
  cerebrovascular_disease: YesNoUnsure;
  aneurysm_or_avm: YesNoUnsure;
  intracerebral_haemorrhage: YesNoUnsure;
  hypertensive_encephalopathy: YesNoUnsure;
  hepatic_disease: HepaticDisease;
  raised_intracranial_pressure: YesNoUnsure;
  raised_intraocular_pressure: YesNoUnsure;
  interstitial_cystitis: YesNoUnsure;
  seizures: YesNoUnsure;
  substance_use_current: YesNoUnsure;
  substance_use_history: YesNoUnsure;
  alcohol_drinks_per_week: number;
  pregnancy: PregnancyStatus;
  anaesthesia_problems: YesNoUnsure;
  anaesthesia_problems_details: string;
  allergies: Allergy[];
  ketamine_hypersensitivity: YesNoUnsure;
  prior_ketamine: boolean;
  prior_esketamine: boolean;
  prior_ketamine_last_date: string;
  goals: string;
}
export type IntakeItemId = keyof IntakeAnswerValues;

/** Answers as stored: an unanswered item is absent (partial saves are allowed). */
export type IntakeAnswers = Partial<IntakeAnswerValues>;

export interface IntakeOption {
  value: string;
  label: string;
}

export interface IntakeItem {
  id: IntakeItemId;
  section: IntakeSection;
  kind: IntakeItemKind;
  /** Plain English, addressed to the patient. */
  label: string;
  /** A line under the question for the patient. */
  help?: string;
  /** choice and yes_no_unsure: the values allowed (a yes_no answer is a boolean and has no options). */
  options?: readonly IntakeOption[];
  /** number: the range; text: the most characters; trials/allergies: the most rows. */
  min?: number;
  max?: number;
  integer?: boolean;
  unit?: string;
  required: boolean;
}

const YES_NO_UNSURE: readonly IntakeOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unsure', label: 'Not sure' },
];

const yesNoUnsure = (id: IntakeItemId, section: IntakeSection, label: string, help?: string): IntakeItem => ({
  id,
  section,
  kind: 'yes_no_unsure',
  label,
  options: YES_NO_UNSURE,
  required: true,
  ...(help === undefined ? {} : { help }),
});

/** Free text is capped so a pasted document cannot fill the record; the caps are not clinical. */
const TEXT_MAX = 2000;

export const INTAKE_ITEMS: readonly IntakeItem[] = [
  // Psychiatric history
  yesNoUnsure(
    'psychosis_history',
    'psychiatric_history',
    'Have you ever had psychosis — for example hearing voices or seeing things other people could not, or holding beliefs that others said were not real?',
  ),
  yesNoUnsure(
    'psychosis_current',
    'psychiatric_history',
    'Have you had any experiences like these in the past month?',
  ),
  yesNoUnsure(
    'mania_history',
    'psychiatric_history',
    'Have you ever had a period of mania or hypomania — days of unusually high energy, little need for sleep and racing thoughts — or been told you have bipolar disorder?',
  ),
  {
    id: 'prior_episodes',
    section: 'psychiatric_history',
    kind: 'number',
    label: 'About how many separate episodes of depression have you had, counting this one?',
    help: 'Enter 0 if you have not had depression.',
    min: 0,
    max: 100,
    integer: true,
    required: true,
  },
  // Antidepressant trials
  {
    id: 'antidepressant_trials',
    section: 'antidepressant_trials',
    kind: 'trials',
    label:
      'Which antidepressants have you taken? For each one, the highest daily dose and how many weeks you took it at that dose.',
    help: 'Leave the dose or the weeks empty if you do not remember. Add none if you have not taken any.',
    max: 30,
    required: true,
  },
  // Medical history
  yesNoUnsure('hypertension', 'medical_history', 'Have you been told you have high blood pressure?'),
  {
    id: 'bp_reading',
    section: 'medical_history',
    kind: 'blood_pressure',
    label: 'Your most recent blood pressure reading, if you know it, and the date it was taken.',
    unit: 'mmHg',
    required: false,
  },
  yesNoUnsure(
    'cardiovascular_disease',
    'medical_history',
    'Do you have a heart condition — for example a past heart attack, heart failure, angina or an irregular heartbeat?',
  ),
  yesNoUnsure(
    'cerebrovascular_disease',
    'medical_history',
    'Have you had a stroke or a "mini-stroke" (TIA), or been told you have narrowed blood vessels in the brain?',
  ),
  yesNoUnsure(
    'aneurysm_or_avm',
    'medical_history',
    'Have you ever been told you have an aneurysm (a bulging blood vessel in the brain, chest, belly or elsewhere) or an arteriovenous malformation (AVM)?',
  ),
  yesNoUnsure('intracerebral_haemorrhage', 'medical_history', 'Have you ever had bleeding inside the brain?'),
  yesNoUnsure(
    'hypertensive_encephalopathy',
    'medical_history',
    'Have you ever had a blood-pressure emergency that affected your brain (hypertensive encephalopathy) — for example a severe headache, confusion or changes in vision with very high blood pressure?',
  ),
  {
    id: 'hepatic_disease',
    section: 'medical_history',
    kind: 'choice',
    label: 'Do you have liver disease? If you do, how severe did your doctor say it is?',
    options: [
      { value: 'none', label: 'No liver disease' },
      { value: 'mild', label: 'Mild' },
      { value: 'moderate', label: 'Moderate' },
      { value: 'severe', label: 'Severe' },
    ],
    required: true,
  },
  yesNoUnsure(
    'raised_intracranial_pressure',
    'medical_history',
    'Have you been told you have raised pressure inside your head (raised intracranial pressure)?',
  ),
  yesNoUnsure(
    'raised_intraocular_pressure',
    'medical_history',
    'Have you been told you have glaucoma or raised pressure inside your eyes?',
  ),
  yesNoUnsure(
    'interstitial_cystitis',
    'medical_history',
    'Do you have interstitial cystitis (also called bladder pain syndrome)?',
  ),
  yesNoUnsure('seizures', 'medical_history', 'Have you ever had a seizure, or been told you have epilepsy?'),
  // Substance use
  yesNoUnsure(
    'substance_use_current',
    'substance_use',
    'In the past 3 months, have you used recreational drugs, or taken a prescription medicine in a way it was not prescribed?',
  ),
  yesNoUnsure(
    'substance_use_history',
    'substance_use',
    'Have you ever had a problem with alcohol or drugs, or been treated for one?',
  ),
  {
    id: 'alcohol_drinks_per_week',
    section: 'substance_use',
    kind: 'number',
    label: 'On average, how many alcoholic drinks do you have in a week?',
    help: 'One drink is a can of beer, a glass of wine or a single measure of spirits. Enter 0 if you do not drink.',
    min: 0,
    max: 200,
    integer: true,
    unit: 'drinks a week',
    required: true,
  },
  // Pregnancy and lactation
  {
    id: 'pregnancy',
    section: 'pregnancy_lactation',
    kind: 'choice',
    label: 'Are you pregnant, could you be pregnant, or are you breastfeeding?',
    options: [
      { value: 'no', label: 'No, or this does not apply to me' },
      { value: 'yes', label: 'Yes, I am pregnant' },
      { value: 'possibly', label: 'I might be pregnant' },
      { value: 'breastfeeding', label: 'I am breastfeeding' },
    ],
    required: true,
  },
  // Anaesthesia history
  yesNoUnsure(
    'anaesthesia_problems',
    'anaesthesia_history',
    'Have you, or a close relative, ever had a problem with an anaesthetic?',
  ),
  {
    id: 'anaesthesia_problems_details',
    section: 'anaesthesia_history',
    kind: 'text',
    label: 'If so, what happened?',
    max: TEXT_MAX,
    required: false,
  },
  // Allergies
  {
    id: 'allergies',
    section: 'allergies',
    kind: 'allergies',
    label: 'Are you allergic to any medicines, foods or anything else? For each one, what happened?',
    help: 'Add none if you have no allergies.',
    max: 50,
    required: true,
  },
  yesNoUnsure(
    'ketamine_hypersensitivity',
    'allergies',
    'Have you ever had an allergic reaction to ketamine or esketamine (SPRAVATO)?',
  ),
  // Prior ketamine / esketamine
  {
    id: 'prior_ketamine',
    section: 'prior_ketamine',
    kind: 'yes_no',
    label: 'Have you had ketamine treatment before?',
    required: true,
  },
  {
    id: 'prior_esketamine',
    section: 'prior_ketamine',
    kind: 'yes_no',
    label: 'Have you had esketamine (SPRAVATO) before?',
    required: true,
  },
  {
    id: 'prior_ketamine_last_date',
    section: 'prior_ketamine',
    kind: 'date',
    label: 'If you have, when was your last treatment?',
    required: false,
  },
  // Goals
  {
    id: 'goals',
    section: 'goals',
    kind: 'text',
    label: 'What would you most like treatment to change for you?',
    max: TEXT_MAX,
    required: true,
  },
];

const ITEMS_BY_ID: ReadonlyMap<string, IntakeItem> = new Map(INTAKE_ITEMS.map((i) => [i.id, i]));

export function intakeItem(id: string): IntakeItem | undefined {
  return ITEMS_BY_ID.get(id);
}

/**
 * Plausible-entry limits for a blood-pressure reading. They catch typing errors (a missing or extra
 * digit, numbers swapped), not clinical values; an extreme but real reading is within them.
 */
export const BP_ENTRY_LIMITS = {
  systolic: { min: 60, max: 300 },
  diastolic: { min: 30, max: 200 },
} as const;

const TRIAL_LIMITS = { maxDrugLength: 200, maxDoseMg: 10_000, maxWeeks: 520 } as const;
const ALLERGY_LIMITS = { maxSubstanceLength: 200, maxReactionLength: 500 } as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

type Checked = { value: unknown } | { error: string };

function unknownKeys(v: Record<string, unknown>, allowed: readonly string[]): string | null {
  const extra = Object.keys(v).filter((k) => !allowed.includes(k));
  return extra.length > 0 ? `has fields it does not take: ${extra.join(', ')}` : null;
}

function checkDate(v: unknown, today: string | undefined): string | null {
  if (!isIsoDate(v)) return 'must be a date as YYYY-MM-DD';
  if (today !== undefined && v > today) return 'cannot be in the future';
  return null;
}

function checkBloodPressure(v: unknown, today: string | undefined): Checked {
  if (!isRecord(v)) return { error: 'must be a reading with systolic, diastolic and measuredOn' };
  const extra = unknownKeys(v, ['systolic', 'diastolic', 'measuredOn']);
  if (extra) return { error: extra };
  const { systolic, diastolic, measuredOn } = v;
  const whole = (n: unknown, lim: { min: number; max: number }) =>
    typeof n === 'number' && Number.isInteger(n) && n >= lim.min && n <= lim.max;
  if (!whole(systolic, BP_ENTRY_LIMITS.systolic)) {
    return {
      error: `systolic must be a whole number from ${BP_ENTRY_LIMITS.systolic.min} to ${BP_ENTRY_LIMITS.systolic.max} mmHg`,
    };
  }
  if (!whole(diastolic, BP_ENTRY_LIMITS.diastolic)) {
    return {
      error: `diastolic must be a whole number from ${BP_ENTRY_LIMITS.diastolic.min} to ${BP_ENTRY_LIMITS.diastolic.max} mmHg`,
    };
  }
  if ((diastolic as number) >= (systolic as number)) {
    return { error: 'diastolic (the lower number) must be below systolic (the upper number)' };
  }
  const dateError = checkDate(measuredOn, today);
  if (dateError) return { error: `measuredOn ${dateError}` };
  return { value: { systolic, diastolic, measuredOn } };
}

const optionalNumber = (n: unknown, max: number, allowZero: boolean): boolean =>
  n === null ||
  n === undefined ||
  (typeof n === 'number' && Number.isFinite(n) && (allowZero ? n >= 0 : n > 0) && n <= max);

function checkTrials(v: unknown, item: IntakeItem): Checked {
  if (!Array.isArray(v)) return { error: 'must be a list (empty when none)' };
  if (item.max !== undefined && v.length > item.max) return { error: `must have at most ${item.max} rows` };
  const out: AntidepressantTrial[] = [];
  for (const [i, row] of v.entries()) {
    const at = `row ${i + 1}`;
    if (!isRecord(row)) return { error: `${at} must have drug, doseMg and weeks` };
    const extra = unknownKeys(row, ['drug', 'doseMg', 'weeks']);
    if (extra) return { error: `${at} ${extra}` };
    const drug = typeof row.drug === 'string' ? row.drug.trim() : '';
    if (drug === '' || drug.length > TRIAL_LIMITS.maxDrugLength) {
      return {
        error: `${at}: drug must name the medicine (at most ${TRIAL_LIMITS.maxDrugLength} characters)`,
      };
    }
    if (!optionalNumber(row.doseMg, TRIAL_LIMITS.maxDoseMg, false)) {
      return { error: `${at}: doseMg must be above 0 and at most ${TRIAL_LIMITS.maxDoseMg}, or empty` };
    }
    if (!optionalNumber(row.weeks, TRIAL_LIMITS.maxWeeks, true)) {
      return { error: `${at}: weeks must be from 0 to ${TRIAL_LIMITS.maxWeeks}, or empty` };
    }
    out.push({
      drug,
      doseMg: (row.doseMg as number | undefined) ?? null,
      weeks: (row.weeks as number | undefined) ?? null,
    });
  }
  return { value: out };
}

function checkAllergies(v: unknown, item: IntakeItem): Checked {
  if (!Array.isArray(v)) return { error: 'must be a list (empty when none)' };
  if (item.max !== undefined && v.length > item.max) return { error: `must have at most ${item.max} rows` };
  const out: Allergy[] = [];
  for (const [i, row] of v.entries()) {
    const at = `row ${i + 1}`;
    if (!isRecord(row)) return { error: `${at} must have substance and reaction` };
    const extra = unknownKeys(row, ['substance', 'reaction']);
    if (extra) return { error: `${at} ${extra}` };
    const substance = typeof row.substance === 'string' ? row.substance.trim() : '';
    if (substance === '' || substance.length > ALLERGY_LIMITS.maxSubstanceLength) {
      return {
        error: `${at}: substance must name what you are allergic to (at most ${ALLERGY_LIMITS.maxSubstanceLength} characters)`,
      };
    }
    const reaction = row.reaction ?? null;
    if (
      reaction !== null &&
      (typeof reaction !== 'string' || reaction.length > ALLERGY_LIMITS.maxReactionLength)
    ) {
      return {
        error: `${at}: reaction must be text of at most ${ALLERGY_LIMITS.maxReactionLength} characters`,
      };
    }
    const r = typeof reaction === 'string' ? reaction.trim() : '';
    out.push({ substance, reaction: r === '' ? null : r });
  }
  return { value: out };
}

function checkItem(item: IntakeItem, v: unknown, today: string | undefined): Checked {
  switch (item.kind) {
    case 'yes_no':
      return typeof v === 'boolean' ? { value: v } : { error: 'must be yes or no' };
    case 'yes_no_unsure':
    case 'choice': {
      const values = (item.options ?? []).map((o) => o.value);
      return typeof v === 'string' && values.includes(v)
        ? { value: v }
        : { error: `must be one of: ${values.join(', ')}` };
    }
    case 'number': {
      const min = item.min ?? -Infinity;
      const max = item.max ?? Infinity;
      const good =
        typeof v === 'number' &&
        Number.isFinite(v) &&
        v >= min &&
        v <= max &&
        (!item.integer || Number.isInteger(v));
      return good
        ? { value: v }
        : { error: `must be a ${item.integer ? 'whole number' : 'number'} from ${min} to ${max}` };
    }
    case 'text': {
      if (typeof v !== 'string') return { error: 'must be text' };
      const max = item.max ?? TEXT_MAX;
      return v.trim().length > max ? { error: `must be at most ${max} characters` } : { value: v.trim() };
    }
    case 'date': {
      const error = checkDate(v, today);
      return error ? { error } : { value: v };
    }
    case 'blood_pressure':
      return checkBloodPressure(v, today);
    case 'trials':
      return checkTrials(v, item);
    case 'allergies':
      return checkAllergies(v, item);
  }
}

export interface IntakeValidationOptions {
  /** true: every required item must be answered (submission). false: a partial save. */
  complete: boolean;
  /** The clinic-local date (YYYY-MM-DD); when given, dates after it are refused. */
  today?: string;
}

/**
 * Checks intake answers as a client sends them: an object keyed by item id. Each bad item gives one
 * problem named `answers.<id>`; ids that are not intake questions are refused, so a renamed question
 * cannot lose answers silently. `null`, `undefined` and blank text mean "not answered": allowed in a
 * partial save, and for optional items. Strings are trimmed; the value returned holds only answered items.
 */
export function validateIntakeAnswers(
  answers: unknown,
  options: IntakeValidationOptions,
): Result<IntakeAnswers> {
  if (!isRecord(answers))
    return fail([{ field: 'answers', message: 'must be an object keyed by question id' }]);
  const problems: Problem[] = [];
  const out: Record<string, unknown> = {};
  for (const id of Object.keys(answers)) {
    if (!ITEMS_BY_ID.has(id)) problems.push({ field: `answers.${id}`, message: 'is not an intake question' });
  }
  for (const item of INTAKE_ITEMS) {
    const raw = answers[item.id];
    const blank = raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
    if (blank) {
      if (options.complete && item.required)
        problems.push({ field: `answers.${item.id}`, message: 'is required' });
      continue;
    }
    const checked = checkItem(item, raw, options.today);
    if ('error' in checked) problems.push({ field: `answers.${item.id}`, message: checked.error });
    else out[item.id] = checked.value;
  }
  return problems.length > 0 ? fail(problems) : ok(out as IntakeAnswers);
}

/**
 * How an antidepressant trial counts as adequate, for treatment resistance. An ENGINEERING DEFAULT, not a
 * clinical rule from a single source (docs/clinical-sources.md#adequate-antidepressant-trial): research
 * definitions of treatment-resistant depression (the SPRAVATO trials' "at least two antidepressants of
 * adequate dose and duration"; questionnaires such as the MGH Antidepressant Treatment Response
 * Questionnaire) count a trial of at least 6 weeks at an adequate dose. Arbor cannot judge whether a dose
 * was adequate for each drug (there is no minimum-dose table), so it counts a trial when a dose was given
 * at all; the clinician confirms adequacy.
 */
export interface AdequateTrialRule {
  minWeeks: number;
}
export const DEFAULT_ADEQUATE_TRIAL_RULE: AdequateTrialRule = Object.freeze({ minWeeks: 6 });

/**
 * The number of different antidepressants taken for at least `minWeeks` weeks at a stated dose. Two
 * trials of the same drug count once, and a brand and its generic are the same drug (Lexapro =
 * escitalopram), because treatment resistance is about different medicines failing.
 */
export function countAdequateTrials(
  trials: readonly AntidepressantTrial[],
  rule: AdequateTrialRule = DEFAULT_ADEQUATE_TRIAL_RULE,
): number {
  const drugs = new Set<string>();
  for (const t of trials) {
    if (t.weeks === null || t.weeks < rule.minWeeks) continue;
    if (t.doseMg === null || !(t.doseMg > 0)) continue;
    drugs.add(classifyMedication(t.drug).generic ?? normaliseDrugName(t.drug));
  }
  return drugs.size;
}
