import { useState, type FormEvent } from 'react';
import type { ResourcesResponse } from '../../../contracts/scheduling';
import { apiPost } from '../api-client';
import { formatDateTime } from '../format';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { schedulingPaths } from './scheduling-api';
import type { SchedulingWrite } from './use-scheduling-write';
import { WriteMessages } from './write-messages';
import { wallToInstant } from './wall-time';

interface TimeOffSectionProps {
  resources: ResourcesResponse;
  write: SchedulingWrite;
}

const wallTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Leave and other absences: the person is not booked in that time. Times are entered in clinic time. */
export function TimeOffSection({ resources, write }: TimeOffSectionProps) {
  const staff = resources.staff.filter((s) => s.role !== null);
  const [userId, setUserId] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string>();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!userId || !wallTime.test(from) || !wallTime.test(until) || !reason.trim()) {
      setMissing('Choose the person, both times and a reason');
      return;
    }
    setMissing(undefined);
    const who = staff.find((s) => s.user.id === userId)?.user.label ?? 'The staff member';
    const added = await write.run(
      'time-off:add',
      () =>
        apiPost(schedulingPaths.timeOff, {
          userId,
          startsAt: wallToInstant(from, resources.timeZone),
          endsAt: wallToInstant(until, resources.timeZone),
          reason: reason.trim(),
        }),
      () => `Recorded time off for ${who}.`,
    );
    if (added) {
      setFrom('');
      setUntil('');
      setReason('');
    }
  };

  return (
    <section className="setup-section" aria-labelledby="setup-time-off-title">
      <h2 id="setup-time-off-title">Time off</h2>
      <WriteMessages write={write} prefix="time-off" />
      {resources.timeOff.length === 0 ? <p className="muted">No time off ahead.</p> : null}
      <ul className="setup-list">
        {resources.timeOff.map((t) => (
          <li key={t.id} className="setup-list__item">
            <span className="setup-list__name">{t.user.label}</span>
            <span>
              {formatDateTime(t.startsAt)} to {formatDateTime(t.endsAt)}
            </span>
            <span className="muted">{t.reason}</span>
            <span className="setup-list__actions">
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={write.busy !== undefined}
                onClick={() =>
                  void write.run(
                    `time-off:${t.id}`,
                    () => apiPost(schedulingPaths.cancelTimeOff(t.id)),
                    () => `Cancelled the time off of ${t.user.label}.`,
                  )
                }
              >
                Cancel<span className="visually-hidden"> the time off of {t.user.label}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
      <form className="inline-add" onSubmit={add} aria-label="Add time off" noValidate>
        <SelectField
          label="Staff member"
          value={userId}
          options={[
            { value: '', label: 'Choose' },
            ...staff.map((s) => ({ value: s.user.id, label: s.user.label })),
          ]}
          onChange={setUserId}
        />
        <TextField label="From (clinic time)" type="datetime-local" value={from} onChange={setFrom} />
        <TextField label="Until (clinic time)" type="datetime-local" value={until} onChange={setUntil} />
        <TextField label="Reason" value={reason} onChange={setReason} maxLength={500} error={missing} />
        <button type="submit" className="button" disabled={write.busy !== undefined}>
          Add time off
        </button>
      </form>
    </section>
  );
}
