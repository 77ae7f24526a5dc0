import { describe, expect, it } from 'vitest';
import {
  changedPayload,
  emptyPatientForm,
  patientToForm,
  reapplyChanges,
  toPatientPayload,
} from './patient-form-model';

const filled = () => ({
  ...emptyPatientForm(),
  legalGivenName: ' Ada ',
  legalFamilyName: 'Lovelace',
  birthDate: '1985-12-10',
  sexAtBirth: 'female',
});

describe('toPatientPayload', () => {
  it('turns blank optional fields and blank sections into null', () => {
    const payload = toPatientPayload(filled());
    expect(payload).toMatchObject({
      legalGivenName: 'Ada',
      preferredName: null,
      email: null,
      address: null,
      emergencyContact: null,
      referringClinician: null,
      conditions: [],
      alerts: [],
      careStatus: 'referred',
    });
  });
  it('keeps a partly filled section, with nulls for its blanks', () => {
    const state = filled();
    state.address.city = 'Springfield';
    state.emergencyContact.phone = '555-0101';
    const payload = toPatientPayload(state);
    expect(payload.address).toEqual({
      line1: null,
      line2: null,
      city: 'Springfield',
      region: null,
      postalCode: null,
      country: null,
    });
    // The missing name is sent as '' so the server reports it against the right field.
    expect(payload.emergencyContact).toMatchObject({ name: '', phone: '555-0101' });
  });
  it('upper-cases condition codes and blanks onset dates to null', () => {
    const state = filled();
    state.conditions = [{ code: 'f33.1 ', display: 'MDD', onsetDate: '', status: 'active' }];
    expect(toPatientPayload(state).conditions).toEqual([
      { code: 'F33.1', display: 'MDD', onsetDate: null, status: 'active' },
    ]);
  });
});

describe('patientToForm', () => {
  it('round-trips a stored record', () => {
    const state = filled();
    state.legalGivenName = 'Ada';
    state.address.city = 'Springfield';
    state.alerts = [{ text: 'Check BP', severity: 'critical' }];
    const payload = toPatientPayload(state);
    expect(toPatientPayload(patientToForm(payload))).toEqual(payload);
  });
});

describe('changedPayload and reapplyChanges', () => {
  it('lists only the fields that differ', () => {
    const base = filled();
    const edited = { ...base, phone: '555-0100' };
    expect(changedPayload(base, edited)).toEqual({ phone: '555-0100' });
  });
  it('lays the person’s own changes over the newest version', () => {
    const base = filled();
    const edited = { ...base, phone: '555-0100' };
    const latest = { ...base, pronouns: 'she/her' };
    const merged = reapplyChanges(base, edited, latest);
    expect(merged.phone).toBe('555-0100');
    expect(merged.pronouns).toBe('she/her');
  });
});
