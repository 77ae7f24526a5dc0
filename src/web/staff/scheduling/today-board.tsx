import type { AppointmentView } from '../../../contracts/scheduling';
import { NoticeBanner } from '../ui/error-banner';
import { actionLabels, statusActions, todayBoard, todayColumns } from './appointment-status';
import { timeRange, typeText } from './appointment-text';
import { ProblemBanner } from './problem-banner';
import { StatusBadge } from './status-badge';
import { useAppointmentAction } from './use-appointment-action';

interface TodayBoardProps {
  items: readonly AppointmentView[];
  /** Whether the person moves patients through the day (appointment.status). */
  canChangeStatus: boolean;
  now: number;
  today: string;
  selectedId: string | undefined;
  onOpen: (appointment: AppointmentView) => void;
}

/**
 * The day at the front desk and chairside: Arriving, In chair, Recovering and Done, each card with its
 * next step. A no-show needs a reason, so that button opens the appointment's details.
 */
export function TodayBoard({ items, canChangeStatus, now, today, selectedId, onOpen }: TodayBoardProps) {
  const board = todayBoard(items);
  const action = useAppointmentAction();
  return (
    <>
      <NoticeBanner>{action.notice}</NoticeBanner>
      <ProblemBanner error={action.error} />
      <div className="today">
        {todayColumns.map((column) => {
          const list = board[column.id];
          const headingId = `today-${column.id}`;
          return (
            <section key={column.id} className="today__column" aria-labelledby={headingId}>
              <h3 id={headingId}>
                {column.label} <span className="muted">({list.length})</span>
              </h3>
              {list.length === 0 ? <p className="muted">No one.</p> : null}
              <ul className="today__cards" hidden={list.length === 0}>
                {list.map((a) => (
                  <li key={a.id}>
                    <article
                      className={`today-card today-card--${a.status}${a.id === selectedId ? ' is-selected' : ''}`}
                      aria-label={`${a.patient.name}, ${timeRange(a)}`}
                    >
                      <p className="today-card__time">{timeRange(a)}</p>
                      <p className="today-card__name">{a.patient.name}</p>
                      <p className="today-card__type">
                        {typeText(a)}
                        {a.room ? ` · ${a.room.label}` : ''}
                      </p>
                      <StatusBadge status={a.status} />
                      <div className="today-card__actions">
                        {canChangeStatus
                          ? statusActions(a, now, today)
                              .filter((s) => s !== 'undo_check_in')
                              .map((s, i) =>
                                s === 'no_show' ? (
                                  <button
                                    key={s}
                                    type="button"
                                    className="button button--secondary button--small"
                                    onClick={() => onOpen(a)}
                                    aria-label={`No-show for ${a.patient.name}: give a reason`}
                                  >
                                    No-show…
                                  </button>
                                ) : (
                                  <button
                                    key={s}
                                    type="button"
                                    className={`button button--small${i === 0 ? '' : ' button--secondary'}`}
                                    disabled={action.busy !== undefined}
                                    onClick={() => void action.changeStatus(a, s)}
                                    aria-label={`${actionLabels[s]}: ${a.patient.name}`}
                                  >
                                    {action.busy === `${a.id}:${s}` ? 'Saving…' : actionLabels[s]}
                                  </button>
                                ),
                              )
                          : null}
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => onOpen(a)}
                          aria-expanded={a.id === selectedId}
                          aria-label={`Details: ${a.patient.name}, ${timeRange(a)}`}
                        >
                          Details
                        </button>
                      </div>
                    </article>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </>
  );
}
