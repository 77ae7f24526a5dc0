import { describe, expect, it } from 'vitest';
import type { ProtocolList } from '../../../contracts/dosing';
import { DEFAULT_DOSING_SETTINGS } from '../../../domain/dosing';
import { PROTOCOL_LIBRARY } from '../../../domain/protocols';
import { ApiError } from '../api-client';
import {
  askedAcknowledgements,
  basisChoiceOptions,
  basisOptionLabel,
  chartSexOf,
  olderAdultProposal,
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

describe('the calculator after the pharmacist’s review', () => {
  const latest = { weightKg: 80, heightCm: 168 };

  it('uses the chart’s latest measurement when chosen, sending no weight or height', () => {
    const form = { ...initialDoseForm('female'), measurement: 'latest', vial: '50', bag: '100' };
    const { body, errors } = doseInputsOf(form, ivDepression, { latest });
    expect(errors).toEqual({});
    expect(body?.patient).toEqual({ sex: 'female' });
  });

  it('asks for today’s weight and height when the chart has no measurement to use', () => {
    const form = { ...initialDoseForm('female'), measurement: 'latest', vial: '50', bag: '100' };
    expect(Object.keys(doseInputsOf(form, ivDepression, { latest: null }).errors).sort()).toEqual([
      'height',
      'weight',
    ]);
  });

  it('sends each acknowledgement with its reason, and names a missing reason or tick', () => {
    const acked = {
      ...filled,
      basis: 'ideal',
      basisAck: 'yes',
      escalationAck: 'yes',
      escalationReason: 'three infusions without response',
      highDoseAck: 'yes',
      highDoseReason: 'reviewed with the anaesthetist',
    };
    expect(doseInputsOf(acked, ivDepression).body?.acknowledgements).toEqual({
      weightBasis: { basis: 'ideal', acknowledged: true },
      escalation: { acknowledged: true, reason: 'three infusions without response' },
      highDose: { acknowledged: true, reason: 'reviewed with the anaesthetist' },
    });
    const missing = doseInputsOf(
      { ...filled, basis: 'actual', escalationAck: 'yes', firstSessionAck: 'yes' },
      ivDepression,
    );
    expect(missing.body).toBeUndefined();
    expect(Object.keys(missing.errors).sort()).toEqual([
      'basisAck',
      'escalationReason',
      'firstSessionReason',
    ]);
  });

  it('lists the acknowledgements a hard stop asked for', () => {
    const error = new ApiError(400, 'hard_stop', 'Bad', [
      { field: 'body.acknowledgements.escalation', message: 'above the step' },
      { field: 'body.acknowledgements.weightBasis', message: 'below range' },
      { field: 'body.patient.weight', message: 'too old' },
    ]);
    expect(askedAcknowledgements(error)).toEqual(['escalation', 'weightBasis']);
    expect(askedAcknowledgements(new Error('offline'))).toEqual([]);
  });

  it('shows what each weight basis gives, side by side, from the same rule the server uses', () => {
    const options = basisChoiceOptions(
      { weightKg: 50, heightCm: 120, sex: 'female' },
      ivDepression.steps[0]!,
      '',
      DEFAULT_DOSING_SETTINGS,
    );
    expect(options.map((o) => [o.basis, o.weightKg, o.exactMg])).toEqual([
      ['actual', 50, 25],
      ['ideal', 45.5, 22.75],
    ]);
    expect(basisOptionLabel(options[1]!)).toBe(
      'Ideal weight 45.5 kg: 22.75 mg (0.455 mg/kg of actual weight)',
    );
  });

  it('proposes the 65-and-over protocol for an older patient on the under-65 one', () => {
    const trd = PROTOCOL_LIBRARY.find((p) => p.id === 'esketamine-trd')!;
    const older = PROTOCOL_LIBRARY.find((p) => p.id === 'esketamine-trd-65-plus')!;
    const choices = [
      { key: 'library:esketamine-trd:1', protocol: trd, group: 'Library' as const },
      { key: 'library:esketamine-trd-65-plus:1', protocol: older, group: 'Library' as const },
    ];
    expect(olderAdultProposal(trd, 70, DEFAULT_DOSING_SETTINGS, choices)?.key).toBe(
      'library:esketamine-trd-65-plus:1',
    );
    expect(olderAdultProposal(trd, 50, DEFAULT_DOSING_SETTINGS, choices)).toBeUndefined();
    expect(olderAdultProposal(older, 70, DEFAULT_DOSING_SETTINGS, choices)).toBeUndefined();
  });
});

describe('acknowledgements belong to the dose they were given for', () => {
  it('are cleared when anything that changes the dose changes, and kept for the preparation', () => {
    const acked = {
      ...filled,
      basis: 'ideal',
      basisAck: 'yes',
      escalationAck: 'yes',
      escalationReason: 'no response',
      highDoseAck: 'yes',
      highDoseReason: 'reviewed',
    };
    for (const key of [
      'protocol',
      'step',
      'override',
      'sessions',
      'weight',
      'height',
      'measurement',
      'sex',
    ] as const) {
      const next = withFieldChange(acked, key, key === 'protocol' ? 'library:esk:1' : '2', []);
      expect([next.basisAck, next.escalationAck, next.escalationReason, next.highDoseAck], key).toEqual([
        '',
        '',
        '',
        '',
      ]);
    }
    expect(withFieldChange(acked, 'vial', '10', [])).toMatchObject({ escalationAck: 'yes', basisAck: 'yes' });
  });
});
