import { describe, expect, it } from 'vitest';
import { patientFieldsIn } from '../patients/index.js';
import {
  can,
  patientFieldGroupAccess,
  patientFieldsHiddenFrom,
  patientFieldsRoleMayNotChange,
  staffRoles,
} from './permissions.js';

describe('patient field access (minimum necessary)', () => {
  it('names only known actions', () => {
    for (const { read, change } of Object.values(patientFieldGroupAccess)) {
      expect(staffRoles.some((role) => can(role, read))).toBe(true);
      expect(staffRoles.some((role) => can(role, change))).toBe(true);
    }
  });

  it('lets the front desk change identity and contact fields, never diagnoses, alerts or care status', () => {
    expect(patientFieldsRoleMayNotChange('front_desk', ['phone', 'legalFamilyName', 'address'])).toEqual([]);
    expect(
      patientFieldsRoleMayNotChange('front_desk', ['phone', 'conditions', 'alerts', 'careStatus']),
    ).toEqual(['conditions', 'alerts', 'careStatus']);
  });

  it('lets clinicians and administrators change every field, as before', () => {
    const every = ['phone', 'legalGivenName', 'conditions', 'alerts', 'careStatus'];
    for (const role of ['admin', 'physician', 'nurse'] as const) {
      expect(patientFieldsRoleMayNotChange(role, every)).toEqual([]);
    }
  });

  it('hides diagnoses and alerts, not care status, from the front desk', () => {
    expect(patientFieldsHiddenFrom('front_desk')).toEqual(patientFieldsIn('clinical'));
    for (const role of ['admin', 'physician', 'nurse'] as const)
      expect(patientFieldsHiddenFrom(role)).toEqual([]);
  });

  it('ignores names that are not patient fields (the schema refuses them before this)', () => {
    expect(patientFieldsRoleMayNotChange('front_desk', ['version', 'reason'])).toEqual([]);
  });
});
