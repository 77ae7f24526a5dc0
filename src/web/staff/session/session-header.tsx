import { RemsStrip } from './rems-strip';
import type { SessionView } from './session-api';
import {
  infusionStartedAt,
  kindLabels,
  minutesSince,
  nextVitalsText,
  nextVitalsTiming,
  stateLabels,
} from './session-text';

/** The newest reading's alerts: what the chair needs to know now. */
function currentAlerts(view: SessionView): string[] {
  return view.vitals.length
    ? view.vitals.reduce((a, b) => (b.takenAt > a.takenAt ? b : a)).alerts.map((a) => a.message)
    : [];
}

/** Who is in the chair, where the session stands, and when the next vitals are due (late amber, missed red). */
export function SessionHeader({ view, now }: { view: SessionView; now: number }) {
  const startedAt = infusionStartedAt(view);
  const timing = nextVitalsTiming(view.schedule);
  const alerts = currentAlerts(view);
  return (
    <header className="chart-banner session-header">
      <div className="chart-banner__identity">
        <h1>{view.patient.name}</h1>
        <span className="badge badge--status">{stateLabels[view.state]}</span>
      </div>
      <dl className="chart-banner__facts">
        <div>
          <dt>MRN</dt>
          <dd className="mono">{view.patient.mrn}</dd>
        </div>
        <div>
          <dt>Session</dt>
          <dd>{kindLabels[view.kind]}</dd>
        </div>
        <div>
          <dt>Chair</dt>
          <dd>{view.chairLabel ?? '—'}</dd>
        </div>
        <div>
          <dt>Since start</dt>
          <dd>{startedAt ? `${minutesSince(startedAt, now)} min` : 'Not started'}</dd>
        </div>
        <div>
          <dt>Next vitals</dt>
          <dd className={`session-timing session-timing--${timing}`}>
            {nextVitalsText(view.schedule.nextDue, timing)}
          </dd>
        </div>
      </dl>
      <RemsStrip view={view} />
      <div role="status" aria-live="polite">
        {alerts.length ? (
          <ul className="session-alerts" aria-label="Alerts">
            {alerts.map((a) => (
              <li key={a} className="alert alert--critical">
                <strong>Alert:</strong> {a}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </header>
  );
}
