import type { IntakeItem } from '../../domain/intake/index';

/**
 * One intake question as native form controls, named as the server reads them
 * (src/server/capabilities/patient-forms/intake-form-post.ts). Values come back as the patient typed
 * them when a post is refused, so nothing typed is lost.
 */

type Values = Record<string, unknown>;
type Row = Record<string, unknown>;

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function ErrorLine({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="question__error" id={`e-${id}`}>
      {error}
    </p>
  ) : null;
}

function Choices({ item, value, error }: { item: IntakeItem; value: unknown; error?: string }) {
  const options =
    item.kind === 'yes_no'
      ? [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]
      : (item.options ?? []);
  const current =
    item.kind === 'yes_no' ? (value === true ? 'yes' : value === false ? 'no' : text(value)) : text(value);
  return (
    <fieldset id={`q-${item.id}`} aria-describedby={error ? `e-${item.id}` : undefined}>
      <legend>{item.label}</legend>
      {item.help ? <p className="portal-small">{item.help}</p> : null}
      <ErrorLine id={item.id} error={error} />
      <div className="options">
        {options.map((option) => {
          const id = `${item.id}-${option.value}`;
          return (
            <label key={id} className="option" htmlFor={id}>
              <input
                type="radio"
                id={id}
                name={item.id}
                value={option.value}
                defaultChecked={current === option.value}
              />
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function Single({ item, value, error }: { item: IntakeItem; value: unknown; error?: string }) {
  const id = `q-${item.id}`;
  const describedBy = error ? `e-${item.id}` : undefined;
  return (
    <div className="form-field">
      <label htmlFor={id} className="form-field__label">
        {item.label}
        {item.required ? null : <span className="question__optional"> (optional)</span>}
      </label>
      {item.help ? <p className="portal-small">{item.help}</p> : null}
      <ErrorLine id={item.id} error={error} />
      {item.kind === 'text' ? (
        <textarea
          id={id}
          name={item.id}
          rows={3}
          maxLength={item.max ?? 2000}
          defaultValue={text(value)}
          aria-describedby={describedBy}
        />
      ) : (
        <input
          id={id}
          name={item.id}
          type={item.kind === 'date' ? 'date' : 'text'}
          inputMode={item.kind === 'number' ? 'numeric' : undefined}
          defaultValue={text(value)}
          aria-describedby={describedBy}
        />
      )}
    </div>
  );
}

function BloodPressure({ item, value, error }: { item: IntakeItem; value: unknown; error?: string }) {
  const bp = (value ?? {}) as Row;
  return (
    <fieldset id={`q-${item.id}`} aria-describedby={error ? `e-${item.id}` : undefined}>
      <legend>
        {item.label}
        {item.required ? null : <span className="question__optional"> (optional)</span>}
      </legend>
      <ErrorLine id={item.id} error={error} />
      <div className="form-row">
        <label>
          Top number (systolic)
          <input name={`${item.id}.systolic`} inputMode="numeric" defaultValue={text(bp.systolic)} />
        </label>
        <label>
          Bottom number (diastolic)
          <input name={`${item.id}.diastolic`} inputMode="numeric" defaultValue={text(bp.diastolic)} />
        </label>
        <label>
          Date measured
          <input name={`${item.id}.measuredOn`} type="date" defaultValue={text(bp.measuredOn)} />
        </label>
      </div>
    </fieldset>
  );
}

/** Blank rows offered after the filled ones; "Add more rows" saves and offers more. */
export const BLANK_ROWS = 3;

export function RowList({
  id,
  legend,
  help,
  columns,
  rows,
  noneLabel,
  noneChecked,
  error,
  extraRows,
}: {
  id: string;
  legend: string;
  help?: string;
  columns: Array<{ field: string; label: string; numeric?: boolean; flag?: boolean }>;
  rows: Row[];
  noneLabel: string;
  noneChecked: boolean;
  error?: string;
  extraRows: number;
}) {
  const all = [...rows, ...Array.from({ length: extraRows }, () => ({}) as Row)];
  return (
    <fieldset id={`q-${id}`} aria-describedby={error ? `e-${id}` : undefined}>
      <legend>{legend}</legend>
      {help ? <p className="portal-small">{help}</p> : null}
      <ErrorLine id={id} error={error} />
      <label className="option" htmlFor={`${id}-none`}>
        <input type="checkbox" id={`${id}-none`} name={`${id}.none`} value="1" defaultChecked={noneChecked} />
        <span>{noneLabel}</span>
      </label>
      <ol className="row-list">
        {all.map((row, i) => (
          <li key={i} className="form-row">
            {columns.map((c) =>
              c.flag ? (
                <label key={c.field} className="form-row__flag">
                  <input
                    type="checkbox"
                    name={`${id}.${i}.${c.field}`}
                    value="1"
                    defaultChecked={row[c.field] === true}
                  />
                  {c.label}
                </label>
              ) : (
                <label key={c.field}>
                  {c.label} <span className="visually-hidden">{i + 1}</span>
                  <input
                    name={`${id}.${i}.${c.field}`}
                    inputMode={c.numeric ? 'decimal' : undefined}
                    defaultValue={text(row[c.field])}
                  />
                </label>
              ),
            )}
          </li>
        ))}
      </ol>
    </fieldset>
  );
}

export function IntakeQuestion({
  item,
  values,
  error,
  extraRows,
}: {
  item: IntakeItem;
  values: Values;
  error?: string;
  extraRows: number;
}) {
  const value = values[item.id];
  switch (item.kind) {
    case 'yes_no':
    case 'yes_no_unsure':
    case 'choice':
      return <Choices item={item} value={value} error={error} />;
    case 'blood_pressure':
      return <BloodPressure item={item} value={value} error={error} />;
    case 'trials':
    case 'allergies': {
      const trials = item.kind === 'trials';
      return (
        <RowList
          id={item.id}
          legend={item.label}
          help={item.help}
          columns={
            trials
              ? [
                  { field: 'drug', label: 'Medicine' },
                  { field: 'doseMg', label: 'Highest mg a day', numeric: true },
                  { field: 'weeks', label: 'Weeks at that dose', numeric: true },
                ]
              : [
                  { field: 'substance', label: 'Allergic to' },
                  { field: 'reaction', label: 'What happened' },
                ]
          }
          rows={Array.isArray(value) ? (value as Row[]) : []}
          noneLabel={trials ? 'I have not taken any antidepressant' : 'I have no allergies'}
          noneChecked={Array.isArray(value) && value.length === 0}
          error={error}
          extraRows={extraRows}
        />
      );
    }
    default:
      return <Single item={item} value={value} error={error} />;
  }
}
