import { describe, expect, it } from 'vitest';
import { validateIntakeAnswers, validateMedications } from '../../../domain/intake/index.js';
import { CLEAN_INTAKE, med } from '../../../domain/intake/intake.test-helper.js';
import { intakeFormFields } from './intake-form-fields.test-helper.js';
import { readIntakeFormPost } from './intake-form-post.js';

const post = (fields: Array<[string, string]>) => readIntakeFormPost(new URLSearchParams(fields));

describe('reading the patient’s intake form post', () => {
  it('gives back a complete intake and medication list as typed in the browser', () => {
    const medicines = [med('naltrexone', 50, 1), med('lorazepam', 1, 2, true)];
    const read = post(intakeFormFields(CLEAN_INTAKE, medicines));
    const checked = validateIntakeAnswers(read.answers, { complete: true, today: '2026-12-03' });
    const { anaesthesia_problems_details: _blank, ...answered } = CLEAN_INTAKE;
    expect(checked).toEqual({ ok: true, value: answered });
    expect(validateMedications(read.medications)).toEqual({ ok: true, value: medicines });
    expect(read.noMedications).toBe(false);
  });

  it('skips blank rows and blank answers, and reads "none" only when ticked', () => {
    const read = post([
      ['antidepressant_trials.0.drug', ''],
      ['antidepressant_trials.1.drug', 'fluoxetine'],
      ['antidepressant_trials.1.doseMg', ''],
      ['allergies.none', '1'],
      ['goals', '   '],
      ['med.none', '1'],
    ]);
    expect(read.answers).toEqual({
      antidepressant_trials: [{ drug: 'fluoxetine', doseMg: null, weeks: null }],
      allergies: [],
    });
    expect(read.medications).toEqual([]);
    expect(read.noMedications).toBe(true);
  });

  it('passes a word typed where a number belongs to the rules, which name the question', () => {
    const read = post([
      ['prior_episodes', 'several'],
      ['med.0.drug', 'sertraline'],
      ['med.0.doseMg', 'lots'],
    ]);
    expect(read.answers.prior_episodes).toBe('several');
    const checked = validateIntakeAnswers(read.answers, { complete: false });
    expect(checked.ok ? [] : checked.problems.map((p) => p.field)).toEqual(['answers.prior_episodes']);
    const meds = validateMedications(read.medications);
    expect(meds.ok ? [] : meds.problems.map((p) => p.field)).toEqual(['medications.0.doseMg']);
  });

  it('refuses a question sent twice instead of picking one of the values', () => {
    const read = post([
      ['pregnancy', 'no'],
      ['pregnancy', 'yes'],
    ]);
    const checked = validateIntakeAnswers(read.answers, { complete: false });
    expect(checked.ok ? [] : checked.problems.map((p) => p.field)).toEqual(['answers.pregnancy']);
  });

  it('reads a blood pressure with a missing date as an answer the rules refuse', () => {
    const read = post([
      ['bp_reading.systolic', '150'],
      ['bp_reading.diastolic', '95'],
    ]);
    expect(read.answers.bp_reading).toEqual({ systolic: 150, diastolic: 95, measuredOn: '' });
    expect(validateIntakeAnswers(read.answers, { complete: false }).ok).toBe(false);
  });
});
