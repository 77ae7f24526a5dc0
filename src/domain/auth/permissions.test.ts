import { describe, expect, it } from 'vitest';
import { actions, can, permissionTable, staffRoles } from './permissions.js';

describe('permission table', () => {
  it('names only known actions for every role', () => {
    for (const role of staffRoles) {
      for (const action of permissionTable[role]) expect(actions).toContain(action);
    }
  });

  it('keeps user management, audit and settings changes with administrators only', () => {
    for (const action of ['user.manage', 'audit.read', 'clinic.settings.update', 'session.revoke'] as const) {
      expect(staffRoles.filter((role) => can(role, action))).toEqual(['admin']);
    }
  });

  it('lets every clinical and front-desk role find and read patients', () => {
    for (const role of staffRoles) {
      expect(can(role, 'patient.search')).toBe(true);
      expect(can(role, 'patient.read')).toBe(true);
    }
  });

  it('keeps deactivation of a patient record with prescribers and administrators', () => {
    expect(staffRoles.filter((role) => can(role, 'patient.deactivate'))).toEqual(['admin', 'physician']);
  });
});

describe('clinical part of the patient record', () => {
  it('keeps reading and changing diagnoses, alerts and care status with clinicians (and administrators, as before)', () => {
    for (const action of ['patient.read-clinical', 'patient.update-clinical'] as const) {
      expect(staffRoles.filter((role) => can(role, action))).toEqual(['admin', 'physician', 'nurse']);
    }
  });

  it('still lets the front desk edit demographics and contacts', () => {
    expect(can('front_desk', 'patient.update')).toBe(true);
  });
});
