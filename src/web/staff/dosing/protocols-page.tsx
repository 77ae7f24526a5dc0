import { useState, type FormEvent, type ReactNode } from 'react';
import {
  STEP_DOSE_FIELD,
  STEP_DOSE_UNIT,
  stepDoseValue,
  type Protocol,
  type ProtocolStep,
} from '../../../domain/protocols';
import { apiGet, apiPost, errorMessage, fieldErrors } from '../api-client';
import { useCan } from '../session-context';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { useLoad } from '../ui/use-load';
import { refKey, type ClinicEntry, type ProtocolList } from './dosing-api';
import './dosing.css';

/** Protocols: the built-in library, the clinic's own versions, and the dosing settings with their sources. */
export function ProtocolsPage() {
  const can = useCan();
  const list = useLoad((signal) => apiGet<ProtocolList>('/api/protocols', { signal }), 'protocols');
  const [notice, setNotice] = useState('');
  const changed = (message: string) => {
    setNotice(message);
    list.reload();
  };
  const data = list.data;
  return (
    <div className="protocols">
      <h1>Protocols</h1>
      <p>
        Every dose, limit and schedule below is a clinic setting with its source and confidence tag
        (clinical.md §2, §8). Built-in protocols are read-only; copy one to change it. A saved version is
        never edited: a revision is a new version, and doses keep pointing at the version they used.
      </p>
      <LoadState loading={list.loading && !data} error={list.error} />
      <NoticeBanner>{notice}</NoticeBanner>
      {data ? (
        <>
          {can('protocol.manage') ? <CopyForm data={data} onDone={changed} /> : null}
          <section aria-labelledby="clinic-protocols">
            <h2 id="clinic-protocols">This clinic&apos;s protocols</h2>
            {data.clinic.length === 0 ? (
              <p className="muted">None yet. Copy a library protocol to start one.</p>
            ) : null}
            {data.clinic.map((entry) => (
              <ProtocolCard key={entry.rowId} protocol={entry.protocol} entry={entry}>
                {entry.latest && can('protocol.manage') ? (
                  <ReviseForm entry={entry} onDone={changed} />
                ) : null}
              </ProtocolCard>
            ))}
          </section>
          <section aria-labelledby="library-protocols">
            <h2 id="library-protocols">Library</h2>
            {data.library.map((entry) => (
              <ProtocolCard key={entry.protocol.id} protocol={entry.protocol} />
            ))}
          </section>
          <SettingsSection data={data} />
        </>
      ) : null}
    </div>
  );
}

function doseText(step: ProtocolStep): string {
  const unit = STEP_DOSE_UNIT[step.kind];
  const base = `${stepDoseValue(step)} ${unit}`;
  if (step.kind === 'devices')
    return `${step.devices} device(s) × ${step.mgPerDevice} mg, ${step.minutesBetweenDevices} min apart`;
  return step.durationMin === 0 ? `${base}, IV push` : `${base} over ${step.durationMin} min`;
}

function Cites({ protocol, ids }: { protocol: Protocol; ids: readonly string[] }) {
  return (
    <span className="protocols__cites">
      {ids.map((id) => {
        const c = protocol.citations.find((x) => x.id === id);
        return (
          <span
            key={id}
            className={`badge protocols__tag protocols__tag--${c?.tag ?? 'unverified'}`}
            title={c?.source}
          >
            {c ? `${c.source.split(',')[0]} [${c.tag}]` : id}
          </span>
        );
      })}
    </span>
  );
}

