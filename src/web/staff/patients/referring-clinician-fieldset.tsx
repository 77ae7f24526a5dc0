import { TextField } from '../ui/text-field';
import { fieldSetters, type PatientFieldsetProps } from './patient-form-binding';

export function ReferringClinicianFieldset({ state, onChange, errors }: PatientFieldsetProps) {
  const { setIn } = fieldSetters(state, onChange);
  return (
    <fieldset>
      <legend>Referring clinician</legend>
      <div className="grid">
        <TextField
          label="Clinician name"
          value={state.referringClinician.name}
          onChange={setIn('referringClinician', 'name')}
          error={errors['referringClinician.name']}
          autoComplete="off"
        />
        <TextField
          label="Organisation"
          value={state.referringClinician.organisation}
          onChange={setIn('referringClinician', 'organisation')}
          error={errors['referringClinician.organisation']}
          autoComplete="off"
        />
        <TextField
          label="Clinician phone"
          type="tel"
          value={state.referringClinician.phone}
          onChange={setIn('referringClinician', 'phone')}
          error={errors['referringClinician.phone']}
          autoComplete="off"
        />
        <TextField
          label="Clinician email"
          type="email"
          value={state.referringClinician.email}
          onChange={setIn('referringClinician', 'email')}
          error={errors['referringClinician.email']}
          autoComplete="off"
        />
        <TextField
          label="NPI"
          inputMode="numeric"
          value={state.referringClinician.npi}
          onChange={setIn('referringClinician', 'npi')}
          error={errors['referringClinician.npi']}
          hint="10 digits"
          autoComplete="off"
        />
      </div>
    </fieldset>
  );
}
