import type { FormEvent, ReactNode } from 'react';
import type { PatientCreateRequest } from '../../../contracts/patients';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { AlertsEditor } from './alerts-editor';
import { ConditionsEditor } from './conditions-editor';
import type { PatientFormState } from './patient-form-model';

interface PatientFormProps {
  state: PatientFormState;
  onChange: (state: PatientFormState) => void;
  /** Field errors keyed by form path ("birthDate", "address.city", "conditions.0.code"). */
  errors: Record<string, string>;
  careStatusOptions: readonly { value: string; label: string }[];
  submitLabel: string;
  busy: boolean;
  onSubmit: () => void;
  /** Extra fields before the buttons (the edit form's reason). */
  extra?: ReactNode;
  actions?: ReactNode;
}

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

type Section = 'address' | 'emergencyContact' | 'referringClinician';

export function PatientForm({
  state,
  onChange,
  errors,
  careStatusOptions,
  submitLabel,
  busy,
  onSubmit,
  extra,
  actions,
}: PatientFormProps) {
  const set =
    <K extends keyof PatientFormState>(key: K) =>
    (value: PatientFormState[K]) =>
      onChange({ ...state, [key]: value });
  const setIn =
    <S extends Section>(section: S, key: keyof PatientFormState[S] & string) =>
    (value: string) =>
      onChange({ ...state, [section]: { ...state[section], [key]: value } });
  const err = (key: string) => errors[key];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form className="patient-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Identity</legend>
        <div className="grid">
          <TextField
            label="Legal given name"
            value={state.legalGivenName}
            onChange={set('legalGivenName')}
            error={err('legalGivenName')}
            required
            autoComplete="off"
          />
          <TextField
            label="Legal family name"
            value={state.legalFamilyName}
            onChange={set('legalFamilyName')}
            error={err('legalFamilyName')}
            required
            autoComplete="off"
          />
          <TextField
            label="Preferred name"
            value={state.preferredName}
            onChange={set('preferredName')}
            error={err('preferredName')}
            autoComplete="off"
          />
          <TextField
            label="Date of birth"
            type="date"
            value={state.birthDate}
            onChange={set('birthDate')}
            error={err('birthDate')}
            required
          />
          <SelectField
            label="Sex assigned at birth"
            value={state.sexAtBirth}
            onChange={set('sexAtBirth')}
            options={sexOptions}
            error={err('sexAtBirth')}
            required
          />
          <TextField
            label="Gender identity"
            value={state.genderIdentity}
            onChange={set('genderIdentity')}
            error={err('genderIdentity')}
            autoComplete="off"
          />
          <TextField
            label="Pronouns"
            value={state.pronouns}
            onChange={set('pronouns')}
            error={err('pronouns')}
            autoComplete="off"
            hint="For example she/her, he/him, they/them"
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Contact</legend>
        <div className="grid">
          <TextField
            label="Phone"
            type="tel"
            value={state.phone}
            onChange={set('phone')}
            error={err('phone')}
            autoComplete="off"
          />
          <TextField
            label="Email"
            type="email"
            value={state.email}
            onChange={set('email')}
            error={err('email')}
            autoComplete="off"
          />
          <TextField
            label="Address line 1"
            value={state.address.line1}
            onChange={setIn('address', 'line1')}
            error={err('address.line1')}
            autoComplete="off"
          />
          <TextField
            label="Address line 2"
            value={state.address.line2}
            onChange={setIn('address', 'line2')}
            error={err('address.line2')}
            autoComplete="off"
          />
          <TextField
            label="City"
            value={state.address.city}
            onChange={setIn('address', 'city')}
            error={err('address.city')}
            autoComplete="off"
          />
          <TextField
            label="State or region"
            value={state.address.region}
            onChange={setIn('address', 'region')}
            error={err('address.region')}
            autoComplete="off"
          />
          <TextField
            label="Postal code"
            value={state.address.postalCode}
            onChange={setIn('address', 'postalCode')}
            error={err('address.postalCode')}
            autoComplete="off"
          />
          <TextField
            label="Country"
            value={state.address.country}
            onChange={setIn('address', 'country')}
            error={err('address.country')}
            autoComplete="off"
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Emergency contact</legend>
        <div className="grid">
          <TextField
            label="Contact name"
            value={state.emergencyContact.name}
            onChange={setIn('emergencyContact', 'name')}
            error={err('emergencyContact.name')}
            autoComplete="off"
          />
          <TextField
            label="Relationship"
            value={state.emergencyContact.relationship}
            onChange={setIn('emergencyContact', 'relationship')}
            error={err('emergencyContact.relationship')}
            autoComplete="off"
          />
          <TextField
            label="Contact phone"
            type="tel"
            value={state.emergencyContact.phone}
            onChange={setIn('emergencyContact', 'phone')}
            error={err('emergencyContact.phone')}
            autoComplete="off"
          />
          <TextField
            label="Contact email"
            type="email"
            value={state.emergencyContact.email}
            onChange={setIn('emergencyContact', 'email')}
            error={err('emergencyContact.email')}
            autoComplete="off"
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Referring clinician</legend>
        <div className="grid">
          <TextField
            label="Clinician name"
            value={state.referringClinician.name}
            onChange={setIn('referringClinician', 'name')}
            error={err('referringClinician.name')}
            autoComplete="off"
          />
          <TextField
            label="Organisation"
            value={state.referringClinician.organisation}
            onChange={setIn('referringClinician', 'organisation')}
            error={err('referringClinician.organisation')}
            autoComplete="off"
          />
          <TextField
            label="Clinician phone"
            type="tel"
            value={state.referringClinician.phone}
            onChange={setIn('referringClinician', 'phone')}
            error={err('referringClinician.phone')}
            autoComplete="off"
          />
          <TextField
            label="Clinician email"
            type="email"
            value={state.referringClinician.email}
            onChange={setIn('referringClinician', 'email')}
            error={err('referringClinician.email')}
            autoComplete="off"
          />
          <TextField
            label="NPI"
            inputMode="numeric"
            value={state.referringClinician.npi}
            onChange={setIn('referringClinician', 'npi')}
            error={err('referringClinician.npi')}
            hint="10 digits"
            autoComplete="off"
          />
        </div>
      </fieldset>
      <ConditionsEditor conditions={state.conditions} onChange={set('conditions')} errors={errors} />
      <AlertsEditor alerts={state.alerts} onChange={set('alerts')} errors={errors} />
      <fieldset>
        <legend>Care</legend>
        <SelectField
          label="Care status"
          value={state.careStatus}
          onChange={(v) => set('careStatus')(v as PatientFormState['careStatus'])}
          options={careStatusOptions}
          error={err('careStatus')}
        />
      </fieldset>
      {extra}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {actions}
      </div>
    </form>
  );
}