function ProtocolCard({
  protocol,
  entry,
  children,
}: {
  protocol: Protocol;
  entry?: ClinicEntry;
  children?: ReactNode;
}) {
  const headingId = `protocol-${protocol.id}-v${protocol.version}`;
  const c = protocol.ceiling;
  return (
    <article className="protocols__card" aria-labelledby={headingId}>
      <details>
        <summary>
          <h3 id={headingId} className="protocols__title">
            {protocol.name}{' '}
            <span className="muted">
              ({protocol.id}, version {protocol.version})
            </span>
            {entry ? (
              entry.latest ? (
                <span className="badge">Current version</span>
              ) : (
                <span className="badge">Superseded</span>
              )
            ) : null}
          </h3>
        </summary>
        <p>
          {protocol.indication}; route {protocol.route === 'iv' ? 'IV' : 'intranasal'}.
          {protocol.description ? ` ${protocol.description}` : ''}
        </p>
        {entry ? (
          <p className="muted">
            Saved by {entry.createdBy.label} on {new Date(entry.createdAt).toLocaleString()}
            {entry.copiedFrom ? `; copied from ${entry.copiedFrom.id} v${entry.copiedFrom.version}` : ''}
            {protocol.lineage?.supersedes ? `; replaces version ${protocol.lineage.supersedes.version}` : ''}
            {entry.note ? `. Note: ${entry.note}` : ''}
          </p>
        ) : null}
        <div
          className="table-wrap"
          role="region"
          aria-label={`Steps of ${protocol.name}, version ${protocol.version}`}
          tabIndex={0}
        >
          <table className="table">
            <caption>Steps</caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Dose</th>
                <th scope="col">Range</th>
                <th scope="col">Sources</th>
              </tr>
            </thead>
            <tbody>
              {protocol.steps.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.label}</th>
                  <td>{doseText(s)}</td>
                  <td>
                    {s.doseRange ? `${s.doseRange.min}–${s.doseRange.max} ${STEP_DOSE_UNIT[s.kind]}` : '—'}
                  </td>
                  <td>
                    <Cites protocol={protocol} ids={s.citationIds} />
                    {s.notes ? <p className="muted">{s.notes}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <strong>Ceiling:</strong>{' '}
          {[
            c.mgPerKg !== undefined ? `${c.mgPerKg} mg/kg` : '',
            c.mgPerKgPerHour !== undefined ? `${c.mgPerKgPerHour} mg/kg/h` : '',
            c.totalMg !== undefined ? `${c.totalMg} mg` : '',
          ]
            .filter(Boolean)
            .join('; ')}{' '}
          <Cites protocol={protocol} ids={c.citationIds} />
        </p>
        {protocol.escalation.length > 0 ? (
          <ul>
            {protocol.escalation.map((e) => (
              <li key={e.id}>
                <strong>Escalation:</strong> {e.fromStepId} → {e.toStepId} after ≥{' '}
                {e.minPriorSessionsWithoutResponse} sessions without response{' '}
                <Cites protocol={protocol} ids={e.citationIds} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No escalation rule.</p>
        )}
        <ul>
          {protocol.schedule.phases.map((ph) => (
            <li key={ph.id}>
              <strong>{ph.label}:</strong> {frequencyText(ph.frequency)}
              {ph.sessions ? `, ${ph.sessions.min}–${ph.sessions.max} sessions` : ''}
              {ph.weeks ? `, ${ph.weeks.min}–${ph.weeks.max} weeks` : ''}
              {ph.months ? `, ${ph.months.min}–${ph.months.max} months` : ''}{' '}
              <Cites protocol={protocol} ids={ph.citationIds} />
            </li>
          ))}
        </ul>
        <h4>Citations</h4>
        <ul className="protocols__citations">
          {protocol.citations.map((ci) => (
            <li key={ci.id}>
              <strong>{ci.source}</strong> [{ci.tag}] — {ci.supports}{' '}
              <span className="muted">({ci.reference})</span>
            </li>
          ))}
        </ul>
        {children}
      </details>
    </article>
  );
}

function frequencyText(f: Protocol['schedule']['phases'][number]['frequency']): string {
  switch (f.kind) {
    case 'per-week':
      return f.min === f.max ? `${f.min} a week` : `${f.min}–${f.max} a week`;
    case 'every-n-weeks':
      return `every ${f.weeks} week(s)`;
    case 'every-n-months':
      return `every ${f.months} month(s)`;
    case 'as-prescribed':
      return 'as prescribed';
  }
}

function CopyForm({ data, onDone }: { data: ProtocolList; onDone: (message: string) => void }) {
  const sources = [
    ...data.library.map((l) => ({
      value: refKey({ origin: 'library', id: l.protocol.id, version: l.protocol.version }),
      label: `Library: ${l.protocol.name}`,
    })),
    ...data.clinic
      .filter((c) => c.latest)
      .map((c) => ({
        value: refKey({ origin: 'clinic', id: c.protocol.id, version: c.protocol.version }),
        label: `Clinic: ${c.protocol.name} v${c.protocol.version}`,
      })),
  ];
  const [source, setSource] = useState(sources[0]?.value ?? '');
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [origin, sid, version] = source.split(':');
    setErrors({});
    setError(undefined);
    try {
      await apiPost('/api/protocols/copy', {
        source: { origin, id: sid, version: Number(version) },
        id,
        ...(name.trim() ? { name } : {}),
      });
      setId('');
      setName('');
      onDone(`Copied as ${id}, version 1.`);
    } catch (e) {
      setError(e);
      setErrors(fieldErrors(e, ['body']));
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="copy-heading" className="protocols__copy">
      <fieldset>
        <legend id="copy-heading">Copy a protocol</legend>
        <div className="grid">
          <SelectField
            label="Copy from"
            value={source}
            onChange={setSource}
            options={sources}
            error={errors.source}
          />
          <TextField
            label="New protocol id"
            value={id}
            onChange={setId}
            error={errors.id}
            hint="Lower-case letters, digits and dashes"
            autoComplete="off"
          />
          <TextField label="Name" value={name} onChange={setName} error={errors.name} autoComplete="off" />
        </div>
        <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
        <button type="submit" className="button">
          Copy
        </button>
      </fieldset>
    </form>
  );
}

/** Edits step doses and durations and the ceiling; everything is validated by the server (validateProtocol). */
function ReviseForm({ entry, onDone }: { entry: ClinicEntry; onDone: (message: string) => void }) {
  const p = entry.protocol;
  const [steps, setSteps] = useState(() =>
    p.steps.map((s) => ({
      dose: String(stepDoseValue(s)),
      duration: 'durationMin' in s ? String(s.durationMin) : '',
    })),
  );
  const [ceiling, setCeiling] = useState({
    mgPerKg: p.ceiling.mgPerKg?.toString() ?? '',
    mgPerKgPerHour: p.ceiling.mgPerKgPerHour?.toString() ?? '',
    totalMg: p.ceiling.totalMg?.toString() ?? '',
  });
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setError(undefined);
    const nextSteps = p.steps.map((s, i) => {
      const edit = steps[i]!;
      const next: Record<string, unknown> = { ...s, [STEP_DOSE_FIELD[s.kind]]: Number(edit.dose) };
      if ('durationMin' in s) next.durationMin = Number(edit.duration);
      return next;
    });
    const opt = (v: string) => (v.trim() === '' ? undefined : Number(v));
    const nextCeiling = {
      ...p.ceiling,
      mgPerKg: opt(ceiling.mgPerKg),
      mgPerKgPerHour: opt(ceiling.mgPerKgPerHour),
      totalMg: opt(ceiling.totalMg),
    };
    try {
      const saved = await apiPost<ClinicEntry>(`/api/protocols/${entry.rowId}/revise`, {
        changes: { steps: nextSteps, ceiling: JSON.parse(JSON.stringify(nextCeiling)) as unknown },
        note,
      });
      onDone(
        `Saved ${saved.protocol.name} version ${saved.protocol.version}; version ${p.version} stays as it was.`,
      );
    } catch (e) {
      setError(e);
      setErrors(fieldErrors(e, ['body.changes', 'body']));
    }
  };
  return (
    <form onSubmit={submit} noValidate className="protocols__revise" aria-label={`Revise ${p.name}`}>
      <fieldset>
        <legend>Revise (saves version {p.version + 1})</legend>
        {p.steps.map((s, i) => (
          <div className="grid grid--compact" key={s.id}>
            <TextField
              label={`${s.label}: dose (${STEP_DOSE_UNIT[s.kind]})`}
              inputMode="decimal"
              value={steps[i]!.dose}
              onChange={(dose) => setSteps((all) => all.map((x, j) => (j === i ? { ...x, dose } : x)))}
              error={errors[`steps[${i}].${STEP_DOSE_FIELD[s.kind]}`]}
            />
            {'durationMin' in s ? (
              <TextField
                label={`${s.label}: duration (min)`}
                inputMode="decimal"
                value={steps[i]!.duration}
                onChange={(duration) =>
                  setSteps((all) => all.map((x, j) => (j === i ? { ...x, duration } : x)))
                }
                error={errors[`steps[${i}].durationMin`]}
              />
            ) : null}
          </div>
        ))}
        <div className="grid grid--compact">
          <TextField
            label="Ceiling (mg/kg)"
            inputMode="decimal"
            value={ceiling.mgPerKg}
            onChange={(mgPerKg) => setCeiling({ ...ceiling, mgPerKg })}
            error={errors['ceiling.mgPerKg'] ?? errors.ceiling}
          />
          <TextField
            label="Ceiling (mg/kg/h)"
            inputMode="decimal"
            value={ceiling.mgPerKgPerHour}
            onChange={(v) => setCeiling({ ...ceiling, mgPerKgPerHour: v })}
            error={errors['ceiling.mgPerKgPerHour']}
          />
          <TextField
            label="Ceiling (total mg)"
            inputMode="decimal"
            value={ceiling.totalMg}
            onChange={(totalMg) => setCeiling({ ...ceiling, totalMg })}
            error={errors['ceiling.totalMg']}
          />
        </div>
        <TextField
          label="Reason for this revision"
          value={note}
          onChange={setNote}
          error={errors.note}
          required
        />
        <ErrorBanner>
          {error
            ? `${errorMessage(error)}${
                Object.keys(errors).length
                  ? `: ${Object.entries(errors)
                      .map(([f, m]) => `${f} ${m}`)
                      .join('; ')}`
                  : ''
              }`
            : null}
        </ErrorBanner>
        <button type="submit" className="button">
          Save version {p.version + 1}
        </button>
      </fieldset>
    </form>
  );
}

function SettingsSection({ data }: { data: ProtocolList }) {
  const s = data.dosingSettings;
  const d = data.defaultDosingSettings;
  const show = (v: unknown) =>
    JSON.stringify(v).replace(/[{}"]/g, '').replace(/,/g, ', ').replace(/:/g, ': ');
  return (
    <section aria-labelledby="dosing-settings">
      <h2 id="dosing-settings">Dosing settings</h2>
      <p className="muted">
        Administrators change these under Clinic settings (section “dosing”). Each default and its source:
      </p>
      <div className="table-wrap" role="region" aria-label="Dosing settings table" tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">Dosing settings with defaults and sources</caption>
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">In force</th>
              <th scope="col">Default</th>
              <th scope="col">Source and rationale</th>
            </tr>
          </thead>
          <tbody>
            {data.settingSources.map((src) => (
              <tr key={src.setting}>
                <th scope="row">{src.setting}</th>
                <td>{show(s[src.setting as keyof typeof s])}</td>
                <td>{show(d[src.setting as keyof typeof d])}</td>
                <td>
                  {src.rationale}{' '}
                  {src.citations.map((c) => (
                    <span key={c.id} className="badge protocols__tag">
                      {c.source} [{c.tag}]
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
