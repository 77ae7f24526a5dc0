import { describe, expect, it } from 'vitest';
import { patientFieldGroupOf, patientFieldGroups, patientFieldsIn } from './patient-field-groups.js';
import { patientFieldsSchema } from './patient-fields.js';

describe('patient field groups', () => {
  it('puts every field a person may enter in exactly one group', () => {
    const fields = Object.keys(patientFieldsSchema.shape).sort();
    expect(Object.keys(patientFieldGroupOf).sort()).toEqual(fields);
    const grouped = patientFieldGroups.flatMap((group) => patientFieldsIn(group)).sort();
    expect(grouped).toEqual(fields);
  });

  it('keeps diagnoses, alerts and care status out of the demographic groups', () => {
    expect(patientFieldsIn('clinical')).toEqual(['conditions', 'alerts']);
    expect(patientFieldsIn('care-status')).toEqual(['careStatus']);
    expect(patientFieldsIn('contact')).toEqual(
      expect.arrayContaining(['phone', 'email', 'address', 'emergencyContact', 'referringClinician']),
    );
  });
});
