import { describe, expect, it } from 'vitest';
import { formFieldOf, parseRefKey, refKey } from './dose-form-fields';

describe('dose form fields', () => {
  it('puts a server field error next to the form input that must change', () => {
    expect(formFieldOf('body.patient.weight')).toBe('weight');
    expect(formFieldOf('body.patient.weight.value')).toBe('weight');
    expect(formFieldOf('body.patient.weight.unit')).toBe('weight');
    expect(formFieldOf('body.patient.height.value')).toBe('height');
    expect(formFieldOf('body.patient.sex')).toBe('sex');
    expect(formFieldOf('body.patient')).toBe('weight');
    expect(formFieldOf('body.preparation.vialConcentration.unit')).toBe('vial');
    expect(formFieldOf('body.preparation.bagVolume')).toBe('bag');
    expect(formFieldOf('body.preparation')).toBe('vial');
    expect(formFieldOf('body.doseOverride.value')).toBe('override');
    expect(formFieldOf('body.history.sessionsWithoutResponse')).toBe('sessions');
    expect(formFieldOf('body.stepId')).toBe('step');
    expect(formFieldOf('body.protocol')).toBe('protocol');
    expect(formFieldOf('body.protocol.version')).toBe('protocol');
  });

  it('puts each acknowledgement’s stop on its control and its reason', () => {
    expect(formFieldOf('body.acknowledgements.weightBasis')).toBe('basis');
    expect(formFieldOf('body.acknowledgements.escalation')).toBe('escalationAck');
    expect(formFieldOf('body.acknowledgements.escalation.reason')).toBe('escalationReason');
    expect(formFieldOf('body.acknowledgements.highDose')).toBe('highDoseAck');
    expect(formFieldOf('body.acknowledgements.highDose.reason')).toBe('highDoseReason');
    expect(formFieldOf('body.acknowledgements.firstSession')).toBe('firstSessionAck');
    expect(formFieldOf('body.acknowledgements.firstSession.reason')).toBe('firstSessionReason');
  });

  it('accepts the calculator’s own paths and sends anything else to the form banner', () => {
    expect(formFieldOf('patient.weight')).toBe('weight');
    expect(formFieldOf('body.confirmTotalMg')).toBe('_form');
    expect(formFieldOf('body')).toBe('_form');
  });

  it('round-trips a protocol reference through the select value', () => {
    const ref = { origin: 'clinic' as const, id: 'maple', version: 3 };
    expect(parseRefKey(refKey(ref))).toEqual(ref);
    expect(parseRefKey('nowhere:maple:3')).toBeUndefined();
    expect(parseRefKey('library:')).toBeUndefined();
  });
});
