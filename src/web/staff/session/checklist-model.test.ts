import { describe, expect, it } from 'vitest';
import { checklistAnswersFrom, checklistFormFrom, vitalsLine } from './checklist-model';

describe('the checklist form', () => {
  it('starts empty when nothing is answered', () => {
    const form = checklistFormFrom({});
    expect(form.identifiers).toEqual([]);
    expect(form.baselineLine).toBe('');
    expect(form.pregnancyTest).toBe('');
  });

  it('sends every answer, with blanks as null', () => {
    const form = {
      ...checklistFormFrom({}),
      identifiers: ['name' as const, 'date_of_birth' as const],
      hoursSinceFood: '6',
      escortConfirmed: true,
      weightKg: '72,5',
      baselineLine: '150/95 80 97 14',
      suicideRiskAcknowledgement: '  ',
    };
    const result = checklistAnswersFrom(form);
    expect(result).toEqual({
      ok: true,
      answers: expect.objectContaining({
        identifiers: ['name', 'date_of_birth'],
        fasting: { hoursSinceFood: 6, minutesSinceLiquid: null, followedInstructions: false },
        escortConfirmed: true,
        weightKg: 72.5,
        baselineVitals: { systolic: 150, diastolic: 95, heartRate: 80, spo2: 97, respiratoryRate: 14 },
        pregnancyTest: null,
        suicideRiskAcknowledgement: null,
      }),
    });
  });

  it('keeps a pregnancy result only when the patient can be pregnant', () => {
    const base = { ...checklistFormFrom({}), pregnancyTest: 'negative' as const };
    const no = checklistAnswersFrom(base);
    const yes = checklistAnswersFrom({ ...base, canBePregnant: true });
    expect(no.ok && no.answers.pregnancyTest).toBeNull();
    expect(yes.ok && yes.answers.pregnancyTest).toBe('negative');
  });

  it('names the baseline when its line cannot be read', () => {
    const result = checklistAnswersFrom({ ...checklistFormFrom({}), baselineLine: '142 88' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.baselineVitals).toMatch(/blood pressure/);
  });

  it('fills the form back from saved answers', () => {
    const saved = {
      identifiers: ['mrn', 'name', 'bogus'],
      fasting: { hoursSinceFood: 8, followedInstructions: true },
      baselineVitals: { systolic: 138, diastolic: 84, heartRate: 70, spo2: 99, respiratoryRate: null },
      pregnancyTest: 'negative',
      canBePregnant: true,
      suicideRiskAcknowledgement: 'Reviewed with the physician',
    };
    const form = checklistFormFrom(saved);
    expect(form.identifiers).toEqual(['name', 'mrn']);
    expect(form.hoursSinceFood).toBe('8');
    expect(form.followedInstructions).toBe(true);
    expect(form.baselineLine).toBe('138/84 70 99');
    expect(form.pregnancyTest).toBe('negative');
    expect(vitalsLine(null)).toBe('');
  });
});
