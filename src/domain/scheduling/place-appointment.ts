import { clinicDateOf, instantToClinicLocal } from '../clinic/index.js';
import { coversInterval } from './intervals.js';
import { nurseCapacityCheck } from './nurse-capacity.js';
import { openIntervals } from './open-intervals.js';
import type {
  AppointmentTypeRequirements,
  Booking,
  Closure,
  Problem,
  Room,
  StaffMember,
  WeeklyHours,
} from './scheduling-types.js';

/**
 * Where one appointment can go, checked as the server checks it under the clinic's booking lock just
 * before it inserts: the time itself (not in the past, within the booking horizon, inside opening hours,
 * not on a closure), then each resource the type needs (a free room of its kind, a free working
 * clinician or one on site, nurse capacity) and the patient (not booked twice at once). A wrong request
 * is a 400 naming the field; a resource taken at that time is a 409 naming it and the clashing time.
 */

export interface PlacementRequest {
  start: number;
  end: number;
  now: number;
  horizonDays: number;
  timeZone: string;
  requirements: AppointmentTypeRequirements;
  patientId: string;
  roomId?: string;
  clinicianId?: string;
  clinicHours: readonly WeeklyHours[];
  closures: readonly Closure[];
  /** All the clinic's rooms, inactive ones included (to say why one cannot be used). */
  rooms: readonly (Room & { active: boolean })[];
  staff: readonly StaffMember[];
  staffLabels: ReadonlyMap<string, string>;
  chairsPerNurse: number;
  /** Live bookings around the interval, without the appointment being moved. */
  bookings: readonly (Booking & { patientId: string })[];
}

export type Placement =
  | { ok: true; roomId: string | null; clinicianId: string | null }
  | { ok: false; status: 400 | 409; message: string; problems: Problem[] };

const ROOM_WORDS: Record<Room['kind'], string> = {
  infusion_chair: 'infusion chair',
  spravato_room: 'Spravato room',
  consult_room: 'consult room',
};

const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

const overlaps = (b: { start: number; end: number }, start: number, end: number) =>
  b.start < end && b.end > start;

function refuse(status: 400 | 409, field: string, message: string): Placement {
  return { ok: false, status, message, problems: [{ field, message }] };
}

function clock(instant: number, timeZone: string): string {
  return instantToClinicLocal(new Date(instant).toISOString(), timeZone).slice(11);
}

function span(start: number, end: number, timeZone: string): string {
  const day = clinicDateOf(new Date(start).toISOString(), timeZone);
  return `${day} ${clock(start, timeZone)}–${clock(end, timeZone)}`;
}

function checkTime(req: PlacementRequest): Placement | undefined {
  const { start, end, timeZone } = req;
  if (start < req.now) return refuse(400, 'start', 'is in the past');
  if (start > req.now + req.horizonDays * 86_400_000)
    return refuse(400, 'start', `is more than ${req.horizonDays} days ahead (the clinic's booking horizon)`);
  const day = clinicDateOf(new Date(start).toISOString(), timeZone);
  const closure = req.closures.find((c) => c.from <= day && day <= c.to);
  if (closure) return refuse(400, 'start', `falls on a day the clinic is closed (${closure.reason})`);
  const open = openIntervals(
    req.clinicHours,
    req.closures,
    [],
    start - 86_400_000,
    end + 86_400_000,
    timeZone,
  );
  if (!coversInterval(open, start, end))
    return refuse(400, 'start', `${span(start, end, timeZone)} is outside the clinic's opening hours`);
  return undefined;
}

function clash(req: PlacementRequest, predicate: (b: Booking) => boolean): Booking | undefined {
  return req.bookings.find((b) => predicate(b) && overlaps(b, req.start, req.end));
}

