import { formatDateTime } from '../format';
import type { SessionView } from './session-api';
import { SessionSection } from './session-fields';

/** Every entry in the order it happened; a late entry shows when it was charted as well. */
export function TimelineSection({ entries }: { entries: SessionView['entries'] }) {
  const ordered = [...entries].sort((a, b) => b.eventAt.localeCompare(a.eventAt));
  return (
    <SessionSection id="session-timeline" title="Timeline">
      {ordered.length === 0 ? (
        <p className="muted">Nothing charted yet.</p>
      ) : (
        <ol className="session-timeline" reversed>
          {ordered.map((e) => (
            <li key={e.id}>
              <time dateTime={e.eventAt}>{formatDateTime(e.eventAt)}</time> {e.summary}{' '}
              <span className="muted">
                — {e.by.label}
                {Math.abs(Date.parse(e.recordedAt) - Date.parse(e.eventAt)) >= 60_000
                  ? ` (charted ${formatDateTime(e.recordedAt)})`
                  : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </SessionSection>
  );
}
