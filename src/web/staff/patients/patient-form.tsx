import type { FormEvent, ReactNode } from 'react';
import { SelectField } from '../ui/select-field';
import { AlertsEditor } from './alerts-editor';
import { ConditionsEditor } from './conditions-editor';
import { ContactFieldset } from './contact-fieldset';
import { EmergencyContactFieldset } from './emergency-contact-fieldset';
import { IdentityFieldset } from './identity-fieldset';
import { fieldSetters } from './patient-form-binding';
import type { PatientFormState } from './patient-form-model';
import { ReferringClinicianFieldset } from './referring-clinician-fieldset';

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
  const { set } = fieldSetters(state, onChange);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const sections = { state, onChange, errors };

  return (
    <form className="patient-form" onSubmit={submit} noValidate>
      <IdentityFieldset {...sections} />
      <ContactFieldset {...sections} />
      <EmergencyContactFieldset {...sections} />
      <ReferringClinicianFieldset {...sections} />
      <ConditionsEditor conditions={state.conditions} onChange={set('conditions')} errors={errors} />
      <AlertsEditor alerts={state.alerts} onChange={set('alerts')} errors={errors} />
      <fieldset>
        <legend>Care</legend>
        <SelectField
          label="Care status"
          value={state.careStatus}
          onChange={(v) => set('careStatus')(v as PatientFormState['careStatus'])}
          options={careStatusOptions}
          error={errors.careStatus}
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
