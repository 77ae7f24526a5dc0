import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useApiQuery } from '../query/use-api-query';
import { useCan } from '../session-context';
import { formatDateTime } from '../format';
import { LoadState } from '../ui/load-state';
import { CheckInForm } from './check-in-form';
import { fetchBoard, sessionKeys, type BoardItem } from './session-api';
import { kindLabels, nextVitalsText, stateLabels, timingLabels } from './session-text';
import { useBoardStream } from './use-board-stream';
import './session.css';

function BoardCard({ item }: { item: BoardItem }) {
  const chair = item.chairLabel ?? 'No chair';
  return (
    <article
      className={`board-card board-card--${item.vitalsStatus}${item.alerts.length ? ' board-card--alert' : ''}`}
      aria-label={`${item.patientName}, ${chair}`}
    >
      <h2 className="board-card__name">
        <Link href={paths.session(item.sessionId)}>{item.patientName}</Link>
      </h2>
      <dl className="board-card__facts">
        <div>
          <dt>Chair</dt>
          <dd>{chair}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>
            {stateLabels[item.state]} <span className="muted">· {kindLabels[item.kind]}</span>
          </dd>
        </div>
        <div>
          <dt>Into infusion</dt>
          <dd>{item.minutesIntoInfusion === null ? '—' : `${Math.floor(item.minutesIntoInfusion)} min`}</dd>
        </div>
        <div>
          <dt>Next vitals</dt>
          <dd className={`session-timing session-timing--${item.vitalsStatus}`}>
            {item.nextVitalsDue ? nextVitalsText(item.nextVitalsDue, item.vitalsStatus) : timingLabels.none}
          </dd>
        </div>
        <div>
          <dt>Last vitals</dt>
          <dd>
            {item.lastVitals
              ? `${item.lastVitals.text} at ${formatDateTime(item.lastVitals.takenAt)}`
              : 'None yet'}
          </dd>
        </div>
      </dl>
      {item.alerts.length ? (
        <ul className="session-alerts" aria-label={`Alerts for ${item.patientName}`}>
          {item.alerts.map((a) => (
            <li key={a} className="alert alert--critical">
              <strong>Alert:</strong> {a}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

/**
 * Every session of the clinic today, one card per chair, kept current by the server's event stream (no
 * reload, no polling); the front desk checks walk-ins in from here.
 */
export function BoardPage() {
  const can = useCan();
  const board = useApiQuery(sessionKeys.board(), (signal) => fetchBoard(signal));
  const live = useBoardStream();
  const items = board.data?.items ?? [];
  return (
    <div className="board-page">
      <div className="page-heading">
        <h1>Chair board</h1>
        <p className="muted" role="status">
          {live ? 'Live: updates as they happen.' : 'Connecting to live updates…'}
        </p>
      </div>
      {can('session.checkin') ? <CheckInForm /> : null}
      <LoadState loading={board.isPending} error={board.error} />
      {board.data ? (
        items.length === 0 ? (
          <p>No sessions today yet.</p>
        ) : (
          <ul className="board" aria-label="Sessions today">
            {items.map((item) => (
              <li key={item.sessionId}>
                <BoardCard item={item} />
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
