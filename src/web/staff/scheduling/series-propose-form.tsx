import { useState, type FormEvent } from 'react';
import type { SeriesProposalView } from '../../../contracts/scheduling';
import { apiPost } from '../api-client';
import { TextField } from '../ui/text-field';
import { ProblemBanner } from './problem-banner';
import { schedulingPaths } from './scheduling-api';
import { toggleWeekday, weekdayNames } from './slot-groups';

interface SeriesProposeFormProps {
  patientId: string;
  typeId: string;
  today: string;
  onProposal: (proposal: SeriesProposalView) => void;
}

/** The patient's wishes for an induction course: first day, preferred weekdays and time of day. */
export function SeriesProposeForm({ patientId, typeId, today, onProposal }: SeriesProposeFormProps) {
  const [startDate, setStartDate] = useState(today);
  const [weekdays, setWeekdays] = useState<number[]>([]);
  const [time, setTime] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onProposal(
        await apiPost<SeriesProposalView>(schedulingPaths.propose, {
          patientId,
          typeId,
          startDate,
          ...(weekdays.length ? { preferredWeekdays: weekdays } : {}),
          ...(time ? { preferredTime: time } : {}),
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="sched-form" onSubmit={submit} aria-labelledby="series-propose-title" noValidate>
      <h2 id="series-propose-title">Induction series</h2>
      <p className="muted">
        Arbor proposes the course from the clinic&rsquo;s series rules around what is already booked. Every
        session can be changed before booking.
      </p>
      <div className="grid grid--compact">
        <TextField label="First day" type="date" value={startDate} onChange={setStartDate} required />
        <TextField
          label="Preferred time (optional)"
          type="time"
          value={time}
          onChange={setTime}
          hint="Clinic time"
        />
      </div>
      <fieldset className="weekday-choice">
        <legend>Preferred days (optional)</legend>
        {weekdayNames.map((d) => (
          <label key={d.value}>
            <input
              type="checkbox"
              checked={weekdays.includes(d.value)}
              onChange={(event) => setWeekdays(toggleWeekday(weekdays, d.value, event.target.checked))}
            />{' '}
            <span aria-hidden="true">{d.short}</span>
            <span className="visually-hidden">{d.long}</span>
          </label>
        ))}
      </fieldset>
      <ProblemBanner error={error} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Proposing…' : 'Propose sessions'}
      </button>
    </form>
  );
}
