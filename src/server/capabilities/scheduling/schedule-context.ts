import type { Executor } from '../../../db/client.js';
import type { AppointmentView } from '../../../contracts/scheduling.js';
import {
  instantToClinicLocal,
  readClinicSettings,
  type SchedulingSettings,
} from '../../../domain/clinic/index.js';
import type { Booking, Closure, Room, StaffMember, WeeklyHours } from '../../../domain/scheduling/index.js';
import { notFound } from '../../shared/api-error.js';
import { readStoredClinic } from '../../shared/clinic-settings.js';
import { scheduleSnapshot, type AppointmentJoinedRow, type RoomRow } from './scheduling.queries.js';

/**
 * Everything the scheduling rules read for one window of time, loaded in one place: the clinic's
 * settings and zone, its rooms, staff with hours and time off, closures and the live bookings.
 */
export interface ScheduleContext {
  clinicName: string;
  clinicPhone: string;
  timeZone: string;
  settings: SchedulingSettings;
  rooms: RoomRow[];
  staff: StaffMember[];
  staffLabels: Map<string, string>;
  closures: Closure[];
  bookings: (Booking & { patientId: string })[];
}

export async function loadScheduleSettings(db: Executor, clinicId: string) {
  const clinic = await readStoredClinic(db, clinicId);
  if (!clinic) throw notFound('Clinic');
  return {
    clinicName: clinic.name,
    clinicPhone: clinic.settings.site.phone,
    timeZone: clinic.settings.timeZone,
    settings: clinic.settings.scheduling,
  };
}

/** The context of a window, read in one statement (scheduleSnapshot). */
export async function loadScheduleContext(
  db: Executor,
  clinicId: string,
  window: { from: Date; to: Date },
  excludeIds: string[] = [],
): Promise<ScheduleContext> {
  const snapshot = await scheduleSnapshot(db, clinicId, window, excludeIds);
  if (!snapshot) throw notFound('Clinic');
  const settings = readClinicSettings(snapshot.settings);
  const timeOff = snapshot.timeOff ?? [];
  const scheduled = (snapshot.staff ?? []).filter((s) => s.role === 'nurse' || s.role === 'clinician');
  return {
    clinicName: snapshot.name,
    clinicPhone: settings.site.phone,
    timeZone: settings.timeZone,
    settings: settings.scheduling,
    rooms: (snapshot.rooms ?? []).map((r) => ({ ...r, clinicId, createdAt: new Date(0) })),
    staff: scheduled.map((s) => ({
      id: s.id,
      role: s.role as StaffMember['role'],
      hours: (s.hours ?? []) as WeeklyHours[],
      timeOff: timeOff.filter((t) => t.userId === s.id).map((t) => ({ start: t.start, end: t.end })),
    })),
    staffLabels: new Map((snapshot.staff ?? []).map((s) => [s.id, s.label])),
    closures: snapshot.closures ?? [],
    bookings: snapshot.bookings ?? [],
  };
}

/** The active rooms in the shape the slot finder takes. */
export function domainRooms(rooms: RoomRow[]): Room[] {
  return rooms.filter((r) => r.active).map((r) => ({ id: r.id, kind: r.kind as Room['kind'], name: r.name }));
}

/** `YYYY-MM-DD HH:mm` in the clinic's zone, for messages a person reads. */
export function localLabel(instant: number | Date, timeZone: string): string {
  return instantToClinicLocal(new Date(instant).toISOString(), timeZone).replace('T', ' ');
}

/** `HH:mm` in the clinic's zone. */
export function localClock(instant: number | Date, timeZone: string): string {
  return instantToClinicLocal(new Date(instant).toISOString(), timeZone).slice(11);
}

export function toAppointmentView(row: AppointmentJoinedRow, timeZone: string): AppointmentView {
  const a = row.appointment;
  const given = row.patientPreferred ? `${row.patientPreferred} (${row.patientGiven})` : row.patientGiven;
  return {
    id: a.id,
    patient: { id: a.patientId, name: `${row.patientFamily}, ${given}`, mrn: row.patientMrn },
    type: {
      id: a.typeId,
      code: row.typeCode,
      name: row.typeName,
      category: row.typeCategory as AppointmentView['type']['category'],
    },
    seriesId: a.seriesId,
    seriesIndex: a.seriesIndex,
    seriesSize: a.seriesId ? Number(row.seriesSize ?? 0) : null,
    room: a.roomId ? { id: a.roomId, label: row.roomName ?? 'Room' } : null,
    clinician: a.clinicianId ? { id: a.clinicianId, label: row.clinicianLabel ?? 'Clinician' } : null,
    start: a.startsAt.toISOString(),
    end: a.endsAt.toISOString(),
    localStart: instantToClinicLocal(a.startsAt.toISOString(), timeZone),
    localEnd: instantToClinicLocal(a.endsAt.toISOString(), timeZone),
    status: a.status as AppointmentView['status'],
    statusReason: a.statusReason,
    mode: a.mode as AppointmentView['mode'],
    note: a.note,
    usesNurse: a.usesNurse,
    version: a.version,
  };
}
