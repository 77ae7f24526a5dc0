import { useId } from 'react';
import type { BodyMeasurement } from '../../../contracts/dosing';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { measurementSummary } from './body-measurement-model';
import { measurementChoice, type ChartSex } from './dose-calculator-model';
import type { DoseFormBinding } from './use-dose-form';

const SEX_OPTIONS = [
  { value: '', label: 'Choose…' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
] as const;

/**
 * What an IV dose needs besides the protocol: the patient's body and the vial and bag at hand. The
 * weight and height come from the chart's latest dated measurement, or are today's, entered here (and
 * recorded as a measurement when the dose is ordered).
 */
export function PatientPreparationFieldset({
  doseForm,
  sexDefault,
  latest,
  maxAgeDays,
}: {
  doseForm: DoseFormBinding;
  sexDefault: ChartSex;
  latest: BodyMeasurement | null;
  maxAgeDays: number;
}) {
  const { form, errors, set, measurement } = doseForm;
  const choice = measurementChoice(form, measurement);
  const id = useId();
  return (
    <fieldset>
      <legend>Patient and preparation</legend>
      {latest ? (
        <fieldset className="dosing__ack">
          <legend>Weight and height</legend>
          <div className="dosing__options">
            <div className="dosing__option field field--checkbox">
              <input
                id={`${id}-latest`}
                type="radio"
                name={`${id}-measurement`}
                checked={choice === 'latest'}
                onChange={() => set('measurement')('latest')}
              />
              <label htmlFor={`${id}-latest`}>
                Use the latest measurement: {measurementSummary(latest, new Date())}
                {measurement.latestStale ? ` — older than ${maxAgeDays} days: enter today’s instead` : ''}
              </label>
            </div>
            <div className="dosing__option field field--checkbox">
              <input
                id={`${id}-entry`}
                type="radio"
                name={`${id}-measurement`}
                checked={choice === 'entry'}
                onChange={() => set('measurement')('entry')}
              />
              <label htmlFor={`${id}-entry`}>Enter today’s weight and height</label>
            </div>
          </div>
          {choice === 'latest' && errors.weight ? <p className="field__error">{errors.weight}</p> : null}
        </fieldset>
      ) : (
        <p className="muted">
          No body measurement on the chart: the weight and height entered here are recorded with the order.
        </p>
      )}
      <div className="grid grid--compact">
        {choice === 'entry' ? (
          <>
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
          </>
        ) : null}
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
        <p className="muted">
          Sex pre-filled from the chart (sex assigned at birth: {sexDefault}). The server uses the chart’s
          value and flags a different choice.
        </p>
      ) : (
        <p className="muted">
          The chart does not record male or female, which the ideal-weight formula needs: choose one (the
          choice is flagged on the dose).
        </p>
      )}
    </fieldset>
  );
}
