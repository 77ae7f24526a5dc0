import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { BOLUS_UNITS, INFUSION_UNITS, KIND_LABEL, ROW_KINDS, type PlanRow, type RowKind } from './plan-model';

const KIND_OPTIONS = ROW_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }));

interface DoseRowEditorProps {
  row: PlanRow;
  index: number;
  problems: Record<string, string>;
  onChange: (patch: Partial<PlanRow>) => void;
  onRemove: () => void;
}

/** One bolus, infusion or pause: a bolus has no end, a pause has no amount. */
export function DoseRowEditor({ row, index: i, problems, onChange, onRemove }: DoseRowEditorProps) {
  const units = row.kind === 'bolus' ? BOLUS_UNITS : INFUSION_UNITS;
  return (
    <li className="simulator__row">
      <fieldset>
        <legend>
          {i + 1}. {KIND_LABEL[row.kind]}
        </legend>
        <div className="grid grid--compact">
          <SelectField
            label="Kind"
            value={row.kind}
            onChange={(kind) => onChange({ kind: kind as RowKind })}
            options={KIND_OPTIONS}
          />
          <TextField
            label={row.kind === 'bolus' ? 'At (min)' : 'Start (min)'}
            inputMode="decimal"
            value={row.startMin}
            onChange={(startMin) => onChange({ startMin })}
            error={problems[`rows[${i}].startMin`]}
          />
          {row.kind !== 'bolus' ? (
            <TextField
              label="End (min)"
              inputMode="decimal"
              value={row.endMin}
              onChange={(endMin) => onChange({ endMin })}
              error={problems[`rows[${i}].endMin`] ?? problems[`doses[${i}].endMin`]}
            />
          ) : null}
          {row.kind !== 'pause' ? (
            <>
              <TextField
                label="Amount"
                inputMode="decimal"
                value={row.amount}
                onChange={(amount) => onChange({ amount })}
                error={problems[`rows[${i}].amount`]}
              />
              <SelectField
                label="Unit"
                value={row.unit}
                onChange={(unit) => onChange({ unit: unit as PlanRow['unit'] })}
                options={units.map((u) => ({ value: u, label: u }))}
                error={problems[`rows[${i}].unit`]}
              />
            </>
          ) : null}
        </div>
        <button type="button" className="button button--secondary button--small" onClick={onRemove}>
          Remove dose {i + 1}
        </button>
      </fieldset>
    </li>
  );
}
