import { useMemo, useState, type FormEvent } from 'react';
import type {
  DoseInputs,
  DoseOrder,
  DosePreview,
  DoseRecord,
  PatientDoses,
  ProtocolList,
} from '../../../contracts/dosing';
import { STEP_DOSE_UNIT, stepDoseValue, type Protocol } from '../../../domain/protocols';
import { apiGet, apiPost, errorMessage, ApiError } from '../api-client';
import type { ChartTabProps } from '../patient-chart/chart-tab-types';
import { useCan, useSession } from '../session-context';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { useLoad } from '../ui/use-load';
import { DoseCurve } from './dose-curve';
import { DoseList } from './dose-list';
import { formFieldOf, parseRefKey, refKey } from './dose-form-fields';
import { ExplanationTable } from './explanation-table';
import './dosing.css';

interface FormState {
  protocol: string;
  step: string;
  weight: string;
  height: string;
  sex: string;
  vial: string;
  bag: string;
  override: string;
  sessions: string;
}

const num = (s: string) => Number(s.trim());

/** Form → request body, with the browser's own checks for blanks; every other check is the server's. */
function toBody(
  form: FormState,
  protocol: Protocol | undefined,
): { body?: DoseInputs; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const ref = parseRefKey(form.protocol);
  if (!ref || !protocol) errors.protocol = 'Choose a protocol';
  const step = protocol?.steps.find((s) => s.id === form.step);
  if (!step) errors.step = 'Choose a step';
  const iv = protocol?.route === 'iv';
  const need = (key: keyof FormState, message: string) => {
    if (form[key].trim() === '' || !Number.isFinite(num(form[key]))) errors[key] = message;
  };
  if (iv) {
    need('weight', 'Enter the weight in kg');
    need('height', 'Enter the height in cm');
    if (form.sex !== 'male' && form.sex !== 'female')
      errors.sex = 'Choose the sex used by the ideal-weight formula';
    need('vial', 'Enter the vial concentration in mg/mL');
    if (step && 'durationMin' in step && step.durationMin > 0) need('bag', 'Enter the bag volume in mL');
  }
  if (form.override.trim() !== '') need('override', 'Enter a number, or leave empty for the step dose');
  if (form.sessions.trim() !== '') need('sessions', 'Enter a whole number');
  if (Object.keys(errors).length > 0 || !ref || !step) return { errors };
  const body: DoseInputs = { protocol: ref, stepId: step.id };
  if (iv) {
    body.patient = {
      weight: { value: num(form.weight), unit: 'kg' },
      height: { value: num(form.height), unit: 'cm' },
      sex: form.sex,
    };
    body.preparation = {
      vialConcentration: { value: num(form.vial), unit: 'mg/mL' },
      ...(form.bag.trim() !== '' ? { bagVolume: { value: num(form.bag), unit: 'mL' } } : {}),
    };
  }
  if (form.override.trim() !== '')
    body.doseOverride = { value: num(form.override), unit: STEP_DOSE_UNIT[step.kind] };
  if (form.sessions.trim() !== '') body.history = { sessionsWithoutResponse: num(form.sessions) };
  return { body, errors };
}

