import { useId, type ReactNode } from 'react';
import type { IntakeItem } from '../../../domain/intake';

/**
 * One intake item as a form control, chosen by its kind (INTAKE_ITEMS is the only place questions are
 * written). Answers are kept as the server takes them; an emptied field removes the answer.
 */

export type Answers = Record<string, unknown>;
type SetAnswer = (id: string, value: unknown) => void;

const num = (text: string): number | string | null => {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
};
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface FieldProps {
  item: IntakeItem;
  value: unknown;
  set: SetAnswer;
  error: string | undefined;
}

function Described({ item, error, id }: { item: IntakeItem; error: string | undefined; id: string }) {
  return (
    <>
      {item.help ? (
        <p className="field__hint" id={`${id}-hint`}>
          {item.help}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

const describedBy = (item: IntakeItem, error: string | undefined, id: string) =>
  [item.help ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

function Group({
  item,
  error,
  id,
  children,
}: {
  item: IntakeItem;
  error: string | undefined;
  id: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      className={`intake-item${error ? ' field--invalid' : ''}`}
      aria-describedby={describedBy(item, error, id)}
      data-item={item.id}
    >
      <legend>
        {item.label}
        {item.required ? null : <span className="muted"> (optional)</span>}
      </legend>
      {children}
      <Described item={item} error={error} id={id} />
    </fieldset>
  );
}

function Radios({ item, value, set, error }: FieldProps) {
  const id = useId();
  const options =
    item.kind === 'yes_no'
      ? [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]
      : (item.options ?? []);
  const current =
    item.kind === 'yes_no' ? (value === true ? 'yes' : value === false ? 'no' : '') : str(value);
  return (
    <Group item={item} error={error} id={id}>
      <div className="intake-options">
        {options.map((o) => (
          <label key={o.value} className="intake-option">
            <input
              type="radio"
              name={`${id}-${item.id}`}
              value={o.value}
              checked={current === o.value}
              onChange={() => set(item.id, item.kind === 'yes_no' ? o.value === 'yes' : o.value)}
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
    </Group>
  );
}

function Single({ item, value, set, error }: FieldProps) {
  const id = useId();
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(item, error, id),
  } as const;
  let control: ReactNode;
  if (item.kind === 'number') {
    control = (
      <input
        {...common}
        type="number"
        inputMode="numeric"
        min={item.min}
        max={item.max}
        step={item.integer ? 1 : 'any'}
        value={str(value)}
        onChange={(e) => set(item.id, num(e.target.value))}
      />
    );
  } else if (item.kind === 'date') {
    control = (
      <input
        {...common}
        type="date"
        value={str(value)}
        onChange={(e) => set(item.id, e.target.value || null)}
      />
    );
  } else {
    control = (
      <textarea
        {...common}
        rows={3}
        maxLength={item.max}
        value={str(value)}
        onChange={(e) => set(item.id, e.target.value === '' ? null : e.target.value)}
      />
    );
  }
  return (
    <div className={`field intake-item${error ? ' field--invalid' : ''}`} data-item={item.id}>
      <label htmlFor={id}>
        {item.label}
        {item.unit ? <span className="muted"> ({item.unit})</span> : null}
        {item.required ? null : <span className="muted"> (optional)</span>}
      </label>
      {control}
      <Described item={item} error={error} id={id} />
    </div>
  );
}

function BloodPressure({ item, value, set, error }: FieldProps) {
  const id = useId();
  const bp = isRecord(value) ? value : {};
  const update = (key: string, v: unknown) => {
    const next = { ...bp, [key]: v };
    const empty = [next.systolic, next.diastolic, next.measuredOn].every(
      (x) => x === null || x === undefined || x === '',
    );
    set(item.id, empty ? null : next);
  };
  return (
    <Group item={item} error={error} id={id}>
      <div className="intake-row">
        <div className="field">
          <label htmlFor={`${id}-sys`}>Systolic (upper, mmHg)</label>
          <input
            id={`${id}-sys`}
            type="number"
            inputMode="numeric"
            value={str(bp.systolic)}
            onChange={(e) => update('systolic', num(e.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-dia`}>Diastolic (lower, mmHg)</label>
          <input
            id={`${id}-dia`}
            type="number"
            inputMode="numeric"
            value={str(bp.diastolic)}
            onChange={(e) => update('diastolic', num(e.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>Date taken</label>
          <input
            id={`${id}-date`}
            type="date"
            value={str(bp.measuredOn)}
            onChange={(e) => update('measuredOn', e.target.value || null)}
          />
        </div>
      </div>
    </Group>
  );
}

interface RowColumn {
  key: string;
  label: string;
  type: 'text' | 'number';
}

function Rows({
  item,
  value,
  set,
  error,
  columns,
  noun,
}: FieldProps & { columns: RowColumn[]; noun: string }) {
  const id = useId();
  const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const none = Array.isArray(value) && rows.length === 0;
  const blank = () => Object.fromEntries(columns.map((c) => [c.key, c.type === 'number' ? null : '']));
  const change = (i: number, key: string, v: unknown) =>
    set(
      item.id,
      rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)),
    );
  return (
    <Group item={item} error={error} id={id}>
      {rows.map((row, i) => (
        <div key={i} className="intake-row" role="group" aria-label={`${noun} ${i + 1}`}>
          {columns.map((c) => (
            <div className="field" key={c.key}>
              <label htmlFor={`${id}-${i}-${c.key}`}>
                {c.label}{' '}
                <span className="visually-hidden">
                  ({noun.toLowerCase()} {i + 1})
                </span>
              </label>
              <input
                id={`${id}-${i}-${c.key}`}
                type={c.type}
                inputMode={c.type === 'number' ? 'decimal' : undefined}
                value={str(row[c.key])}
                onChange={(e) =>
                  change(
                    i,
                    c.key,
                    c.type === 'number'
                      ? num(e.target.value)
                      : e.target.value || (c.key === 'reaction' ? null : ''),
                  )
                }
              />
            </div>
          ))}
          <button
            type="button"
            className="button button--secondary intake-row__remove"
            onClick={() =>
              set(
                item.id,
                rows.filter((_, j) => j !== i),
              )
            }
          >
            Remove
            <span className="visually-hidden">
              {' '}
              {noun.toLowerCase()} {i + 1}
            </span>
          </button>
        </div>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => set(item.id, [...rows, blank()])}
          disabled={item.max !== undefined && rows.length >= item.max}
        >
          Add {noun.toLowerCase()}
        </button>
        {rows.length === 0 ? (
          <label className="intake-option">
            <input
              type="checkbox"
              checked={none}
              onChange={(e) => set(item.id, e.target.checked ? [] : null)}
            />{' '}
            None
          </label>
        ) : null}
      </div>
    </Group>
  );
}

const trialColumns: RowColumn[] = [
  { key: 'drug', label: 'Medicine', type: 'text' },
  { key: 'doseMg', label: 'Highest daily dose (mg)', type: 'number' },
  { key: 'weeks', label: 'Weeks at that dose', type: 'number' },
];
const allergyColumns: RowColumn[] = [
  { key: 'substance', label: 'Allergic to', type: 'text' },
  { key: 'reaction', label: 'What happened', type: 'text' },
];

export function IntakeField(props: FieldProps) {
  switch (props.item.kind) {
    case 'yes_no':
    case 'yes_no_unsure':
    case 'choice':
      return <Radios {...props} />;
    case 'blood_pressure':
      return <BloodPressure {...props} />;
    case 'trials':
      return <Rows {...props} columns={trialColumns} noun="Antidepressant" />;
    case 'allergies':
      return <Rows {...props} columns={allergyColumns} noun="Allergy" />;
    default:
      return <Single {...props} />;
  }
}
