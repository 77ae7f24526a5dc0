import { useState, type FormEvent } from 'react';
import type { ResourcesResponse } from '../../../contracts/scheduling';
import { apiPost } from '../api-client';
import { formatDate } from '../format';
import { TextField } from '../ui/text-field';
import { schedulingPaths } from './scheduling-api';
import type { SchedulingWrite } from './use-scheduling-write';
import { WriteMessages } from './write-messages';
import { isCalendarDate } from './wall-time';

/** Whole days the clinic is closed (holidays): nothing is booked on them. */
export function ClosuresSection({
  closures,
  write,
}: {
  closures: ResourcesResponse['closures'];
  write: SchedulingWrite;
}) {
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string>();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const last = toDate || fromDate;
    if (!isCalendarDate(fromDate) || !isCalendarDate(last) || !reason.trim()) {
      setMissing('Give the first day and a reason');
      return;
    }
    setMissing(undefined);
    const added = await write.run(
      'closure:add',
      () => apiPost(schedulingPaths.closures, { fromDate, toDate: last, reason: reason.trim() }),
      () =>
        `The clinic is closed ${fromDate === last ? `on ${formatDate(fromDate)}` : `from ${formatDate(fromDate)} to ${formatDate(last)}`}.`,
    );
    if (added) {
      setFromDate('');
      setToDate('');
      setReason('');
    }
  };

  return (
    <section className="setup-section" aria-labelledby="setup-closures-title">
      <h2 id="setup-closures-title">Closures</h2>
      <WriteMessages write={write} prefix="closure" />
      {closures.length === 0 ? <p className="muted">No closures.</p> : null}
      <ul className="setup-list">
        {closures.map((c) => (
          <li key={c.id} className="setup-list__item">
            <span className="setup-list__name">
              {c.fromDate === c.toDate
                ? formatDate(c.fromDate)
                : `${formatDate(c.fromDate)} to ${formatDate(c.toDate)}`}
            </span>
            <span className="muted">{c.reason}</span>
            <span className="setup-list__actions">
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={write.busy !== undefined}
                onClick={() =>
                  void write.run(
                    `closure:${c.id}`,
                    () => apiPost(schedulingPaths.cancelClosure(c.id)),
                    () => `The closure of ${formatDate(c.fromDate)} is cancelled.`,
                  )
                }
              >
                Cancel<span className="visually-hidden"> the closure of {formatDate(c.fromDate)}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
      <form className="inline-add" onSubmit={add} aria-label="Add a closure" noValidate>
        <TextField label="First day" type="date" value={fromDate} onChange={setFromDate} />
        <TextField label="Last day (optional)" type="date" value={toDate} onChange={setToDate} />
        <TextField label="Reason" value={reason} onChange={setReason} maxLength={500} error={missing} />
        <button type="submit" className="button" disabled={write.busy !== undefined}>
          Add closure
        </button>
      </form>
    </section>
  );
}
