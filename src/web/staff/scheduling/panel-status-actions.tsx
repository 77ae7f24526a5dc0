import { useState, type FormEvent } from 'react';
import type { AppointmentView } from '../../../contracts/scheduling';
import { TextField } from '../ui/text-field';
import { actionLabels, statusActions } from './appointment-status';
import type { AppointmentAction } from './use-appointment-action';

interface PanelStatusActionsProps {
  appointment: AppointmentView;
  now: number;
  /** The clinic's date: status steps start on the appointment's day. */
  today: string;
  action: AppointmentAction;
}

/** The status steps open now; a no-show asks for its reason first. */
export function PanelStatusActions({ appointment, now, today, action }: PanelStatusActionsProps) {
  const [noShow, setNoShow] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const actions = statusActions(appointment, now, today);
  if (actions.length === 0) return null;

  const markNoShow = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    if (await action.changeStatus(appointment, 'no_show', reason.trim())) setNoShow(false);
  };

  return (
    <section className="sched-panel__section" aria-label="Status">
      <div className="button-row">
        {actions.map((s) =>
          s === 'no_show' ? (
            <button
              key={s}
              type="button"
              className="button button--secondary"
              aria-expanded={noShow}
              onClick={() => setNoShow(!noShow)}
            >
              No-show…
            </button>
          ) : (
            <button
              key={s}
              type="button"
              className={`button${s === 'undo_check_in' ? ' button--secondary' : ''}`}
              disabled={action.busy !== undefined}
              onClick={() => void action.changeStatus(appointment, s)}
            >
              {action.busy === `${appointment.id}:${s}` ? 'Saving…' : actionLabels[s]}
            </button>
          ),
        )}
      </div>
      {noShow ? (
        <form className="sched-form" onSubmit={markNoShow} aria-label="Mark as a no-show" noValidate>
          <TextField
            label="Reason for the no-show"
            value={reason}
            onChange={setReason}
            error={missing ? 'Give a reason, for example "did not answer two calls"' : undefined}
            maxLength={500}
            required
          />
          <button type="submit" className="button button--danger" disabled={action.busy !== undefined}>
            Mark as no-show
          </button>
        </form>
      ) : null}
    </section>
  );
}