function placeRoom(req: PlacementRequest): Placement | { roomId: string | null } {
  const kind = req.requirements.roomKind;
  if (!kind) return { roomId: null };
  const { timeZone } = req;
  if (req.roomId) {
    const room = req.rooms.find((r) => r.id === req.roomId);
    if (!room) return refuse(400, 'roomId', 'is not a room of this clinic');
    if (room.kind !== kind)
      return refuse(
        400,
        'roomId',
        `is ${withArticle(ROOM_WORDS[room.kind])}; this appointment needs ${withArticle(ROOM_WORDS[kind])}`,
      );
    if (!room.active) return refuse(400, 'roomId', `${room.name} is not in use`);
    const taken = clash(req, (b) => b.roomId === room.id);
    if (taken)
      return refuse(409, 'roomId', `${room.name} is booked ${span(taken.start, taken.end, timeZone)}`);
    return { roomId: room.id };
  }
  const free = req.rooms.find((r) => r.active && r.kind === kind && !clash(req, (b) => b.roomId === r.id));
  if (!free)
    return refuse(409, 'roomId', `No ${ROOM_WORDS[kind]} is free ${span(req.start, req.end, timeZone)}`);
  return { roomId: free.id };
}

function isWorking(member: StaffMember, req: PlacementRequest): boolean {
  const hours = openIntervals(member.hours, req.closures, member.timeOff, req.start, req.end, req.timeZone);
  return coversInterval(hours, req.start, req.end);
}

function placeClinician(req: PlacementRequest): Placement | { clinicianId: string | null } {
  const need = req.requirements.clinician;
  const clinicians = req.staff.filter((s) => s.role === 'clinician');
  const when = span(req.start, req.end, req.timeZone);
  if (need === 'none') return { clinicianId: null };
  if (need === 'on_site') {
    if (!clinicians.some((c) => isWorking(c, req)))
      return refuse(409, 'start', `No prescriber is on site ${when}; this appointment needs one throughout`);
    return { clinicianId: null };
  }
  const label = (id: string) => req.staffLabels.get(id) ?? 'The clinician';
  if (req.clinicianId) {
    const chosen = clinicians.find((c) => c.id === req.clinicianId);
    if (!chosen) return refuse(400, 'clinicianId', 'is not a clinician with working hours at this clinic');
    if (!isWorking(chosen, req))
      return refuse(409, 'clinicianId', `${label(chosen.id)} is not working ${when}`);
    const taken = clash(req, (b) => b.clinicianId === chosen.id);
    if (taken)
      return refuse(
        409,
        'clinicianId',
        `${label(chosen.id)} is booked ${span(taken.start, taken.end, req.timeZone)}`,
      );
    return { clinicianId: chosen.id };
  }
  const free = clinicians.find((c) => isWorking(c, req) && !clash(req, (b) => b.clinicianId === c.id));
  if (!free) return refuse(409, 'clinicianId', `No clinician is free ${when}`);
  return { clinicianId: free.id };
}

function checkNurses(req: PlacementRequest): Placement | undefined {
  if (!req.requirements.usesNurse) return undefined;
  const result = nurseCapacityCheck({
    interval: { start: req.start, end: req.end },
    bookings: req.bookings,
    nurses: req.staff,
    chairsPerNurse: req.chairsPerNurse,
    timeZone: req.timeZone,
  });
  if (result.ok) return undefined;
  if (result.capacity === 0)
    return refuse(409, 'start', `No nurse is working throughout ${span(req.start, req.end, req.timeZone)}`);
  return refuse(
    409,
    'start',
    `Nurse capacity is full at ${clock(result.at, req.timeZone)}: ${result.peak} nurse-staffed appointments ` +
      `for a capacity of ${result.capacity} (${req.chairsPerNurse} per nurse on duty)`,
  );
}

export function placeAppointment(req: PlacementRequest): Placement {
  if (!(req.end > req.start)) return refuse(400, 'start', 'must come before the end');
  const timeProblem = checkTime(req);
  if (timeProblem) return timeProblem;
  const own = clash(req, (b) => (b as Booking & { patientId: string }).patientId === req.patientId);
  if (own)
    return refuse(
      409,
      'patientId',
      `The patient already has an appointment ${span(own.start, own.end, req.timeZone)}`,
    );
  const room = placeRoom(req);
  if ('ok' in room) return room;
  const clinician = placeClinician(req);
  if ('ok' in clinician) return clinician;
  const nurses = checkNurses(req);
  if (nurses) return nurses;
  return { ok: true, roomId: room.roomId, clinicianId: clinician.clinicianId };
}
