import { useEffect, useState, type FormEvent } from 'react';
import type { SafetyAlert } from '../../../contracts/measurement';
import {
  safetyActionKinds,
  safetyActionLabels,
  type SafetyActionKind,
} from '../../../domain/measurement/index';
import { errorMessage } from '../api-client';
import { useCan } from '../session-context';
import { ErrorBanner } from '../ui/error-banner';
import { useLoad } from '../ui/use-load';
import { formatDateTime } from '../format';
import { measurementApi } from './measurement-api';

/** Tells the banner to look again: an alert was raised or closed elsewhere on the page. */
const safetyChanged = 'arbor:safety-changed';
export function announceSafetyChange(): void {
  window.dispatchEvent(new Event(safetyChanged));
}

/**
 * Open safety alerts for the chart banner. Anyone with safety.read sees that an alert is open and
 * who is responsible; clinicians also see why.
 */
export function SafetyStrip({ patientId }: { patientId: string }) {
  const can = useCan();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const again = () => setTick((t) => t + 1);
    window.addEventListener(safetyChanged, again);
    return () => window.removeEventListener(safetyChanged, again);
  }, []);
  const { data } = useLoad(
    (signal) =>
      can('safety.read') ? measurementApi.alerts(patientId, signal) : Promise.resolve({ items: [] }),
    `${patientId}:${tick}`,
  );
  const open = (data?.items ?? []).filter((a) => a.status === 'open');
  if (open.length === 0) return null;
  return (
    <ul className="chart-banner__alerts mbc-safety-strip" aria-label="Safety alerts">
      {open.map((a) => (
        <li key={a.id} className="alert alert--critical">
          <strong>Safety alert:</strong>{' '}
          {a.reasonLabels ? a.reasonLabels.join('; ') : 'clinician review needed'} (
          {formatDateTime(a.raisedAt)}
          {a.assignedToName ? `, for ${a.assignedToName}` : ', any clinician'}). Open until a clinician
          records an action.
        </li>
      ))}
    </ul>
  );
}

function ActionForm({ alert, onDone }: { alert: SafetyAlert; onDone: () => void }) {
  const [kind, setKind] = useState<SafetyActionKind>('safety-assessment');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      await measurementApi.act(alert.id, { kind, note });
      setNote('');
      announceSafetyChange();
      onDone();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="mbc-action-form" aria-label="Record an action on this alert">
      {problem ? <ErrorBanner>{problem}</ErrorBanner> : null}
      <div className="grid grid--compact">
        <div className="field">
          <label htmlFor={`kind-${alert.id}`}>Action taken</label>
          <select
            id={`kind-${alert.id}`}
            value={kind}
            onChange={(e) => setKind(e.target.value as SafetyActionKind)}
          >
            {safetyActionKinds.map((k) => (
              <option key={k} value={k}>
                {safetyActionLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`note-${alert.id}`}>What was done (required)</label>
          <textarea
            id={`note-${alert.id}`}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={2}
            required
            minLength={3}
          />
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          Record action
        </button>
      </div>
    </form>
  );
}

/** The alerts with their actions (who, when, what), and the form that closes them. */
export function SafetyPanel({ patientId, onChange }: { patientId: string; onChange: () => void }) {
  const can = useCan();
  const { data, error, reload } = useLoad((signal) => measurementApi.alerts(patientId, signal), patientId);
  if (error) return <ErrorBanner>{errorMessage(error)}</ErrorBanner>;
  const items = data?.items ?? [];
  return (
    <section aria-labelledby="mbc-safety-title" className="mbc-section">
      <h3 id="mbc-safety-title">Safety alerts</h3>
      {items.length === 0 ? <p className="muted">No safety alerts.</p> : null}
      <ul className="entry-list">
        {items.map((a) => (
          <li
            key={a.id}
            className={a.status === 'open' ? 'entry-list__item alert alert--critical' : 'entry-list__item'}
          >
            <p>
              <strong>{a.status === 'open' ? 'Open' : 'Resolved'}</strong> —{' '}
              {a.reasonLabels?.join('; ') ?? 'clinician review needed'} · raised {formatDateTime(a.raisedAt)}{' '}
              · {a.assignedToName ? `responsible: ${a.assignedToName}` : 'any clinician'}
            </p>
            {a.actions && a.actions.length > 0 ? (
              <ul className="mbc-actions">
                {a.actions.map((action) => (
                  <li key={action.id}>
                    {formatDateTime(action.recordedAt)} · {action.recordedByName ?? 'staff'} ·{' '}
                    {safetyActionLabels[action.kind as keyof typeof safetyActionLabels] ?? action.kind}:{' '}
                    {action.note}
                    {action.resolves ? ' (resolved the alert)' : ''}
                  </li>
                ))}
              </ul>
            ) : null}
            {a.status === 'open' && can('safety.resolve') ? (
              <ActionForm
                alert={a}
                onDone={() => {
                  reload();
                  onChange();
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
