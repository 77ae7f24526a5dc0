import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useApiQuery } from '../query/use-api-query';
import {
  fetchAppointment,
  fetchAppointments,
  fetchPatientAppointments,
  fetchResources,
  fetchSlots,
  fetchTypes,
  schedulingKeys,
  type SlotSearch,
} from './scheduling-api';

/** The scheduling reads through the shared cache (see query/use-api-query.ts). */

export const useResources = () => useApiQuery(schedulingKeys.resources, fetchResources);

export const useAppointmentTypes = () => useApiQuery(schedulingKeys.types, fetchTypes);

/** The appointments between two clinic dates; `refreshMs` keeps a board current while it is open. */
export const useAppointments = (from: string, to: string, refreshMs?: number) =>
  useApiQuery(schedulingKeys.appointments(from, to), (signal) => fetchAppointments(from, to, signal), {
    refetchInterval: refreshMs ?? false,
  });

export const useAppointmentDetail = (id: string) =>
  useApiQuery(schedulingKeys.appointment(id), (signal) => fetchAppointment(id, signal));

/** Free slots; nothing is asked while `search` is undefined (a filter is still missing). */
export const useSlots = (search: SlotSearch | undefined) =>
  useApiQuery(
    schedulingKeys.slots(search ?? { typeId: '', from: '' }),
    (signal) => fetchSlots(search!, signal),
    { enabled: search !== undefined },
  );

export const usePatientAppointments = (patientId: string, enabled = true) =>
  useApiQuery(schedulingKeys.patient(patientId), (signal) => fetchPatientAppointments(patientId, signal), {
    enabled,
  });

/** After a booking, move or status change: every scheduling read on screen is fetched again. */
export function useRefreshSchedule(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: schedulingKeys.all }), [queryClient]);
}
