import type { z } from 'zod';
import type {
  appointmentDetail,
  appointmentTypeList,
  calendarFeedCreated,
  calendarFeedStatus,
  rescheduleResponse,
  seriesBooked,
  AppointmentListResponse,
  PatientAppointmentsResponse,
  ResourcesResponse,
  SlotResponse,
} from '../../../contracts/scheduling';
import { apiGet } from '../api-client';
import { toQueryString } from '../query-string';

/** The scheduling API as the staff screens call it: request paths, response types and query keys. */

export type AppointmentDetail = z.infer<typeof appointmentDetail>;
export type AppointmentHistoryEntry = AppointmentDetail['history'][number];
export type AppointmentTypeList = z.infer<typeof appointmentTypeList>;
export type RescheduleResult = z.infer<typeof rescheduleResponse>;
export type SeriesBooked = z.infer<typeof seriesBooked>;
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatus>;
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreated>;

/** The filters of GET /api/scheduling/slots (weekdays 1–7, times "HH:mm"). */
export interface SlotSearch {
  typeId: string;
  from: string;
  days?: number;
  weekdays?: number[];
  earliest?: string;
  latest?: string;
  clinicianId?: string;
  limit?: number;
}

const id = encodeURIComponent;

export const schedulingPaths = {
  resources: '/api/scheduling/resources',
  rooms: '/api/scheduling/rooms',
  room: (roomId: string) => `/api/scheduling/rooms/${id(roomId)}`,
  staff: (userId: string) => `/api/scheduling/staff/${id(userId)}`,
  timeOff: '/api/scheduling/time-off',
  cancelTimeOff: (timeOffId: string) => `/api/scheduling/time-off/${id(timeOffId)}/cancel`,
  closures: '/api/scheduling/closures',
  cancelClosure: (closureId: string) => `/api/scheduling/closures/${id(closureId)}/cancel`,
  types: '/api/scheduling/types',
  defaultTypes: '/api/scheduling/types/defaults',
  type: (typeId: string) => `/api/scheduling/types/${id(typeId)}`,
  slots: (search: SlotSearch) =>
    `/api/scheduling/slots${toQueryString({
      typeId: search.typeId,
      from: search.from,
      days: search.days,
      weekdays: search.weekdays?.length ? [...search.weekdays].sort().join(',') : undefined,
      earliest: search.earliest,
      latest: search.latest,
      clinicianId: search.clinicianId,
      limit: search.limit,
    })}`,
  appointments: (from: string, to: string) => `/api/appointments${toQueryString({ from, to })}`,
  book: '/api/appointments',
  appointment: (appointmentId: string) => `/api/appointments/${id(appointmentId)}`,
  reschedule: (appointmentId: string) => `/api/appointments/${id(appointmentId)}/reschedule`,
  cancel: (appointmentId: string) => `/api/appointments/${id(appointmentId)}/cancel`,
  status: (appointmentId: string) => `/api/appointments/${id(appointmentId)}/status`,
  propose: '/api/appointments/series/propose',
  series: '/api/appointments/series',
  patientAppointments: (patientId: string) => `/api/patients/${id(patientId)}/appointments`,
  patientCalendar: (patientId: string) => `/api/patients/${id(patientId)}/appointments.ics`,
  reminderPreference: (patientId: string) => `/api/patients/${id(patientId)}/reminder-preference`,
  feed: '/api/me/calendar-feed',
  revokeFeed: '/api/me/calendar-feed/revoke',
};

/** Query keys: everything read about scheduling starts with 'scheduling', so one invalidation refreshes it. */
const all = ['scheduling'] as const;
export const schedulingKeys = {
  all,
  resources: [...all, 'resources'] as const,
  types: [...all, 'types'] as const,
  appointments: (from: string, to: string) => [...all, 'appointments', { from, to }] as const,
  appointment: (appointmentId: string) => [...all, 'appointment', appointmentId] as const,
  slots: (search: SlotSearch) => [...all, 'slots', search] as const,
  patient: (patientId: string) => [...all, 'patient', patientId] as const,
  feed: [...all, 'feed'] as const,
};

export const fetchResources = (signal: AbortSignal) =>
  apiGet<ResourcesResponse>(schedulingPaths.resources, { signal });
export const fetchTypes = (signal: AbortSignal) =>
  apiGet<AppointmentTypeList>(schedulingPaths.types, { signal });
export const fetchAppointments = (from: string, to: string, signal: AbortSignal) =>
  apiGet<AppointmentListResponse>(schedulingPaths.appointments(from, to), { signal });
export const fetchAppointment = (appointmentId: string, signal: AbortSignal) =>
  apiGet<AppointmentDetail>(schedulingPaths.appointment(appointmentId), { signal });
export const fetchSlots = (search: SlotSearch, signal: AbortSignal) =>
  apiGet<SlotResponse>(schedulingPaths.slots(search), { signal });
export const fetchPatientAppointments = (patientId: string, signal: AbortSignal) =>
  apiGet<PatientAppointmentsResponse>(schedulingPaths.patientAppointments(patientId), { signal });
