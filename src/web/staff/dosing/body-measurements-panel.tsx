import { useState, type FormEvent } from 'react';
import type { BodyMeasurement, PatientBodyMeasurements } from '../../../contracts/dosing';
import { apiPost, errorMessage } from '../api-client';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import {
  MEASUREMENT_SOURCE_LABEL,
  RECORDED_SOURCE_OPTIONS,
  initialMeasurementForm,
  measurementBodyOf,
  measurementIsStale,
  measurementSummary,
  type MeasurementFormState,
} from './body-measurement-model';
import { useFormSubmit } from './use-form-submit';
import { formatDateTime } from '../format';

const BODY = ['body'] as const;

/**
 * The patient's dated weights and heights: the one a dose would use, with its age, a short history, and
 * a form to record a new one or correct an earlier one (corrections amend; nothing is overwritten).
 */
export function BodyMeasurementsPanel({
  patientId,
  data,
  maxAgeDays,
  onRecorded,
}: {
  patientId: string;
  data: PatientBodyMeasurements;
  maxAgeDays: number;
  onRecorded: () => void;
}) {
  const now = new Date();
  const latest = data.latest;
  return (
    <section aria-labelledby="body-measurements-heading" className="dosing__measurements">
      <h3 id="body-measurements-heading">Body measurements</h3>
      {latest ? (
        <p>
          <strong>Latest:</strong> {measurementSummary(latest, now)}, recorded by {latest.recordedBy.label}.
          {measurementIsStale(latest.measuredAt, maxAgeDays, now) ? (
            <span className="alert alert--warning dosing__stale">
              Older than {maxAgeDays} days: record a new measurement, or enter today’s weight and height with
              the dose.
            </span>
          ) : null}
        </p>
      ) : (
        <p className="muted">No body measurement on the chart yet.</p>
      )}
      {data.items.length > 0 ? <MeasurementHistory items={data.items.slice(0, 5)} /> : null}
      <details>
        <summary>Record a body measurement</summary>
        <MeasurementForm patientId={patientId} items={data.items} onRecorded={onRecorded} />
      </details>
    </section>
  );
}

function MeasurementHistory({ items }: { items: BodyMeasurement[] }) {
  return (
    <div className="table-wrap" role="region" aria-label="Recent body measurements" tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">Recent body measurements, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Measured</th>
            <th scope="col">Weight</th>
            <th scope="col">Height</th>
            <th scope="col">Source</th>
            <th scope="col">Recorded by</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id} className={m.amendedBy ? 'dosing__superseded' : undefined}>
              <th scope="row">
                {formatDateTime(m.measuredAt)}
                {m.amendedBy ? ' (corrected later)' : ''}
              </th>
              <td>{m.weightKg} kg</td>
              <td>{m.heightCm} cm</td>
              <td>
                {MEASUREMENT_SOURCE_LABEL[m.source]}
                {m.amends ? `; corrects an earlier one: ${m.amends.reason ?? ''}` : ''}
              </td>
              <td>{m.recordedBy.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MeasurementForm({
  patientId,
  items,
  onRecorded,
}: {
  patientId: string;
  items: BodyMeasurement[];
  onRecorded: () => void;
}) {
  const [form, setForm] = useState<MeasurementFormState>(initialMeasurementForm);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const { error, errors, run } = useFormSubmit(BODY);
  const set = (key: keyof MeasurementFormState) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setLocal((e) => ({ ...e, [key]: '' }));
  };
  const message = (key: string) =>
    local[key] || errors[key] || errors[`${key}.unit`] || errors[`${key}.value`];
  const correctable = items.filter((m) => m.amendedBy === null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    const built = measurementBodyOf(form);
    setLocal(built.errors);
    if (!built.body) return Promise.resolve();
    const body = built.body;
    return run(async () => {
      const saved = await apiPost<BodyMeasurement>(`/api/patients/${patientId}/body-measurements`, body);
      setForm(initialMeasurementForm());
      setNotice(`Recorded ${saved.weightKg} kg, ${saved.heightCm} cm.`);
      onRecorded();
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Record a body measurement">
      <NoticeBanner>{notice}</NoticeBanner>
      <div className="grid grid--compact">
        <TextField
          label="Body weight in kg"
          inputMode="decimal"
          value={form.weight}
          onChange={set('weight')}
          error={message('weight')}
          autoComplete="off"
        />
        <TextField
          label="Body height in cm"
          inputMode="decimal"
          value={form.height}
          onChange={set('height')}
          error={message('height')}
          autoComplete="off"
        />
        <SelectField
          label="Where the measurement comes from"
          value={form.source}
          onChange={set('source')}
          options={RECORDED_SOURCE_OPTIONS}
          error={message('source')}
        />
        <TextField
          label="Measured at"
          type="datetime-local"
          value={form.measuredAt}
          onChange={set('measuredAt')}
          error={message('measuredAt')}
          hint="Leave empty for now"
        />
        {correctable.length > 0 ? (
          <SelectField
            label="Corrects an earlier measurement"
            value={form.amends}
            onChange={set('amends')}
            options={[
              { value: '', label: 'No: a new measurement' },
              ...correctable.map((m) => ({
                value: m.id,
                label: `${formatDateTime(m.measuredAt)}: ${m.weightKg} kg, ${m.heightCm} cm`,
              })),
            ]}
          />
        ) : null}
        {form.amends !== '' ? (
          <TextField
            label="Reason for the correction"
            value={form.reason}
            onChange={set('reason')}
            error={message('reason') || errors['amends.reason']}
            autoComplete="off"
          />
        ) : null}
      </div>
      <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
      <button type="submit" className="button button--secondary">
        Record measurement
      </button>
    </form>
  );
}
