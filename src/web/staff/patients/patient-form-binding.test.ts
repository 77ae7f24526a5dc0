import { describe, expect, it, vi } from 'vitest';
import { fieldSetters, withField, withSectionField } from './patient-form-binding';
import { emptyPatientForm } from './patient-form-model';

describe('withField', () => {
  it('replaces one top-level field and leaves the rest alone', () => {
    const before = emptyPatientForm();
    const after = withField(before, 'phone', '555-0100');
    expect(after.phone).toBe('555-0100');
    expect(after.address).toBe(before.address);
    expect(before.phone).toBe('');
  });
});

describe('withSectionField', () => {
  it('replaces one field inside a section without touching the original', () => {
    const before = emptyPatientForm();
    const after = withSectionField(before, 'address', 'city', 'Springfield');
    expect(after.address).toEqual({ ...before.address, city: 'Springfield' });
    expect(before.address.city).toBe('');
  });
});

describe('fieldSetters', () => {
  it('hands the changed state to onChange', () => {
    const onChange = vi.fn();
    const { set, setIn } = fieldSetters(emptyPatientForm(), onChange);
    set('email')('a@example.org');
    setIn('referringClinician', 'npi')('1234567893');
    expect(onChange.mock.calls[0]![0].email).toBe('a@example.org');
    expect(onChange.mock.calls[1]![0].referringClinician.npi).toBe('1234567893');
  });
});
