import { TextField } from '../ui/text-field';
import { fieldSetters, type PatientFieldsetProps } from './patient-form-binding';

export function EmergencyContactFieldset({ state, onChange, errors }: PatientFieldsetProps) {
  const { setIn } = fieldSetters(state, onChange);
  return (
    <fieldset>
      <legend>Emergency contact</legend>
      <div className="grid">
        <TextField
          label="Contact name"
          value={state.emergencyContact.name}
          onChange={setIn('emergencyContact', 'name')}
          error={errors['emergencyContact.name']}
          autoComplete="off"
        />
        <TextField
          label="Relationship"
          value={state.emergencyContact.relationship}
          onChange={setIn('emergencyContact', 'relationship')}
          error={errors['emergencyContact.relationship']}
          autoComplete="off"
        />
        <TextField
          label="Contact phone"
          type="tel"
          value={state.emergencyContact.phone}
          onChange={setIn('emergencyContact', 'phone')}
          error={errors['emergencyContact.phone']}
          autoComplete="off"
        />
        <TextField
          label="Contact email"
          type="email"
          value={state.emergencyContact.email}
          onChange={setIn('emergencyContact', 'email')}
          error={errors['emergencyContact.email']}
          autoComplete="off"
        />
      </div>
    </fieldset>
  );
}
