import { useState } from 'react';
import type { AppointmentTypeView, AppointmentView, SlotView } from '../../../contracts/scheduling';
import { apiPost } from '../api-client';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { TextField } from '../ui/text-field';
import { whenText } from './appointment-text';
import { ProblemBanner } from './problem-banner';
import type { ChosenPatient } from './patient-picker';
import { schedulingPaths } from './scheduling-api';

interface BookConfirmDialogProps {
  patient: ChosenPatient;
  type: AppointmentTypeView;
  slot: SlotView;
  onBooked: (appointment: AppointmentView) => void;
  onCancel: () => void;
}

/** "Book … for … on … at …?" with an optional note; a refusal (the time was taken meanwhile) shows here. */
export function BookConfirmDialog({ patient, type, slot, onBooked, onCancel }: BookConfirmDialogProps) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const book = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const booked = await apiPost<AppointmentView>(schedulingPaths.book, {
        patientId: patient.id,
        typeId: type.id,
        start: slot.start,
        ...(slot.room ? { roomId: slot.room.id } : {}),
        ...(slot.clinician ? { clinicianId: slot.clinician.id } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onBooked(booked);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      title="Book this appointment?"
      confirmLabel={busy ? 'Booking…' : 'Book'}
      busy={busy}
      onConfirm={() => void book()}
      onCancel={onCancel}
    >
      <p>
        <strong>{type.name}</strong> for <strong>{patient.name}</strong> on {whenText(slot.localStart)}
        {slot.room ? ` in ${slot.room.label}` : ''}
        {slot.clinician ? ` with ${slot.clinician.label}` : ''}.
      </p>
      <TextField label="Note for the team (optional)" value={note} onChange={setNote} maxLength={500} />
      <ProblemBanner error={error} />
    </ConfirmDialog>
  );
}
