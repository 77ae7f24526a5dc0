import type { FormEvent } from 'react';
import type { Anchor } from '../../../contracts/measurement';
import { formatDateTime } from '../format';

/**
 * The infusion dates the plan is relative to: booked infusions from the schedule (changed there), and dates
 * entered by hand for infusions given before the clinic used Arbor's calendar.
 */
export function InfusionDates({
  anchors,
  canManage,
  onCancel,
  when,
  setWhen,
  addAnchor,
}: {
  anchors: Anchor[];
  canManage: boolean;
  onCancel: (anchorId: string) => void;
  when: string;
  setWhen: (value: string) => void;
  addAnchor: (event: FormEvent) => void;
}) {
  return (
    <>
      <h4>Infusion dates</h4>
      {anchors.length === 0 ? <p className="muted">None entered.</p> : null}
      <ul className="entry-list">
        {anchors.map((a) => (
          <li key={a.id} className="entry-list__item">
            {a.label ?? 'Infusion'} · {formatDateTime(a.at)}{' '}
            {a.fromSchedule ? <span className="muted">(from the schedule)</span> : null}
            {canManage && !a.fromSchedule ? (
              <button
                type="button"
                className="button button--small button--link"
                onClick={() => onCancel(a.id)}
              >
                Cancel {a.label ?? 'infusion'}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <p className="muted">
          Booked infusions appear here from the schedule. Add a date by hand only for an infusion given before
          the clinic used Arbor&rsquo;s calendar.
        </p>
      ) : null}
      {canManage ? (
        <form onSubmit={addAnchor} className="inline-add">
          <div className="field">
            <label htmlFor="mbc-anchor-at">Add an infusion date</label>
            <input
              id="mbc-anchor-at"
              type="datetime-local"
              value={when}
              onChange={(e) => setWhen(e.target.value)}
              required
            />
          </div>
          <button type="submit" className="button button--secondary">
            Add infusion
          </button>
        </form>
      ) : null}
    </>
  );
}
