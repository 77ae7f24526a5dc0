import { describe, expect, it } from 'vitest';
import {
  countAdequateTrials,
  INTAKE_ITEMS,
  intakeSections,
  isIsoDate,
  validateIntakeAnswers,
  type IntakeAnswerValues,
} from './intake-form.js';
import { CLEAN_INTAKE } from './intake.test-helper.js';

const fields = (r: ReturnType<typeof validateIntakeAnswers>) => (r.ok ? [] : r.problems.map((p) => p.field));

const REQUIRED_BY_BRIEF = [
  'psychosis_history',
  'mania_history',
  'prior_episodes',
  'antidepressant_trials',
  'hypertension',
  'bp_reading',
  'cardiovascular_disease',
  'cerebrovascular_disease',
  'aneurysm_or_avm',
  'intracerebral_haemorrhage',
  'hypertensive_encephalopathy',
  'hepatic_disease',
  'raised_intracranial_pressure',
  'raised_intraocular_pressure',
  'interstitial_cystitis',
  'seizures',
  'substance_use_current',
  'substance_use_history',
  'alcohol_drinks_per_week',
  'pregnancy',
  'anaesthesia_problems',
  'allergies',
  'ketamine_hypersensitivity',
  'prior_ketamine',
  'prior_esketamine',
  'goals',
];

describe('the intake form as data', () => {
  it('has every item screening needs, each once, in a known section', () => {
    const ids = INTAKE_ITEMS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED_BY_BRIEF) expect(ids).toContain(id);
    for (const item of INTAKE_ITEMS) expect(intakeSections).toContain(item.section);
    // Every section has a question.
    for (const s of intakeSections) expect(INTAKE_ITEMS.some((i) => i.section === s)).toBe(true);
  });

  it('gives the fixed answer sets the screening rules rely on', () => {
    const options = (id: string) => INTAKE_ITEMS.find((i) => i.id === id)?.options?.map((o) => o.value);
    expect(options('hepatic_disease')).toEqual(['none', 'mild', 'moderate', 'severe']);
    expect(options('pregnancy')).toEqual(['no', 'yes', 'possibly', 'breastfeeding']);
    expect(options('aneurysm_or_avm')).toEqual(['yes', 'no', 'unsure']);
    for (const item of INTAKE_ITEMS) {
      if (item.kind === 'choice' || item.kind === 'yes_no_unsure')
        expect(item.options?.length).toBeGreaterThan(1);
      expect(item.label.length).toBeGreaterThan(10);
    }
  });

  it('covers every answer key with exactly one item (the clean fixture answers all of them)', () => {
    expect(Object.keys(CLEAN_INTAKE).sort()).toEqual(INTAKE_ITEMS.map((i) => i.id).sort());
  });
});

