import { ConditionCatalogPicker } from './condition-catalog-picker';
import { hasCondition, pickedCondition } from './condition-entries';
import { ConditionListItem } from './condition-list-item';
import { FreeConditionForm } from './free-condition-form';
import type { ConditionEntry } from './patient-form-model';

interface ConditionsEditorProps {
  conditions: ConditionEntry[];
  onChange: (conditions: ConditionEntry[]) => void;
  errors: Record<string, string>;
}

/** Pick from the ICD-10-CM catalog, or record any well-formed code with its own description. */
export function ConditionsEditor({ conditions, onChange, errors }: ConditionsEditorProps) {
  const addPicked = (code: string) => {
    const entry = pickedCondition(conditions, code);
    if (entry) onChange([...conditions, entry]);
    return entry !== undefined;
  };

  const update = (index: number, change: Partial<ConditionEntry>) =>
    onChange(conditions.map((c, i) => (i === index ? { ...c, ...change } : c)));

  return (
    <fieldset>
      <legend>Conditions (ICD-10-CM)</legend>
      {errors.conditions ? <p className="field__error">{errors.conditions}</p> : null}
      {conditions.length === 0 ? <p className="muted">No conditions recorded.</p> : null}
      <ul className="entry-list">
        {conditions.map((condition, index) => (
          <ConditionListItem
            key={`${condition.code}-${index}`}
            condition={condition}
            index={index}
            errors={errors}
            onUpdate={(change) => update(index, change)}
            onRemove={() => onChange(conditions.filter((_, i) => i !== index))}
          />
        ))}
      </ul>
      <ConditionCatalogPicker isListed={(code) => hasCondition(conditions, code)} onPick={addPicked} />
      <FreeConditionForm conditions={conditions} onAdd={(entry) => onChange([...conditions, entry])} />
    </fieldset>
  );
}
