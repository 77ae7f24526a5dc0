import { TextField } from '../ui/text-field';
import { scheduleViews, type ScheduleView } from './schedule-view-state';
import { isCalendarDate } from './wall-time';

interface ScheduleToolbarProps {
  view: ScheduleView;
  date: string;
  today: string;
  onView: (view: ScheduleView) => void;
  onDate: (date: string) => void;
  onStep: (step: -1 | 1) => void;
}

/** The view switch (Day, Week, Today) and the date: picker, previous and next, back to today. */
export function ScheduleToolbar({ view, date, today, onView, onDate, onStep }: ScheduleToolbarProps) {
  const unit = view === 'week' ? 'week' : 'day';
  return (
    <div className="sched-toolbar">
      <div className="sched-toolbar__views" role="group" aria-label="View">
        {scheduleViews.map((v) => (
          <button
            key={v.id}
            type="button"
            className={`button button--small${v.id === view ? '' : ' button--secondary'}`}
            aria-pressed={v.id === view}
            onClick={() => onView(v.id)}
          >
            {v.label}
          </button>
        ))}
      </div>
      {view === 'today' ? null : (
        <div className="sched-toolbar__dates" role="group" aria-label="Date">
          <button type="button" className="button button--secondary button--small" onClick={() => onStep(-1)}>
            <span aria-hidden="true">‹&nbsp;</span>Previous {unit}
          </button>
          <TextField
            className="sched-toolbar__date"
            label="Date"
            type="date"
            value={date}
            onChange={(value) => (isCalendarDate(value) ? onDate(value) : undefined)}
          />
          <button type="button" className="button button--secondary button--small" onClick={() => onStep(1)}>
            Next {unit}
            <span aria-hidden="true">&nbsp;›</span>
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={date === today}
            onClick={() => onDate(today)}
          >
            Today
          </button>
        </div>
      )}
    </div>
  );
}
