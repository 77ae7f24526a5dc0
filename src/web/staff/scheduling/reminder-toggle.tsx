import { useEffect, useState } from 'react';
import { apiPut } from '../api-client';
import { schedulingPaths } from './scheduling-api';
import { ProblemBanner } from './problem-banner';
import { useRefreshSchedule } from './use-scheduling-queries';

interface ReminderToggleProps {
  patientId: string;
  optedOut: boolean;
  /** Only the front desk changes it (appointment.book); others see the setting. */
  canChange: boolean;
}

/** Whether the patient gets appointment reminders by email and text message. */
export function ReminderToggle({ patientId, optedOut, canChange }: ReminderToggleProps) {
  const refresh = useRefreshSchedule();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // Shown at once when ticked; put back if the server refuses.
  const [send, setSend] = useState(!optedOut);
  useEffect(() => setSend(!optedOut), [optedOut]);
  const id = `reminders-${patientId}`;

  const change = async (next: boolean) => {
    setSend(next);
    setBusy(true);
    setError(undefined);
    try {
      await apiPut(schedulingPaths.reminderPreference(patientId), { optedOut: !next });
      await refresh();
    } catch (e) {
      setSend(!next);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!canChange) {
    return (
      <p>
        {optedOut
          ? 'This patient asked not to get appointment reminders.'
          : 'Appointment reminders are sent.'}
      </p>
    );
  }
  return (
    <>
      <div className="field field--checkbox">
        <input
          id={id}
          type="checkbox"
          checked={send}
          disabled={busy}
          onChange={(event) => void change(event.target.checked)}
          aria-describedby={`${id}-hint`}
        />
        <label htmlFor={id}>Send appointment reminders</label>
      </div>
      <p className="field__hint" id={`${id}-hint`}>
        {!send
          ? 'Off: the patient asked not to get reminders.'
          : 'By email and text message before each appointment, as the clinic has set them.'}
      </p>
      <ProblemBanner error={error} />
    </>
  );
}
