import { useState } from 'react';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import type { AlertEntry } from './patient-form-model';

const severityOptions = [
  { value: 'info', label: 'Information' },
  { value: 'warning', label: 'Warning' },
  { value: 'critical', label: 'Critical' },
] as const;

interface AlertsEditorProps {
  alerts: AlertEntry[];
  onChange: (alerts: AlertEntry[]) => void;
  errors: Record<string, string>;
}

/** Alerts show in the chart banner on every tab, so staff see them before anything else. */
export function AlertsEditor({ alerts, onChange, errors }: AlertsEditorProps) {
  const [text, setText] = useState('');
  const [severity, setSeverity] = useState<AlertEntry['severity']>('warning');

  const add = () => {
    if (!text.trim()) return;
    onChange([...alerts, { text: text.trim(), severity }]);
    setText('');
    setSeverity('warning');
  };

  return (
    <fieldset>
      <legend>Alerts</legend>
      {alerts.length === 0 ? <p className="muted">No alerts.</p> : null}
      <ul className="entry-list">
        {alerts.map((alert, index) => (
          <li key={`${alert.text}-${index}`} className={`entry-list__item alert alert--${alert.severity}`}>
            <p>
              <strong>{severityOptions.find((o) => o.value === alert.severity)?.label}:</strong> {alert.text}
            </p>
            {errors[`alerts.${index}.text`] ? (
              <p className="field__error">{errors[`alerts.${index}.text`]}</p>
            ) : null}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onChange(alerts.filter((_, i) => i !== index))}
            >
              Remove alert {index + 1}
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-add">
        <TextField label="New alert" value={text} onChange={setText} autoComplete="off" maxLength={200} />
        <SelectField
          label="Severity"
          value={severity}
          onChange={(v) => setSeverity(v as AlertEntry['severity'])}
          options={severityOptions}
        />
        <button type="button" className="button button--secondary" onClick={add} disabled={!text.trim()}>
          Add alert
        </button>
      </div>
    </fieldset>
  );
}
