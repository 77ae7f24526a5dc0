import { TextField } from '../ui/text-field';
import type { ConditionEntry } from './patient-form-model';

interface ConditionListItemProps {
  condition: ConditionEntry;
  index: number;
  errors: Record<string, string>;
  onUpdate: (change: Partial<ConditionEntry>) => void;
  onRemove: () => void;
}

/** One recorded condition: its server-side errors, onset date, status and a way to remove it. */
export function ConditionListItem({ condition, index, errors, onUpdate, onRemove }: ConditionListItemProps) {
  return (
    <li className="entry-list__item">
      <p>
        <strong className="mono">{condition.code}</strong> {condition.display}
      </p>
      {errors[`conditions.${index}.code`] ? (
        <p className="field__error">Code {errors[`conditions.${index}.code`]}</p>
      ) : null}
      {errors[`conditions.${index}.display`] ? (
        <p className="field__error">Description {errors[`conditions.${index}.display`]}</p>
      ) : null}
      <div className="grid grid--compact">
        <TextField
          label={`Onset date for ${condition.code}`}
          type="date"
          value={condition.onsetDate}
          onChange={(onsetDate) => onUpdate({ onsetDate })}
          error={errors[`conditions.${index}.onsetDate`]}
        />
        <div className="field">
          <label htmlFor={`condition-status-${index}`}>Status of {condition.code}</label>
          <select
            id={`condition-status-${index}`}
            value={condition.status}
            onChange={(event) => onUpdate({ status: event.target.value as ConditionEntry['status'] })}
          >
            <option value="active">Active</option>
            <option value="resolved">Resolved</option>
          </select>
        </div>
      </div>
      <button type="button" className="button button--secondary button--small" onClick={onRemove}>
        Remove {condition.code}
      </button>
    </li>
  );
}
