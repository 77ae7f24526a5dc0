import { useState, type FormEvent } from 'react';
import type { AppointmentView } from '../../../contracts/scheduling';
import { apiPost } from '../api-client';
import { TextField } from '../ui/text-field';
import { laterSessions } from './appointment-status';
import { whenText } from './appointment-text';
import { schedulingPaths, type RescheduleResult } from './scheduling-api';
import { SlotPicker, type PickedTime } from './slot-picker';
import type { AppointmentAction } from './use-appointment-action';
import { usePatientAppointments } from './use-scheduling-queries';
import { datePart } from './wall-time';

interface RescheduleFormProps {
  appointment: AppointmentView;
  timeZone: string;
  action: AppointmentAction;
  onMoved: (appointment: AppointmentView) => void;
  onClose: () => void;
}

/** Move a booked appointment; for a session of a series, optionally the later sessions by as many days. */
export function RescheduleForm({ appointment, timeZone, action, onMoved, onClose }: RescheduleFormProps) {
  const [date, setDate] = useState(datePart(appointment.localStart));
  const [picked, setPicked] = useState<PickedTime>();
  const [shiftLater, setShiftLater] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const patient = usePatientAppointments(appointment.patient.id, appointment.seriesId !== null);
  const later = laterSessions(appointment, patient.data?.upcoming ?? []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!picked) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const moveLater = shiftLater && later.length > 0;
    const result = await action.run(
      'reschedule',
      () =>
        apiPost<RescheduleResult>(schedulingPaths.reschedule(appointment.id), {
          start: picked.start,
          ...(picked.room ? { roomId: picked.room.id } : {}),
          ...(moveLater ? { shiftLater: true } : {}),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          version: appointment.version,
        }),
      (r) =>
        `Moved to ${whenText(r.appointment.localStart)}${r.appointment.room ? ` in ${r.appointment.room.label}` : ''}.` +
        (r.shifted.length > 0
          ? ` ${r.shifted.length} later ${r.shifted.length === 1 ? 'session was' : 'sessions were'} moved by the same number of days.`
          : ''),
    );
    if (result) onMoved(result.appointment);
  };

  return (
    <form className="sched-form" onSubmit={submit} aria-label="Reschedule" noValidate>
      <h3>Reschedule</h3>
      <SlotPicker
        legend="New time"
        typeId={appointment.type.id}
        timeZone={timeZone}
        date={date}
        onDate={setDate}
        value={picked}
        onChange={(value) => {
          setPicked(value);
          setMissing(false);
        }}
      />
      {missing ? <p className="field__error">Choose a free time or type one.</p> : null}
      {later.length > 0 ? (
        <div className="field field--checkbox">
          <input
            id={`shift-later-${appointment.id}`}
            type="checkbox"
            checked={shiftLater}
            onChange={(event) => setShiftLater(event.target.checked)}
          />
          <label htmlFor={`shift-later-${appointment.id}`}>
            Also move the {later.length} later {later.length === 1 ? 'session' : 'sessions'} of this series by
            the same number of days
          </label>
        </div>
      ) : null}
      <TextField label="Reason (optional)" value={reason} onChange={setReason} maxLength={500} />
      <div className="button-row">
        <button type="submit" className="button" disabled={action.busy !== undefined}>
          {action.busy === 'reschedule' ? 'Moving…' : 'Move appointment'}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Keep the time
        </button>
      </div>
    </form>
  );
}
