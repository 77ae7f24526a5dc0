import { useState } from 'react';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { everyDay, type HoursRow } from './setup-model';
import { weekdayNames } from './slot-groups';

interface HoursRowsEditorProps {
  rows: readonly HoursRow[];
  onChange: (rows: HoursRow[]) => void;
  /** Field problems by "<index>.<weekday|opens|closes>". */
  errors: Record<string, string>;
  /** Said when there are no rows. */
  emptyText: string;
}

const dayOptions = weekdayNames.map((d) => ({ value: String(d.value), label: d.long }));

function rowLabel(text: string, i: number) {
  return (
    <>
      {text}
      <span className="visually-hidden">, row {i + 1}</span>
    </>
  );
}

/** Weekly hours as rows (a day, opening and closing time), or the same hours on all seven days at once. */
export function HoursRowsEditor({ rows, onChange, errors, emptyText }: HoursRowsEditorProps) {
  const [opens, setOpens] = useState('08:00');
  const [closes, setCloses] = useState('18:00');
  const setRow = (i: number, change: Partial<HoursRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));

  return (
    <>
      <fieldset className="inline-add">
        <legend>Same hours every day</legend>
        <TextField label="Opens every day" type="time" value={opens} onChange={setOpens} />
        <TextField label="Closes every day" type="time" value={closes} onChange={setCloses} />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange(everyDay(opens, closes))}
        >
          Apply to every day
        </button>
      </fieldset>
      {rows.length === 0 ? <p className="muted">{emptyText}</p> : null}
      <ul className="hours-rows">
        {rows.map((row, i) => (
          <li key={i} className="inline-add">
            <SelectField
              label={rowLabel('Day', i)}
              value={String(row.weekday)}
              options={dayOptions}
              onChange={(value) => setRow(i, { weekday: Number(value) })}
              error={errors[`${i}.weekday`]}
            />
            <TextField
              label={rowLabel('Opens', i)}
              type="time"
              value={row.opens}
              onChange={(value) => setRow(i, { opens: value })}
              error={errors[`${i}.opens`]}
            />
            <TextField
              label={rowLabel('Closes', i)}
              type="time"
              value={row.closes}
              onChange={(value) => setRow(i, { closes: value })}
              error={errors[`${i}.closes`]}
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              Remove<span className="visually-hidden"> row {i + 1}</span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...rows, { weekday: 1, opens: '08:00', closes: '18:00' }])}
      >
        Add a row
      </button>
    </>
  );
}