export function DosingTab({ patient }: ChartTabProps) {
  const can = useCan();
  const { me } = useSession();
  const protocols = useLoad((signal) => apiGet<ProtocolList>('/api/protocols', { signal }), 'protocols');
  const doses = useLoad(
    (signal) => apiGet<PatientDoses>(`/api/patients/${patient.id}/doses`, { signal }),
    `doses-${patient.id}`,
  );
  const sexDefault =
    patient.sexAtBirth === 'male' || patient.sexAtBirth === 'female' ? patient.sexAtBirth : '';
  const [form, setForm] = useState<FormState>({
    protocol: 'library:iv-depression:1',
    step: 'standard',
    weight: '',
    height: '',
    sex: sexDefault,
    vial: '',
    bag: '',
    override: '',
    sessions: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>('');
  const [preview, setPreview] = useState<{ result: DosePreview; bodyKey: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');

  // Only a clinic protocol's newest version is offered for a new dose; older versions stay readable.
  const choices = useMemo(() => {
    const list = protocols.data;
    if (!list) return [];
    return [
      ...list.clinic
        .filter((c) => c.latest)
        .map((c) => ({
          key: refKey({ origin: 'clinic', id: c.protocol.id, version: c.protocol.version }),
          protocol: c.protocol,
          group: 'Clinic',
        })),
      ...list.library.map((l) => ({
        key: refKey({ origin: 'library', id: l.protocol.id, version: l.protocol.version }),
        protocol: l.protocol,
        group: 'Library',
      })),
    ];
  }, [protocols.data]);
  const protocol = choices.find((c) => c.key === form.protocol)?.protocol;
  const step = protocol?.steps.find((s) => s.id === form.step);
  const built = toBody(form, protocol);
  const bodyKey = built.body ? JSON.stringify(built.body) : '';
  const stale = preview !== null && preview.bodyKey !== bodyKey;

  const set = (key: keyof FormState) => (value: string) => {
    setForm((f) => {
      const next = { ...f, [key]: value };
      if (key === 'protocol') {
        const p = choices.find((c) => c.key === value)?.protocol;
        next.step = p?.steps[0]?.id ?? '';
      }
      return next;
    });
    setErrors((e) => ({ ...e, [key]: '' }));
  };

  const calculate = async (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    setFormError('');
    const { body, errors: local } = toBody(form, protocol);
    setErrors(local);
    if (!body) return;
    setBusy(true);
    try {
      const result = await apiPost<DosePreview>(`/api/patients/${patient.id}/doses/preview`, body);
      setPreview({ result, bodyKey: JSON.stringify(body) });
    } catch (error) {
      setPreview(null);
      showServerErrors(error);
    } finally {
      setBusy(false);
    }
  };

  const showServerErrors = (error: unknown) => {
    if (error instanceof ApiError && error.fields.length > 0) {
      const next: Record<string, string> = {};
      const general: string[] = [];
      for (const f of error.fields) {
        const key = formFieldOf(f.field);
        if (key === '_form') general.push(f.message);
        else next[key] = next[key] ? `${next[key]}; ${f.message}` : f.message;
      }
      setErrors(next);
      setFormError(
        `${error.code === 'hard_stop' ? 'Hard stop: the dose cannot be ordered as entered.' : error.message} ${general.join('; ')}`.trim(),
      );
    } else setFormError(errorMessage(error));
  };

  const order = async () => {
    if (!preview || stale || !built.body) return;
    setBusy(true);
    setFormError('');
    try {
      const dose = await apiPost<DoseRecord>(`/api/patients/${patient.id}/doses`, {
        ...built.body,
        confirmTotalMg: preview.result.dose.totalMg,
      } satisfies DoseOrder);
      setNotice(
        `Dose ordered: ${dose.result.totalMg} mg.${dose.verificationRequired ? ' A second clinician must verify it before it is final.' : ''}`,
      );
      setPreview(null);
      doses.reload();
    } catch (error) {
      showServerErrors(error);
    } finally {
      setBusy(false);
    }
  };

  const unit = step ? STEP_DOSE_UNIT[step.kind] : '';
  return (
    <div className="dosing">
      <LoadState loading={protocols.loading && !protocols.data} error={protocols.error} />
      <NoticeBanner>{notice}</NoticeBanner>
      {can('dose.calculate') && protocols.data ? (
        <form onSubmit={calculate} noValidate aria-labelledby="dose-calc-heading">
          <h3 id="dose-calc-heading">Calculate a dose</h3>
          <fieldset>
            <legend>Protocol</legend>
            <div className="grid">
              <SelectField
                label="Protocol"
                value={form.protocol}
                onChange={set('protocol')}
                error={errors.protocol}
                options={choices.map((c) => ({
                  value: c.key,
                  label: `${c.group}: ${c.protocol.name} (v${c.protocol.version})`,
                }))}
              />
              <SelectField
                label="Protocol step"
                value={form.step}
                onChange={set('step')}
                error={errors.step}
                options={(protocol?.steps ?? []).map((s) => ({
                  value: s.id,
                  label: `${s.label} — ${stepDoseValue(s)} ${STEP_DOSE_UNIT[s.kind]}`,
                }))}
              />
            </div>
            {step?.notes ? <p className="muted">{step.notes}</p> : null}
            {step ? <p className="muted">Sources: {citationText(protocol!, step.citationIds)}</p> : null}
          </fieldset>
          {protocol?.route === 'iv' ? (
            <fieldset>
              <legend>Patient and preparation</legend>
              <div className="grid grid--compact">
                <TextField
                  label="Weight (kg)"
                  inputMode="decimal"
                  value={form.weight}
                  onChange={set('weight')}
                  error={errors.weight}
                  autoComplete="off"
                />
                <TextField
                  label="Height (cm)"
                  inputMode="decimal"
                  value={form.height}
                  onChange={set('height')}
                  error={errors.height}
                  autoComplete="off"
                />
                <SelectField
                  label="Sex (for ideal body weight)"
                  value={form.sex}
                  onChange={set('sex')}
                  error={errors.sex}
                  options={[
                    { value: '', label: 'Choose…' },
                    { value: 'female', label: 'Female' },
                    { value: 'male', label: 'Male' },
                  ]}
                />
                <TextField
                  label="Vial concentration (mg/mL)"
                  inputMode="decimal"
                  value={form.vial}
                  onChange={set('vial')}
                  error={errors.vial}
                  hint="As printed on the vial"
                  autoComplete="off"
                />
                <TextField
                  label="Bag volume (mL)"
                  inputMode="decimal"
                  value={form.bag}
                  onChange={set('bag')}
                  error={errors.bag}
                  hint="Labelled volume of the diluent bag"
                  autoComplete="off"
                />
              </div>
              {sexDefault ? (
                <p className="muted">
                  Sex pre-filled from the chart (sex assigned at birth: {patient.sexAtBirth}).
                </p>
              ) : null}
            </fieldset>
          ) : null}
          <fieldset>
            <legend>Clinician choices (optional)</legend>
            <div className="grid grid--compact">
              <TextField
                label={`Dose override (${unit})`}
                inputMode="decimal"
                value={form.override}
                onChange={set('override')}
                error={errors.override}
                hint={
                  step?.doseRange
                    ? `Step range ${step.doseRange.min}–${step.doseRange.max} ${unit}`
                    : 'Leave empty for the step dose'
                }
                autoComplete="off"
              />
              <TextField
                label="Sessions without response so far"
                inputMode="numeric"
                value={form.sessions}
                onChange={set('sessions')}
                error={errors.sessions}
                hint="Checked against the escalation rule"
                autoComplete="off"
              />
            </div>
          </fieldset>
          <ErrorBanner>{formError}</ErrorBanner>
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Calculating…' : 'Calculate'}
          </button>
        </form>
      ) : null}

      {preview ? (
        <section aria-labelledby="dose-result-heading" className="dosing__result">
          <h3 id="dose-result-heading">
            Calculated dose: {preview.result.dose.totalMg} mg
            {stale ? ' (inputs changed — calculate again)' : ''}
          </h3>
          {preview.result.warnings.length > 0 ? (
            <ul className="dosing__warnings" aria-label="Warnings">
              {preview.result.warnings.map((w) => (
                <li key={w.code + w.field} className="alert alert--warning">
                  <strong>Warning ({w.field}):</strong> {w.message}
                </li>
              ))}
            </ul>
          ) : null}
          <ExplanationTable lines={preview.result.dose.explanation} caption="How each number was obtained" />
          <h4>Predicted concentration</h4>
          <DoseCurve dose={preview.result.dose} />
          {can('dose.order') ? (
            <div className="button-row">
              <button type="button" className="button" onClick={() => void order()} disabled={busy || stale}>
                Order this dose ({preview.result.dose.totalMg} mg)
              </button>
              {preview.result.verificationRequired ? (
                <span className="muted">A second clinician must verify it before it is final.</span>
              ) : null}
            </div>
          ) : (
            <p className="muted">Only a prescriber can order a dose.</p>
          )}
        </section>
      ) : null}

      <h3 className="dosing__list-heading">Doses for this patient</h3>
      <LoadState loading={doses.loading && !doses.data} error={doses.error} />
      {doses.data ? <DoseList doses={doses.data.items} meId={me.user.id} onChanged={doses.reload} /> : null}
    </div>
  );
}

function citationText(protocol: Protocol, ids: readonly string[]): string {
  return ids
    .map((id) => protocol.citations.find((c) => c.id === id))
    .filter((c) => c !== undefined)
    .map((c) => `${c.source} [${c.tag}]`)
    .join('; ');
}
