import type { PatientCreateRequest } from '../../../contracts/patients';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { fieldSetters, type PatientFieldsetProps } from './patient-form-binding';

// Listed here rather than imported: the domain module also builds zod schemas, which the browser
// does not need (the server validates). The contract's type keeps the values in step with the schema.
const sexAtBirthValues: readonly PatientCreateRequest['sexAtBirth'][] = [
  'female',
  'male',
  'intersex',
  'unknown',
];

const sexOptions = [
  { value: '', label: 'Choose…' },
  ...sexAtBirthValues.map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) })),
];

export function IdentityFieldset({ state, onChange, errors }: PatientFieldsetProps) {
  const { set } = fieldSetters(state, onChange);
  return (
    <fieldset>
      <legend>Identity</legend>
      <div className="grid">
        <TextField
          label="Legal given name"
          value={state.legalGivenName}
          onChange={set('legalGivenName')}
          error={errors.legalGivenName}
          required
          autoComplete="off"
        />
        <TextField
          label="Legal family name"
          value={state.legalFamilyName}
          onChange={set('legalFamilyName')}
          error={errors.legalFamilyName}
          required
          autoComplete="off"
        />
        <TextField
          label="Preferred name"
          value={state.preferredName}
          onChange={set('preferredName')}
          error={errors.preferredName}
          autoComplete="off"
        />
        <TextField
          label="Date of birth"
          type="date"
          value={state.birthDate}
          onChange={set('birthDate')}
          error={errors.birthDate}
          required
        />
        <SelectField
          label="Sex assigned at birth"
          value={state.sexAtBirth}
          onChange={set('sexAtBirth')}
          options={sexOptions}
          error={errors.sexAtBirth}
          required
        />
        <TextField
          label="Gender identity"
          value={state.genderIdentity}
          onChange={set('genderIdentity')}
          error={errors.genderIdentity}
          autoComplete="off"
        />
        <TextField
          label="Pronouns"
          value={state.pronouns}
          onChange={set('pronouns')}
          error={errors.pronouns}
          autoComplete="off"
          hint="For example she/her, he/him, they/them"
        />
      </div>
    </fieldset>
  );
}
