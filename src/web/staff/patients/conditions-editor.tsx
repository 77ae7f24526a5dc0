import { useState } from 'react';
import { conditionCatalog, isWellFormedIcd10, type ConditionCode } from '../../../domain/patients';
import { TextField } from '../ui/text-field';
import type { ConditionEntry } from './patient-form-model';

const groupLabels: Record<ConditionCode['group'], string> = {
  depression: 'Depression',
  anxiety: 'Anxiety',
  ptsd: 'PTSD',
  pain: 'Pain',
  other: 'Other',
};
const groups = Object.keys(groupLabels) as ConditionCode['group'][];

interface ConditionsEditorProps {
  conditions: ConditionEntry[];
  onChange: (conditions: ConditionEntry[]) => void;
  errors: Record<string, string>;
}

/** Pick from the ICD-10-CM catalog, or record any well-formed code with its own description. */
export function ConditionsEditor({ conditions, onChange, errors }: ConditionsEditorProps) {
  const [picked, setPicked] = useState('');
  const [freeCode, setFreeCode] = useState('');
  const [freeDisplay, setFreeDisplay] = useState('');
  const [freeError, setFreeError] = useState<string>();
  const has = (code: string) => conditions.some((c) => c.code.toUpperCase() === code.toUpperCase());

  const addPicked = () => {
    const entry = conditionCatalog.find((c) => c.code === picked);
    if (!entry || has(entry.code)) return;
    onChange([...conditions, { code: entry.code, display: entry.display, onsetDate: '', status: 'active' }]);
    setPicked('');
  };

  const addFree = () => {
    const code = freeCode.trim().toUpperCase();
    if (!isWellFormedIcd10(code)) return setFreeError('Enter an ICD-10-CM code such as F33.1');
    if (!freeDisplay.trim()) return setFreeError('Enter a description for the code');
    if (has(code)) return setFreeError('This code is already listed');
    onChange([...conditions, { code, display: freeDisplay.trim(), onsetDate: '', status: 'active' }]);
    setFreeCode('');
    setFreeDisplay('');
    setFreeError(undefined);
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
          <li key={`${condition.code}-${index}`} className="entry-list__item">
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
                onChange={(onsetDate) => update(index, { onsetDate })}
                error={errors[`conditions.${index}.onsetDate`]}
              />
              <div className="field">
                <label htmlFor={`condition-status-${index}`}>Status of {condition.code}</label>
                <select
                  id={`condition-status-${index}`}
                  value={condition.status}
                  onChange={(event) =>
                    update(index, { status: event.target.value as ConditionEntry['status'] })
                  }
                >
                  <option value="active">Active</option>
                  <option value="resolved">Resolved</option>
                </select>
              </div>
            </div>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onChange(conditions.filter((_, i) => i !== index))}
            >
              Remove {condition.code}
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-add">
        <div className="field">
          <label htmlFor="condition-pick">Add from the catalog</label>
          <select id="condition-pick" value={picked} onChange={(event) => setPicked(event.target.value)}>
            <option value="">Choose a condition…</option>
            {groups.map((group) => (
              <optgroup key={group} label={groupLabels[group]}>
                {conditionCatalog
                  .filter((c) => c.group === group)
                  .map((c) => (
                    <option key={c.code} value={c.code} disabled={has(c.code)}>
                      {c.code} {c.display}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="button" className="button button--secondary" onClick={addPicked} disabled={!picked}>
          Add condition
        </button>
      </div>
      <div className="inline-add">
        <TextField
          label="Other ICD-10-CM code"
          value={freeCode}
          onChange={setFreeCode}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField label="Description" value={freeDisplay} onChange={setFreeDisplay} autoComplete="off" />
        <button type="button" className="button button--secondary" onClick={addFree}>
          Add code
        </button>
      </div>
      {freeError ? (
        <p className="field__error" role="alert">
          {freeError}
        </p>
      ) : null}
    </fieldset>
  );
}
