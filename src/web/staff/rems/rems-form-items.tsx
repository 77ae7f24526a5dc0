import { useId, type ReactNode } from 'react';
import { formatDate } from '../format';
import { TextField } from '../ui/text-field';
import type { FormItem } from './rems-api';

/** The anchor of an item on the page, for the missing list's links. */
export const itemAnchor = (itemId: string) => `rems-item-${itemId}`;

const YES_NO = ['Yes', 'No'];

/** A chart value or a saved one as it reads on paper. */
function shown(item: FormItem): string {
  if (item.value === null || item.value === '') return '—';
  return item.kind === 'date' ? formatDate(item.value) : item.value;
}

function Marks({ item }: { item: FormItem }) {
  return (
    <>
      {item.required ? <span className="muted"> (required)</span> : null}
      {item.unverified ? (
        <span className="badge rems-unverified">
          <span aria-hidden="true">! </span>check against the current form
        </span>
      ) : null}
    </>
  );
}

/** A value staff cannot change here: filled from the chart, or the form is submitted. */
export function ItemValue({ item }: { item: FormItem }) {
  return (
    <div className="rems-item rems-item--readonly" id={itemAnchor(item.id)}>
      <span className="rems-item__label">{item.label}</span>
      <span className="rems-item__value">{shown(item)}</span>
      {item.origin === 'chart' ? <span className="badge rems-chart">from the chart</span> : null}
      {item.unverified ? <Marks item={{ ...item, required: false }} /> : null}
    </div>
  );
}

interface EditProps {
  item: FormItem;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** Yes/no and choices as native radios in a fieldset: arrow keys move within, Tab moves on. */
function Choices({ item, value, onChange, error, options }: EditProps & { options: string[] }) {
  const id = useId();
  return (
    <fieldset
      className={`rems-item rems-choices${error ? ' field--invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>
        {item.label}
        <Marks item={item} />
      </legend>
      <div className="rems-choices__options">
        {options.map((o) => (
          <label key={o} className="rems-choice">
            <input
              type="radio"
              name={`${id}-${item.id}`}
              value={o}
              checked={value === o}
              onChange={() => onChange(o)}
            />{' '}
            {o}
          </label>
        ))}
        {!item.required && value !== '' ? (
          <button type="button" className="button button--link" onClick={() => onChange('')}>
            Clear<span className="visually-hidden"> {item.label}</span>
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The input of each kind; an unknown kind (a later template) is plain text. */
function inputProps(kind: string): { type?: string; inputMode?: 'numeric'; hint?: ReactNode } {
  switch (kind) {
    case 'number':
      return { inputMode: 'numeric', hint: 'A whole number.' };
    case 'date':
      return { type: 'date' };
    case 'blood_pressure':
      return { hint: 'Systolic/diastolic, e.g. 120/80.' };
    default:
      return {};
  }
}

/** An item staff complete, by its kind. */
export function ItemInput({ item, value, onChange, error }: EditProps) {
  if (item.kind === 'yes_no' || item.kind === 'choice')
    return (
      <div id={itemAnchor(item.id)}>
        <Choices
          item={item}
          value={value}
          onChange={onChange}
          error={error}
          options={item.kind === 'yes_no' ? YES_NO : item.options}
        />
      </div>
    );
  const { hint, ...rest } = inputProps(item.kind);
  return (
    <div id={itemAnchor(item.id)} className="rems-item">
      <TextField
        label={
          <>
            {item.label}
            <Marks item={item} />
          </>
        }
        value={value}
        onChange={onChange}
        error={error}
        hint={hint}
        maxLength={item.kind === 'text' ? 200 : 20}
        placeholder={item.kind === 'blood_pressure' ? '120/80' : undefined}
        autoComplete="off"
        {...rest}
      />
    </div>
  );
}
