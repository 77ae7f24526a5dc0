import type { Dispatch, SetStateAction } from 'react';
import { PK_MODELS } from '../../../domain/pk';
import { TextField } from '../ui/text-field';
import { DoseRowEditor } from './dose-row-editor';
import { PaediatricBadge } from './model-notes';
import { ROW_KINDS, fixUnit, newRow, type PlanForm, type PlanRow } from './plan-model';
import { modelLabel } from './simulator-models';

type SetForm = Dispatch<SetStateAction<PlanForm>>;
type PatientKey = 'weightKg' | 'ageYears' | 'untilMin';

const PATIENT_FIELDS: ReadonlyArray<{
  key: PatientKey;
  label: string;
  hint?: string;
  error: (problems: Record<string, string>) => string | undefined;
}> = [
  { key: 'weightKg', label: 'Weight (kg)', error: (p) => p.weightKg ?? p['patient.weightKg'] },
  {
    key: 'ageYears',
    label: 'Age (years)',
    hint: 'Used only for population warnings',
    error: (p) => p.ageYears,
  },
  { key: 'untilMin', label: 'Show until (min)', error: (p) => p.untilMin },
];

function PatientFields({ form, setForm, problems }: PlanEditorProps) {
  return (
    <fieldset>
      <legend>Patient</legend>
      <div className="grid grid--compact">
        {PATIENT_FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            inputMode="decimal"
            value={form[f.key]}
            onChange={(value) => setForm((prev) => ({ ...prev, [f.key]: value }))}
            error={f.error(problems)}
            hint={f.hint}
          />
        ))}
      </div>
      <p className="muted">
        Models scale with total body weight. None of them uses sex or height (clinical source register:
        covariates).
      </p>
    </fieldset>
  );
}

function DoseRows({ form, setForm, problems }: PlanEditorProps) {
  const setRows = (edit: (rows: PlanRow[]) => PlanRow[]) => setForm((f) => ({ ...f, rows: edit(f.rows) }));
  const setRow = (key: string, patch: Partial<PlanRow>) =>
    setRows((rows) => rows.map((r) => (r.key === key ? fixUnit({ ...r, ...patch }) : r)));
  return (
    <fieldset>
      <legend>Doses</legend>
      <p className="muted">
        A bolus is given at its time (a sample then already includes it); an infusion runs from its start up
        to its end. Overlapping infusions add. A pause stops the pump: infusions across it resume at the same
        rate.
      </p>
      <ol className="simulator__rows">
        {form.rows.map((row, i) => (
          <DoseRowEditor
            key={row.key}
            row={row}
            index={i}
            problems={problems}
            onChange={(patch) => setRow(row.key, patch)}
            onRemove={() => setRows((rows) => rows.filter((r) => r.key !== row.key))}
          />
        ))}
      </ol>
      <div className="button-row">
        {ROW_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="button button--secondary"
            onClick={() => setRows((rows) => [...rows, newRow(kind, rows)])}
          >
            Add {kind}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function ModelPicker({ selected, onToggleModel }: Pick<PlanEditorProps, 'selected' | 'onToggleModel'>) {
  return (
    <fieldset>
      <legend>Models to compare</legend>
      {PK_MODELS.map((m) => (
        <div className="field field--checkbox" key={m.id}>
          <input
            type="checkbox"
            id={`model-${m.id}`}
            checked={selected.includes(m.id)}
            onChange={(e) => onToggleModel(m.id, e.target.checked)}
          />
          <label htmlFor={`model-${m.id}`}>
            {modelLabel(m)}
            <PaediatricBadge model={m} />
          </label>
        </div>
      ))}
    </fieldset>
  );
}

interface PlanEditorProps {
  form: PlanForm;
  setForm: SetForm;
  problems: Record<string, string>;
  selected: readonly string[];
  onToggleModel: (id: string, on: boolean) => void;
}

/** The left column: patient, the dose rows, and which models to overlay. */
export function PlanEditor(props: PlanEditorProps) {
  return (
    <section aria-labelledby="sim-plan" className="simulator__plan">
      <h2 id="sim-plan">Plan</h2>
      <PatientFields {...props} />
      <DoseRows {...props} />
      <ModelPicker selected={props.selected} onToggleModel={props.onToggleModel} />
    </section>
  );
}
