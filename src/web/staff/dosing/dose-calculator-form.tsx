import { STEP_DOSE_UNIT } from '../../../domain/protocols';
import { ErrorBanner } from '../ui/error-banner';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import {
  citationText,
  overrideHint,
  protocolOptionLabel,
  stepOptionLabel,
  type ChartSex,
} from './dose-calculator-model';
import { PatientPreparationFieldset } from './patient-preparation-fieldset';
import type { DoseFormBinding } from './use-dose-form';
import type { DoseRequests } from './use-dose-requests';

/** The dose calculator: protocol and step, the IV patient and preparation, and the clinician's choices. */
export function DoseCalculatorForm({
  doseForm,
  requests,
  sexDefault,
}: {
  doseForm: DoseFormBinding;
  requests: DoseRequests;
  sexDefault: ChartSex;
}) {
  return (
    <form onSubmit={requests.calculate} noValidate aria-labelledby="dose-calc-heading">
      <h3 id="dose-calc-heading">Calculate a dose</h3>
      <ProtocolFieldset doseForm={doseForm} />
      {doseForm.protocol?.route === 'iv' ? (
        <PatientPreparationFieldset doseForm={doseForm} sexDefault={sexDefault} />
      ) : null}
      <ClinicianChoicesFieldset doseForm={doseForm} />
      <ErrorBanner>{requests.formError}</ErrorBanner>
      <button type="submit" className="button" disabled={requests.busy}>
        {requests.busy ? 'Calculating…' : 'Calculate'}
      </button>
    </form>
  );
}

function ProtocolFieldset({ doseForm }: { doseForm: DoseFormBinding }) {
  const { form, errors, set, choices, protocol, step } = doseForm;
  return (
    <fieldset>
      <legend>Protocol</legend>
      <div className="grid">
        <SelectField
          label="Protocol"
          value={form.protocol}
          onChange={set('protocol')}
          error={errors.protocol}
          options={choices.map((c) => ({ value: c.key, label: protocolOptionLabel(c) }))}
        />
        <SelectField
          label="Protocol step"
          value={form.step}
          onChange={set('step')}
          error={errors.step}
          options={(protocol?.steps ?? []).map((s) => ({ value: s.id, label: stepOptionLabel(s) }))}
        />
      </div>
      {step?.notes ? <p className="muted">{step.notes}</p> : null}
      {step && protocol ? <p className="muted">Sources: {citationText(protocol, step.citationIds)}</p> : null}
    </fieldset>
  );
}

function ClinicianChoicesFieldset({ doseForm }: { doseForm: DoseFormBinding }) {
  const { form, errors, set, step } = doseForm;
  const unit = step ? STEP_DOSE_UNIT[step.kind] : '';
  return (
    <fieldset>
      <legend>Clinician choices (optional)</legend>
      <div className="grid grid--compact">
        <TextField
          label={`Dose override (${unit})`}
          inputMode="decimal"
          value={form.override}
          onChange={set('override')}
          error={errors.override}
          hint={overrideHint(step, unit)}
          autoComplete="off"
        />
        <TextField
          label="Sessions without response so far"
          inputMode="numeric"
          value={form.sessions}
          onChange={set('sessions')}
          error={errors.sessions}
          hint="Checked against the escalation rule"
          autoComplete="off"
        />
      </div>
    </fieldset>
  );
}
