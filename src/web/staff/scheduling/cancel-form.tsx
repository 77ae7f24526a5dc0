import { useState, type FormEvent } from 'react';
import type { AppointmentView } from '../../../contracts/scheduling';
import { apiPost } from '../api-client';
import { TextField } from '../ui/text-field';
import { schedulingPaths } from './scheduling-api';
import type { AppointmentAction } from './use-appointment-action';

interface CancelFormProps {
  appointment: AppointmentView;
  action: AppointmentAction;
  onClose: () => void;
}

/** Cancelling keeps the appointment on record with the reason given (required). */
export function CancelForm({ appointment, action, onClose }: CancelFormProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const done = await action.run(
      'cancel',
      () =>
        apiPost<AppointmentView>(schedulingPaths.cancel(appointment.id), {
          reason: reason.trim(),
          version: appointment.version,
        }),
      (a) => `The appointment of ${a.patient.name} is cancelled. It stays on record with the reason.`,
    );
    if (done) onClose();
  };

  return (
    <form className="sched-form" onSubmit={submit} aria-label="Cancel the appointment" noValidate>
      <h3>Cancel the appointment</h3>
      <TextField
        label="Reason for cancelling"
        value={reason}
        onChange={setReason}
        error={missing ? 'Give a reason: it is kept with the appointment' : undefined}
        maxLength={500}
        required
      />
      <div className="button-row">
        <button type="submit" className="button button--danger" disabled={action.busy !== undefined}>
          {action.busy === 'cancel' ? 'Cancelling…' : 'Cancel appointment'}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Keep it
        </button>
      </div>
    </form>
  );
}
