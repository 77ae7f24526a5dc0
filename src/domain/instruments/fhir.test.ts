import { describe, expect, it } from 'vitest';
import { INSTRUMENT_IDS, scoreResponse, toFhirObservation, toFhirQuestionnaire } from './index';
import { expectOk } from './test-support';

type Item = {
  linkId: string;
  text: string;
  required?: boolean;
  code?: { code: string; extension?: unknown[] }[];
  enableWhen?: { question: string; answerCoding: { code: string } }[];
  answerOption?: { valueCoding: { code: string; display: string }; extension?: { valueDecimal: number }[] }[];
};

describe('toFhirQuestionnaire', () => {
  it('expresses PHQ-9 with LOINC panel, item and answer codes and ordinal values', () => {
    const q = toFhirQuestionnaire('phq9');
    expect(q).toMatchObject({ resourceType: 'Questionnaire', status: 'active', code: [{ code: '44249-1' }] });
    const items = q.item as Item[];
    const item9 = items.find((i) => i.linkId === 'item9')!;
    expect(item9.required).toBe(true);
    expect(item9.code?.[0]?.code).toBe('44260-8');
    expect(item9.text).toBe('Thoughts that you would be better off dead or of hurting yourself in some way');
    expect(item9.answerOption?.map((o) => [o.valueCoding.code, o.extension?.[0]?.valueDecimal])).toEqual([
      ['LA6568-5', 0],
      ['LA6569-3', 1],
      ['LA6570-1', 2],
      ['LA6571-9', 3],
    ]);
    const difficulty = items.find((i) => i.linkId === 'difficulty')!;
    expect(difficulty.required).toBe(false);
    expect(difficulty.answerOption?.[0]?.extension).toBeUndefined();
    expect(items.find((i) => i.linkId === 'total')?.code?.[0]?.code).toBe('44261-6');
  });

  it('leaves unverified codes out unless asked, then marks them', () => {
    const plain = toFhirQuestionnaire('pcl5').item as Item[];
    expect(plain.find((i) => i.linkId === 'total')?.code).toBeUndefined();
    const opted = toFhirQuestionnaire('pcl5', { includeUnverifiedCodes: true }).item as Item[];
    expect(opted.find((i) => i.linkId === 'total')?.code?.[0]).toMatchObject({
      code: '91006-2',
      extension: [{ valueCode: 'unverified' }],
    });
  });

  it('carries C-SSRS skip logic as enableWhen and stores labels, not wording', () => {
    const q = toFhirQuestionnaire('cssrs-screener');
    const items = q.item as Item[];
    expect(items.find((i) => i.linkId === 'item3')?.enableWhen).toEqual([
      { question: 'item2', operator: '=', answerCoding: expect.objectContaining({ code: '1' }) },
    ]);
    expect(q.copyright).toMatch(/short labels/);
  });

  it('produces a Questionnaire for every instrument', () => {
    for (const id of INSTRUMENT_IDS) {
      const q = toFhirQuestionnaire(id);
      expect(q.id).toBe(id);
      expect((q.item as Item[]).length).toBeGreaterThan(0);
    }
  });
});

describe('toFhirObservation', () => {
  it('codes the PHQ-9 total with LOINC and explains the computation', () => {
    const r = expectOk(scoreResponse('phq9', [1, 1, 1, 1, 1, 1, 2, 1, 1]));
    const o = toFhirObservation(r, { subject: 'Patient/1', effectiveDateTime: '2025-01-02T10:00:00Z' });
    expect(o).toMatchObject({
      resourceType: 'Observation',
      status: 'final',
      subject: { reference: 'Patient/1' },
      valueQuantity: { value: 10 },
      interpretation: [{ text: 'moderate' }],
    });
    const codes = (o.code as { coding: { system: string; code: string }[] }).coding;
    expect(codes[0]).toMatchObject({ system: 'http://loinc.org', code: '44261-6' });
    expect((o.method as { text: string }).text).toContain('1 + 1 + 1 + 1 + 1 + 1 + 2 + 1 + 1 = 10');
    const components = o.component as { code: { coding: { code: string }[] }; valueBoolean?: boolean }[];
    expect(
      components.find((c) => c.code.coding[0]?.code === 'phq9:flag:suicidal-ideation')?.valueBoolean,
    ).toBe(true);
  });

  it('uses a categorical value for the C-SSRS risk and components for BPI means', () => {
    const c = expectOk(scoreResponse('cssrs-screener', [1, 1, 1, 1, 0, 0, null]));
    expect(toFhirObservation(c).valueCodeableConcept).toMatchObject({
      coding: [{ code: 'cssrs-screener:high' }],
    });
    const b = expectOk(
      scoreResponse('bpi-sf', {
        worst: 5,
        least: 5,
        average: 5,
        now: 4,
        mood: 1,
        sleep: 2,
        work: 3,
        walking: 1,
      }),
    );
    const o = toFhirObservation(b);
    expect(o.valueQuantity).toBeUndefined();
    expect(o.component).toContainEqual(
      expect.objectContaining({ valueQuantity: expect.objectContaining({ value: 4.75 }) }),
    );
  });
});
