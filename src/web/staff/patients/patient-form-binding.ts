import type { PatientFormState } from './patient-form-model';

/** The form sections that group several text inputs under one saved object. */
export type PatientFormSection = 'address' | 'emergencyContact' | 'referringClinician';

/** What every fieldset of the patient form receives from the form that owns the state. */
export interface PatientFieldsetProps {
  state: PatientFormState;
  onChange: (state: PatientFormState) => void;
  /** Field errors keyed by form path ("birthDate", "address.city", "conditions.0.code"). */
  errors: Record<string, string>;
}

export function withField<K extends keyof PatientFormState>(
  state: PatientFormState,
  key: K,
  value: PatientFormState[K],
): PatientFormState {
  return { ...state, [key]: value };
}

export function withSectionField<S extends PatientFormSection>(
  state: PatientFormState,
  section: S,
  key: keyof PatientFormState[S] & string,
  value: string,
): PatientFormState {
  return { ...state, [section]: { ...state[section], [key]: value } };
}

/** Change handlers for inputs bound to one top-level field or to one field inside a section. */
export function fieldSetters(state: PatientFormState, onChange: (state: PatientFormState) => void) {
  return {
    set:
      <K extends keyof PatientFormState>(key: K) =>
      (value: PatientFormState[K]) =>
        onChange(withField(state, key, value)),
    setIn:
      <S extends PatientFormSection>(section: S, key: keyof PatientFormState[S] & string) =>
      (value: string) =>
        onChange(withSectionField(state, section, key, value)),
  };
}
