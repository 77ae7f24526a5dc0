import type { FormEvent, ReactNode } from 'react';
import type { PatientFieldGroup } from '../../../domain/patients';
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
  /**
   * The groups of fields the person may change (`editablePatientGroups`): the front desk gets
   * identity and contact only, and sees no clinical field as editable.
   */
  editable: readonly PatientFieldGroup[];
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
  editable,
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
  const clinical = editable.includes('clinical');
  const careStatus = editable.includes('care-status');

  return (
    <form className="patient-form" onSubmit={submit} noValidate>
      {editable.includes('identity') ? <IdentityFieldset {...sections} /> : null}
      {editable.includes('contact') ? (
        <>
          <ContactFieldset {...sections} />
          <EmergencyContactFieldset {...sections} />
          <ReferringClinicianFieldset {...sections} />
        </>
      ) : null}
      {clinical || careStatus ? (
        <div className="patient-form__clinical">
          <p className="muted">Clinical record: changed by clinicians.</p>
          {clinical ? (
            <>
              <ConditionsEditor conditions={state.conditions} onChange={set('conditions')} errors={errors} />
              <AlertsEditor alerts={state.alerts} onChange={set('alerts')} errors={errors} />
            </>
          ) : null}
          {careStatus ? (
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
          ) : null}
        </div>
      ) : (
        <p className="muted">
          Diagnoses, alerts and care status are clinical fields: a nurse or physician records them.
        </p>
      )}
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
