import { describe, expect, it } from 'vitest';
import type { ProtocolList } from '../../../contracts/dosing';
import { PROTOCOL_LIBRARY } from '../../../domain/protocols';
import { ApiError } from '../api-client';
import {
  chartSexOf,
  citationText,
  doseInputsOf,
  initialDoseForm,
  overrideHint,
  protocolChoices,
  protocolOptionLabel,
  serverErrorsOf,
  stepOptionLabel,
  withFieldChange,
  type DoseFormState,
} from './dose-calculator-model';

const ivDepression = PROTOCOL_LIBRARY.find((p) => p.id === 'iv-depression')!;
const esketamine = PROTOCOL_LIBRARY.find((p) => p.route === 'intranasal')!;
const filled: DoseFormState = {
  ...initialDoseForm('female'),
  weight: ' 80 ',
  height: '168',
  vial: '50',
  bag: '100',
};

describe('dose calculator model', () => {
  it('pre-fills only the two sexes the ideal-weight formula knows', () => {
    expect(chartSexOf('female')).toBe('female');
    expect(chartSexOf('male')).toBe('male');
    expect(chartSexOf('unknown' as never)).toBe('');
    expect(initialDoseForm('male')).toMatchObject({ protocol: 'library:iv-depression:1', sex: 'male' });
  });

  it('offers the newest clinic versions first, then the library', () => {
    const maple = (version: number, latest: boolean) => ({
      origin: 'clinic',
      latest,
      protocol: { ...ivDepression, id: 'maple', name: 'Maple', version },
    });
    const list = {
      clinic: [maple(1, false), maple(2, true)],
      library: [{ origin: 'library', latest: true, protocol: ivDepression }],
    } as unknown as ProtocolList;
    const choices = protocolChoices(list);
    expect(choices.map((c) => c.key)).toEqual(['clinic:maple:2', 'library:iv-depression:1']);
    expect(protocolOptionLabel(choices[0]!)).toBe('Clinic: Maple (v2)');
  });

  it('starts at the first step when another protocol is chosen', () => {
    const choices = [{ key: 'library:esk:1', protocol: esketamine, group: 'Library' as const }];
    expect(withFieldChange(filled, 'protocol', 'library:esk:1', choices).step).toBe(esketamine.steps[0]!.id);
    expect(withFieldChange(filled, 'protocol', 'nope', choices).step).toBe('');
    expect(withFieldChange(filled, 'weight', '81', choices)).toEqual({ ...filled, weight: '81' });
  });

  it('builds an IV body with units, or names each blank field', () => {
    expect(doseInputsOf(filled, ivDepression)).toEqual({
      errors: {},
      body: {
        protocol: { origin: 'library', id: 'iv-depression', version: 1 },
        stepId: 'standard',
        patient: { weight: { value: 80, unit: 'kg' }, height: { value: 168, unit: 'cm' }, sex: 'female' },
        preparation: {
          vialConcentration: { value: 50, unit: 'mg/mL' },
          bagVolume: { value: 100, unit: 'mL' },
        },
      },
    });
    const blank = doseInputsOf({ ...initialDoseForm(''), override: 'x' }, ivDepression);
    expect(blank.body).toBeUndefined();
    expect(Object.keys(blank.errors).sort()).toEqual(['bag', 'height', 'override', 'sex', 'vial', 'weight']);
    expect(doseInputsOf(filled, undefined).errors.protocol).toBe('Choose a protocol');
  });

  it('adds the override in the step unit and the session count', () => {
    const { body } = doseInputsOf({ ...filled, override: '0.6', sessions: '3' }, ivDepression);
    expect(body?.doseOverride).toEqual({ value: 0.6, unit: 'mg/kg' });
    expect(body?.history).toEqual({ sessionsWithoutResponse: 3 });
  });

  it('needs no patient or preparation for an intranasal step', () => {
    const form = { ...initialDoseForm(''), protocol: 'library:esk:1', step: esketamine.steps[0]!.id };
    const { body, errors } = doseInputsOf(form, esketamine);
    expect(errors).toEqual({});
    expect(body).toEqual({ protocol: { origin: 'library', id: 'esk', version: 1 }, stepId: form.step });
  });

  it('puts server messages on their fields and leads a hard stop with its own wording', () => {
    const error = new ApiError(400, 'hard_stop', 'Bad', [
      { field: 'body.patient.weight.value', message: 'too heavy' },
      { field: 'body.patient.weight.unit', message: 'kg only' },
      { field: 'body', message: 'general' },
    ]);
    expect(serverErrorsOf(error)).toEqual({
      fields: { weight: 'too heavy; kg only' },
      message: 'Hard stop: the dose cannot be ordered as entered. general',
    });
    const conflict = new ApiError(409, 'conflict', 'Changed', [{ field: 'stepId', message: 'gone' }]);
    expect(serverErrorsOf(conflict)).toEqual({ fields: { step: 'gone' }, message: 'Changed' });
    expect(serverErrorsOf(new ApiError(500, 'internal', 'Oops')).fields).toBeUndefined();
  });

  it('labels steps, hints the override range and lists citations', () => {
    const standard = ivDepression.steps[0]!;
    expect(stepOptionLabel(standard)).toMatch(/ — [\d.]+ mg\/kg$/);
    expect(overrideHint(undefined, '')).toBe('Leave empty for the step dose');
    const ranged = ivDepression.steps.find((s) => s.doseRange);
    if (ranged?.doseRange)
      expect(overrideHint(ranged, 'mg/kg')).toBe(
        `Step range ${ranged.doseRange.min}–${ranged.doseRange.max} mg/kg`,
      );
    const [first] = ivDepression.citations;
    expect(citationText(ivDepression, [first!.id, 'missing'])).toBe(`${first!.source} [${first!.tag}]`);
  });
});
