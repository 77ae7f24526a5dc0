import { useCallback } from 'react';
import type { AppointmentView } from '../../../contracts/scheduling';
import { apiPost } from '../api-client';
import { actionDone, type StatusAction } from './appointment-status';
import { schedulingPaths } from './scheduling-api';
import { useSchedulingWrite } from './use-scheduling-write';

/** Writes about one appointment (a status step, a move, a cancellation), one at a time. */
export function useAppointmentAction() {
  const write = useSchedulingWrite();
  const { run } = write;

  /** POST /status: the notice names the patient ("Calder, Iris is checked in."). */
  const changeStatus = useCallback(
    (appointment: AppointmentView, action: StatusAction, reason?: string) =>
      run(
        `${appointment.id}:${action}`,
        () =>
          apiPost<AppointmentView>(schedulingPaths.status(appointment.id), {
            action,
            version: appointment.version,
            ...(reason ? { reason } : {}),
          }),
        (changed) => `${changed.patient.name} ${actionDone[action]}.`,
      ),
    [run],
  );

  return { ...write, changeStatus };
}

export type AppointmentAction = ReturnType<typeof useAppointmentAction>;
