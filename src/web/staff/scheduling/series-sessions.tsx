import { useState } from 'react';
import type { SeriesProposalView } from '../../../contracts/scheduling';
import { apiPost } from '../api-client';
import { formatDayShort, formatWallTime } from '../format';
import { ProblemBanner } from './problem-banner';
import { sessionProblems } from './problems';
import { schedulingPaths, type SeriesBooked } from './scheduling-api';
import {
  draftFromProposal,
  gapsInDays,
  replaceSession,
  seriesBookBody,
  type DraftSession,
} from './series-draft';
import { SlotPicker } from './slot-picker';
import { datePart } from './wall-time';

interface SeriesSessionsProps {
  proposal: SeriesProposalView;
  patientId: string;
  typeId: string;
  onBooked: (booked: SeriesBooked) => void;
}

/** The proposed course, each session changeable to another free time, then booked as one (all or none). */
export function SeriesSessions({ proposal, patientId, typeId, onBooked }: SeriesSessionsProps) {
  const [draft, setDraft] = useState<DraftSession[]>(() => draftFromProposal(proposal));
  const [editing, setEditing] = useState<number>();
  const [editDate, setEditDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const gaps = gapsInDays(draft);
  const problems = sessionProblems(error);
  const r = proposal.rules;

  const book = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onBooked(await apiPost<SeriesBooked>(schedulingPaths.series, seriesBookBody(patientId, typeId, draft)));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="book-section" aria-labelledby="series-proposal-title">
      <h2 id="series-proposal-title">Proposed sessions</h2>
      <p className="muted">
        {r.count} sessions, {r.minPerWeek}–{r.maxPerWeek} a week, at least {r.minDaysBetween}{' '}
        {r.minDaysBetween === 1 ? 'day' : 'days'} between, all within {r.maxSpanDays} days.
      </p>
      <ol className="series-list">
        {draft.map((s, i) => (
          <li key={`${i}:${s.start}`} className={`series-list__item${problems.has(i) ? ' is-invalid' : ''}`}>
            <div className="series-list__row">
              <span className="series-list__n">Session {i + 1}</span>
              <span className="series-list__when">
                {formatDayShort(datePart(s.localStart))}, {formatWallTime(s.localStart)}
              </span>
              <span>{s.room?.label ?? 'First free chair'}</span>
              <span className="muted">
                {gaps[i] !== undefined ? `+${gaps[i]} ${gaps[i] === 1 ? 'day' : 'days'}` : 'First'}
                {!s.onPreferredWeekday && !s.changed ? ' · not a preferred day' : ''}
                {s.changed ? ' · changed' : ''}
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-expanded={editing === i}
                onClick={() => {
                  setEditing(editing === i ? undefined : i);
                  setEditDate(datePart(s.localStart));
                }}
              >
                Change<span className="visually-hidden"> session {i + 1}</span>
              </button>
            </div>
            {problems.get(i)?.map((p) => (
              <p key={p} className="field__error">
                {p}
              </p>
            ))}
            {editing === i ? (
              <SlotPicker
                legend={`New time for session ${i + 1}`}
                typeId={typeId}
                timeZone={proposal.timeZone}
                date={editDate}
                onDate={setEditDate}
                value={undefined}
                onChange={(slot) => {
                  setDraft(replaceSession(draft, i, slot));
                  setEditing(undefined);
                }}
              />
            ) : null}
          </li>
        ))}
      </ol>
      <ProblemBanner error={error} />
      <button type="button" className="button" disabled={busy} onClick={() => void book()}>
        {busy ? 'Booking…' : `Book all ${draft.length}`}
      </button>
    </section>
  );
}
