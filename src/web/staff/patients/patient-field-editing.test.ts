import { describe, expect, it } from 'vitest';
import { permissionTable } from '../../../domain/auth';
import { editablePatientGroups, onlyEditable, registrationPayload } from './patient-field-editing';
import { emptyPatientForm, toPatientPayload } from './patient-form-model';

describe('editablePatientGroups', () => {
  it('gives the front desk identity and contact fields only', () => {
    expect(editablePatientGroups(permissionTable.front_desk)).toEqual(['identity', 'contact']);
  });
  it('gives clinicians and administrators every group', () => {
    for (const role of ['nurse', 'physician', 'admin'] as const) {
      expect(editablePatientGroups(permissionTable[role])).toEqual([
        'identity',
        'contact',
        'care-status',
        'clinical',
      ]);
    }
  });
});

describe('onlyEditable', () => {
  it('drops the changes of groups the person may not edit, so the form never sends them', () => {
    const changes = { phone: '555-0100', conditions: [], careStatus: 'screening' as const };
    expect(onlyEditable(changes, ['identity', 'contact'])).toEqual({ phone: '555-0100' });
    expect(onlyEditable(changes, ['identity', 'contact', 'care-status', 'clinical'])).toEqual(changes);
  });
});

describe('registrationPayload', () => {
  it('leaves clinical fields out of a front-desk registration (the server applies its defaults)', () => {
    const payload = registrationPayload(
      toPatientPayload({ ...emptyPatientForm(), careStatus: 'screening' }),
      ['identity', 'contact'],
    );
    expect(payload).not.toHaveProperty('conditions');
    expect(payload).not.toHaveProperty('alerts');
    expect(payload).not.toHaveProperty('careStatus');
    expect(payload).toHaveProperty('legalGivenName');
  });
});
