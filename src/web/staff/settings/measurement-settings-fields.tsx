import { useId } from 'react';
import {
  MEASUREMENT_SETTING_GROUPS,
  MEASUREMENT_SETTING_SOURCES,
  type MeasurementSettingSource,
} from '../../../domain/measurement/index';
import { TextField } from '../ui/text-field';
import type { MeasurementFormState } from './settings-form-model';

type Errors = Record<string, string>;
type Change = <K extends keyof MeasurementFormState>(key: K, value: MeasurementFormState[K]) => void;

/** The server names a field `measurement.<key>` (or a part of it: a list entry, one item's wording). */
function errorFor(errors: Errors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const key = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return key ? errors[key] : undefined;
}

function defaultText(s: MeasurementSettingSource): string {
  const d = s.default;
  if (typeof d === 'boolean') return d ? 'on' : 'off';
  if (Array.isArray(d)) {
    const options = s.input.kind === 'items' ? s.input.options : [];
    return d.length
      ? d.map((v) => options.find((o) => o.value === v)?.label.split(' ')[0] ?? v).join(', ')
      : 'none';
  }
  if (typeof d === 'object') return 'none attached';
  return String(d);
}

/** "Default 35 · Müller 2000 … [primary] (docs/clinical-sources.md#madrs-scoring)" */
function SourceHint({ s }: { s: MeasurementSettingSource }) {
  const range =
    s.input.kind === 'integer' || s.input.kind === 'number' ? `${s.input.min} to ${s.input.max}. ` : '';
  return (
    <>
      {range}Default {defaultText(s)} · {s.source} <span className="badge">[{s.evidence}]</span>
      {s.section ? <span className="muted"> ({s.section})</span> : null}
    </>
  );
}

function NumberSetting({
  s,
  value,
  onChange,
  error,
}: {
  s: MeasurementSettingSource;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <TextField
      label={s.label}
      inputMode={s.input.kind === 'integer' ? 'numeric' : 'decimal'}
      value={value}
      onChange={onChange}
      error={error}
      hint={<SourceHint s={s} />}
      autoComplete="off"
    />
  );
}

function SwitchSetting({
  s,
  checked,
  onChange,
  error,
}: {
  s: MeasurementSettingSource;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error: string | undefined;
}) {
  const id = useId();
  return (
    <div className={`field field--checkbox${error ? ' field--invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? true : undefined}
      />
      <label htmlFor={id}>{s.label}</label>
      <p className="field__hint" id={`${id}-hint`}>
        <SourceHint s={s} />
      </p>
      {error ? <p className="field__error">{error}</p> : null}
    </div>
  );
}

function ItemsSetting({
  s,
  chosen,
  onChange,
  error,
}: {
  s: MeasurementSettingSource;
  chosen: readonly string[];
  onChange: (items: string[]) => void;
  error: string | undefined;
}) {
  const id = useId();
  if (s.input.kind !== 'items') return null;
  const options = s.input.options;
  const toggle = (value: string, on: boolean) =>
    onChange(options.map((o) => o.value).filter((v) => (v === value ? on : chosen.includes(v))));
  return (
    <fieldset className={error ? 'field field--invalid' : 'field'} aria-describedby={`${id}-hint`}>
      <legend>{s.label}</legend>
      {options.map((o) => (
        <div className="field field--checkbox" key={o.value}>
          <input
            id={`${id}-${o.value}`}
            type="checkbox"
            checked={chosen.includes(o.value)}
            onChange={(event) => toggle(o.value, event.target.checked)}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      <p className="field__hint" id={`${id}-hint`}>
        <SourceHint s={s} />
      </p>
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}

function WordingSetting({
  s,
  wording,
  onChange,
  errors,
}: {
  s: MeasurementSettingSource;
  wording: Record<string, string>;
  onChange: (wording: Record<string, string>) => void;
  errors: Errors;
}) {
  if (s.input.kind !== 'wording') return null;
  const { maxLength } = s.input;
  return (
    <div className="grid">
      <p className="field__hint">
        <SourceHint s={s} />
      </p>
      {s.input.items.map((item) => (
        <TextField
          key={item.id}
          label={item.label}
          value={wording[item.id] ?? ''}
          onChange={(text) => onChange({ ...wording, [item.id]: text })}
          error={errors[`measurement.${s.key}.${item.id}`]}
          maxLength={maxLength}
          hint={`Up to ${maxLength} characters, one line; blank = none attached.`}
          autoComplete="off"
        />
      ))}
    </div>
  );
}

/**
 * The clinic's measurement settings: each threshold with its default, its source and its evidence tag,
 * grouped as the clinic thinks of them. Native inputs only, each with its label, so Tab and Space work.
 */
export function MeasurementSettingsFields({
  value,
  onChange,
  errors,
  disabled,
}: {
  value: MeasurementFormState;
  onChange: (value: MeasurementFormState) => void;
  errors: Errors;
  disabled: boolean;
}) {
  const set: Change = (key, v) => onChange({ ...value, [key]: v });
  return (
    <>
      {MEASUREMENT_SETTING_GROUPS.map((group) => (
        <fieldset key={group.id} disabled={disabled}>
          <legend>Measurement: {group.legend}</legend>
          <p className="field__hint">{group.hint}</p>
          <div className="grid">
            {MEASUREMENT_SETTING_SOURCES.filter((s) => s.group === group.id).map((s) => {
              const error = errorFor(errors, `measurement.${s.key}`);
              const current = value[s.key];
              switch (s.input.kind) {
                case 'integer':
                case 'number':
                  return (
                    <NumberSetting
                      key={s.key}
                      s={s}
                      value={String(current)}
                      onChange={(v) => set(s.key, v as never)}
                      error={error}
                    />
                  );
                case 'boolean':
                  return (
                    <SwitchSetting
                      key={s.key}
                      s={s}
                      checked={current === true}
                      onChange={(v) => set(s.key, v as never)}
                      error={error}
                    />
                  );
                case 'items':
                  return (
                    <ItemsSetting
                      key={s.key}
                      s={s}
                      chosen={current as readonly string[]}
                      onChange={(v) => set(s.key, v as never)}
                      error={error}
                    />
                  );
                case 'wording':
                  return (
                    <WordingSetting
                      key={s.key}
                      s={s}
                      wording={current as Record<string, string>}
                      onChange={(v) => set(s.key, v as never)}
                      errors={errors}
                    />
                  );
              }
            })}
          </div>
        </fieldset>
      ))}
    </>
  );
}
