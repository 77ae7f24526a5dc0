import { useState } from 'react';
import { TextField } from '../ui/text-field';
import { freeCondition } from './condition-entries';
import type { ConditionEntry } from './patient-form-model';

interface FreeConditionFormProps {
  conditions: readonly ConditionEntry[];
  onAdd: (entry: ConditionEntry) => void;
}

/** Any well-formed ICD-10-CM code outside the catalog, with the description staff give it. */
export function FreeConditionForm({ conditions, onAdd }: FreeConditionFormProps) {
  const [freeCode, setFreeCode] = useState('');
  const [freeDisplay, setFreeDisplay] = useState('');
  const [freeError, setFreeError] = useState<string>();

  const addFree = () => {
    const result = freeCondition(conditions, freeCode, freeDisplay);
    if ('error' in result) return setFreeError(result.error);
    onAdd(result.entry);
    setFreeCode('');
    setFreeDisplay('');
    setFreeError(undefined);
  };

  return (
    <>
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
    </>
  );
}
