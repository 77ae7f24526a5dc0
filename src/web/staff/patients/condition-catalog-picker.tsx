import { useState } from 'react';
import { catalogGroups } from './condition-entries';

interface ConditionCatalogPickerProps {
  /** Whether a code is already listed; such codes show but cannot be chosen again. */
  isListed: (code: string) => boolean;
  /** Adds the picked code and says whether it did; the picker clears only once it was added. */
  onPick: (code: string) => boolean;
}

export function ConditionCatalogPicker({ isListed, onPick }: ConditionCatalogPickerProps) {
  const [picked, setPicked] = useState('');
  const add = () => {
    if (onPick(picked)) setPicked('');
  };
  return (
    <div className="inline-add">
      <div className="field">
        <label htmlFor="condition-pick">Add from the catalog</label>
        <select id="condition-pick" value={picked} onChange={(event) => setPicked(event.target.value)}>
          <option value="">Choose a condition…</option>
          {catalogGroups.map(({ group, label, entries }) => (
            <optgroup key={group} label={label}>
              {entries.map((c) => (
                <option key={c.code} value={c.code} disabled={isListed(c.code)}>
                  {c.code} {c.display}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button type="button" className="button button--secondary" onClick={add} disabled={!picked}>
        Add condition
      </button>
    </div>
  );
}
