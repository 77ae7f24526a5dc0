import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import type { ChartSex } from './dose-calculator-model';
import type { DoseFormBinding } from './use-dose-form';

const SEX_OPTIONS = [
  { value: '', label: 'Choose…' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
] as const;

/** What an IV dose needs besides the protocol: the patient's body and the vial and bag at hand. */
export function PatientPreparationFieldset({
  doseForm,
  sexDefault,
}: {
  doseForm: DoseFormBinding;
  sexDefault: ChartSex;
}) {
  const { form, errors, set } = doseForm;
  return (
    <fieldset>
      <legend>Patient and preparation</legend>
      <div className="grid grid--compact">
        <TextField
          label="Weight (kg)"
          inputMode="decimal"
          value={form.weight}
          onChange={set('weight')}
          error={errors.weight}
          autoComplete="off"
        />
        <TextField
          label="Height (cm)"
          inputMode="decimal"
          value={form.height}
          onChange={set('height')}
          error={errors.height}
          autoComplete="off"
        />
        <SelectField
          label="Sex (for ideal body weight)"
          value={form.sex}
          onChange={set('sex')}
          error={errors.sex}
          options={SEX_OPTIONS}
        />
        <TextField
          label="Vial concentration (mg/mL)"
          inputMode="decimal"
          value={form.vial}
          onChange={set('vial')}
          error={errors.vial}
          hint="As printed on the vial"
          autoComplete="off"
        />
        <TextField
          label="Bag volume (mL)"
          inputMode="decimal"
          value={form.bag}
          onChange={set('bag')}
          error={errors.bag}
          hint="Labelled volume of the diluent bag"
          autoComplete="off"
        />
      </div>
      {sexDefault ? (
        <p className="muted">Sex pre-filled from the chart (sex assigned at birth: {sexDefault}).</p>
      ) : null}
    </fieldset>
  );
}