describe('validateIntakeAnswers', () => {
  it('accepts a complete intake and returns it trimmed, without blank optional items', () => {
    const r = validateIntakeAnswers({ ...CLEAN_INTAKE, goals: '  Feel better  ' }, { complete: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.goals).toBe('Feel better');
    expect('anaesthesia_problems_details' in r.value).toBe(false);
    expect(r.value.allergies).toEqual([{ substance: 'penicillin', reaction: 'rash' }]);
  });

  it('allows a partial save but not a partial submission', () => {
    expect(validateIntakeAnswers({ psychosis_history: 'no' }, { complete: false })).toEqual({
      ok: true,
      value: { psychosis_history: 'no' },
    });
    const r = validateIntakeAnswers({ psychosis_history: 'no' }, { complete: true });
    expect(fields(r)).toContain('answers.goals');
    expect(fields(r)).not.toContain('answers.psychosis_history');
    // Optional items are never required.
    expect(fields(r)).not.toContain('answers.bp_reading');
    expect(fields(r)).not.toContain('answers.prior_ketamine_last_date');
  });

  it('treats null and blank text as unanswered', () => {
    const r = validateIntakeAnswers({ ...CLEAN_INTAKE, goals: '   ', bp_reading: null }, { complete: true });
    expect(fields(r)).toEqual(['answers.goals']);
  });

  it('refuses ids that are not questions, and input that is not an object', () => {
    expect(
      fields(validateIntakeAnswers({ ...CLEAN_INTAKE, favourite_colour: 'blue' }, { complete: true })),
    ).toEqual(['answers.favourite_colour']);
    expect(fields(validateIntakeAnswers([], { complete: false }))).toEqual(['answers']);
    expect(fields(validateIntakeAnswers(null, { complete: false }))).toEqual(['answers']);
  });

  it.each<[string, Partial<Record<keyof IntakeAnswerValues, unknown>>]>([
    ['yes_no_unsure outside its options', { aneurysm_or_avm: 'maybe' }],
    ['yes_no that is not a boolean', { prior_ketamine: 'yes' }],
    ['choice outside its options', { hepatic_disease: 'terrible' }],
    ['number below its range', { alcohol_drinks_per_week: -1 }],
    ['number above its range', { prior_episodes: 101 }],
    ['whole number with a fraction', { prior_episodes: 2.5 }],
    ['number given as text', { alcohol_drinks_per_week: '3' }],
    ['text that is too long', { goals: 'x'.repeat(2001) }],
    ['impossible date', { prior_ketamine_last_date: '2026-02-30' }],
    ['date in another format', { prior_ketamine_last_date: '01/06/2025' }],
    [
      'blood pressure with diastolic above systolic',
      { bp_reading: { systolic: 80, diastolic: 120, measuredOn: '2026-01-01' } },
    ],
    [
      'blood pressure out of range',
      { bp_reading: { systolic: 1400, diastolic: 90, measuredOn: '2026-01-01' } },
    ],
    ['blood pressure without a date', { bp_reading: { systolic: 140, diastolic: 90 } }],
    [
      'blood pressure with an extra field',
      { bp_reading: { systolic: 140, diastolic: 90, measuredOn: '2026-01-01', pulse: 70 } },
    ],
    ['trials that are not a list', { antidepressant_trials: 'sertraline' }],
    ['a trial without a drug', { antidepressant_trials: [{ drug: ' ', doseMg: 50, weeks: 6 }] }],
    [
      'a trial with a negative dose',
      { antidepressant_trials: [{ drug: 'sertraline', doseMg: -50, weeks: 6 }] },
    ],
    [
      'a trial with a misspelt field',
      { antidepressant_trials: [{ drug: 'sertraline', dose: 50, weeks: 6 }] },
    ],
    ['an allergy without a substance', { allergies: [{ substance: '', reaction: 'rash' }] }],
    ['an allergy row that is not an object', { allergies: ['penicillin'] }],
  ])('names the item for %s', (_, bad) => {
    const [id] = Object.keys(bad);
    const r = validateIntakeAnswers({ ...CLEAN_INTAKE, ...bad }, { complete: true });
    expect(fields(r)).toEqual([`answers.${id}`]);
    if (!r.ok) expect(r.problems[0]!.message.length).toBeGreaterThan(5);
  });

  it('refuses future dates only when told the date', () => {
    const future = { ...CLEAN_INTAKE, prior_ketamine_last_date: '2026-03-03' };
    expect(validateIntakeAnswers(future, { complete: true }).ok).toBe(true);
    expect(fields(validateIntakeAnswers(future, { complete: true, today: '2026-03-02' }))).toEqual([
      'answers.prior_ketamine_last_date',
    ]);
    expect(validateIntakeAnswers(future, { complete: true, today: '2026-03-03' }).ok).toBe(true);
  });

  it('keeps unknown trial doses and weeks as null and empty allergy reactions as null', () => {
    const r = validateIntakeAnswers(
      {
        antidepressant_trials: [{ drug: 'Prozac', doseMg: null, weeks: null }],
        allergies: [{ substance: 'latex', reaction: '  ' }],
      },
      { complete: false },
    );
    expect(r).toEqual({
      ok: true,
      value: {
        antidepressant_trials: [{ drug: 'Prozac', doseMg: null, weeks: null }],
        allergies: [{ substance: 'latex', reaction: null }],
      },
    });
  });

  it('reports one problem per bad item', () => {
    const r = validateIntakeAnswers(
      { ...CLEAN_INTAKE, aneurysm_or_avm: 1, pregnancy: 'unsure', nope: true },
      { complete: true },
    );
    expect(fields(r).sort()).toEqual(['answers.aneurysm_or_avm', 'answers.nope', 'answers.pregnancy']);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    [20260101, false],
  ])('%s → %s', (s, expected) => expect(isIsoDate(s)).toBe(expected));
});

describe('countAdequateTrials (≥ 6 weeks at a stated dose; distinct drugs)', () => {
  it.each([
    ['none', [], 0],
    ['6 weeks counts', [{ drug: 'sertraline', doseMg: 100, weeks: 6 }], 1],
    ['5.9 weeks does not', [{ drug: 'sertraline', doseMg: 100, weeks: 5.9 }], 0],
    ['no dose given does not', [{ drug: 'sertraline', doseMg: null, weeks: 12 }], 0],
    ['no duration given does not', [{ drug: 'sertraline', doseMg: 100, weeks: null }], 0],
    [
      'two different drugs count twice',
      [
        { drug: 'sertraline', doseMg: 100, weeks: 8 },
        { drug: 'venlafaxine', doseMg: 150, weeks: 6 },
      ],
      2,
    ],
    [
      'the same drug twice counts once',
      [
        { drug: 'sertraline', doseMg: 100, weeks: 8 },
        { drug: 'Sertraline ', doseMg: 200, weeks: 8 },
      ],
      1,
    ],
    [
      'a brand and its generic are the same drug',
      [
        { drug: 'Lexapro', doseMg: 20, weeks: 8 },
        { drug: 'escitalopram', doseMg: 20, weeks: 8 },
      ],
      1,
    ],
    [
      'an unknown name counts by its name',
      [
        { drug: 'agomelatine', doseMg: 25, weeks: 8 },
        { drug: 'Agomelatine', doseMg: 50, weeks: 8 },
      ],
      1,
    ],
  ])('%s', (_, trials, n) => expect(countAdequateTrials(trials)).toBe(n));

  it('takes another minimum when a clinic sets one', () => {
    expect(countAdequateTrials([{ drug: 'sertraline', doseMg: 100, weeks: 6 }], { minWeeks: 8 })).toBe(0);
  });
});
