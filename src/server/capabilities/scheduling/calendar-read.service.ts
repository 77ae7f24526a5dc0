import type { z } from 'zod';
import type {
  AppointmentListResponse,
  PatientAppointmentsResponse,
  SeriesProposalView,
  SlotResponse,
  appointmentListQuery,
  seriesProposeBody,
  slotQuery,
} from '../../../contracts/scheduling.js';
import { clinicDayBounds, instantToClinicLocal } from '../../../domain/clinic/index.js';
import {
  checkSlotRequest,
  createSlotSearch,
  proposeSeries,
  type AppointmentTypeRequirements,
  type RoomKind,
  type Slot,
} from '../../../domain/scheduling/index.js';
import { auditActor, refuseMissingRecord, type Actor } from '../../shared/actor.js';
import { badRequest, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import {
  domainRooms,
  loadScheduleContext,
  loadScheduleSettings,
  toAppointmentView,
  type ScheduleContext,
} from './schedule-context.js';
import {
  appointmentsBetween,
  findAppointmentRow,
  findType,
  listHistory,
  patientAppointments,
  reminderOptOut,
  appointmentsByIds,
  type AppointmentTypeRow,
} from './scheduling.queries.js';

/** What staff read from the calendar: free slots, proposed courses, the day and week, one appointment. */

const DAY = 86_400_000;

function requirementsOf(type: AppointmentTypeRow): AppointmentTypeRequirements {
  return {
    durationMinutes: type.durationMinutes,
    roomKind: type.roomKind as RoomKind | null,
    clinician: type.clinician as AppointmentTypeRequirements['clinician'],
    usesNurse: type.usesNurse,
  };
}

/** A type of the clinic (404 otherwise, like any record another clinic may hold); 400 when out of use. */
async function activeType(deps: AppDeps, actor: Actor, typeId: string) {
  const type = await findType(deps.db, actor.clinicId, typeId);
  if (!type) throw notFound('Appointment type');
  if (!type.active) throw badRequest([{ field: 'typeId', message: `${type.name} is no longer in use` }]);
  return type;
}

function slotContext(ctx: ScheduleContext, type: AppointmentTypeRow, now: number) {
  return {
    timeZone: ctx.timeZone,
    notBefore: now,
    stepMinutes: ctx.settings.slotStepMinutes,
    requirements: requirementsOf(type),
    clinicHours: ctx.settings.openingHours,
    closures: ctx.closures,
    rooms: domainRooms(ctx.rooms),
    staff: ctx.staff,
    chairsPerNurse: ctx.settings.chairsPerNurse,
    bookings: ctx.bookings,
  };
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Slots as the API shows them; a found slot already knows its clinic date and minute of the day. */
function slotViews(
  slots: Array<Slot & { date?: string; localMinute?: number; localStart?: string }>,
  ctx: ScheduleContext,
) {
  const roomNames = new Map(ctx.rooms.map((r) => [r.id, r.name]));
  return slots.map((s) => ({
    start: new Date(s.start).toISOString(),
    end: new Date(s.end).toISOString(),
    localStart:
      s.localStart ??
      (s.date !== undefined && s.localMinute !== undefined
        ? `${s.date}T${hhmm(s.localMinute)}`
        : instantToClinicLocal(new Date(s.start).toISOString(), ctx.timeZone)),
    room: s.roomId ? { id: s.roomId, label: roomNames.get(s.roomId) ?? 'Room' } : null,
    clinician: s.clinicianId
      ? { id: s.clinicianId, label: ctx.staffLabels.get(s.clinicianId) ?? 'Clinician' }
      : null,
  }));
}

/** Free slots for a type over some days from a date, filtered by weekday, time of day and clinician. */
export async function searchSlots(
  deps: AppDeps,
  actor: Actor,
  query: z.infer<typeof slotQuery>,
): Promise<SlotResponse> {
  const type = await activeType(deps, actor, query.typeId);
  // The search window is in the clinic's days: its zone comes first (one small read).
  const { timeZone } = await loadScheduleSettings(deps.db, actor.clinicId);
  const from = clinicDayBounds(query.from, timeZone).start.epochMilliseconds;
  // Bookings that overlap the searched days; a slot may run past midnight by its duration at most.
  const ctx = await loadScheduleContext(deps.db, actor.clinicId, {
    from: new Date(from),
    to: new Date(from + query.days * DAY + type.durationMinutes * 60_000),
  });
  const request = {
    ...slotContext(ctx, type, deps.now().getTime()),
    from,
    to: from + query.days * DAY,
    limit: query.limit,
    filters: {
      weekdays: query.weekdays as never,
      earliest: query.earliest,
      latest: query.latest,
      clinicianId: query.clinicianId,
    },
  };
  const problems = checkSlotRequest(request);
  const search = problems.length === 0 ? createSlotSearch(request, request.from, request.to) : null;
  if (!search) throw badRequest(problems);
  return { timeZone, slots: slotViews(search.between(request.from, request.to, request.limit), ctx) };
}

/** A course proposed from the clinic's series rules around the patient's bookings and preferences. */
export async function proposeCourse(
  deps: AppDeps,
  actor: Actor,
  body: z.infer<typeof seriesProposeBody>,
): Promise<SeriesProposalView> {
  const patient = await loadClinicPatient(deps.db, actor.clinicId, body.patientId).catch(() => undefined);
  if (!patient) throw badRequest([{ field: 'patientId', message: 'is not a patient of this clinic' }]);
  if (!patient.active) throw badRequest([{ field: 'patientId', message: 'is an inactive patient' }]);
  const type = await activeType(deps, actor, body.typeId);
  const { timeZone, settings } = await loadScheduleSettings(deps.db, actor.clinicId);
  const start = clinicDayBounds(body.startDate, timeZone).start.epochMilliseconds;
  const rules = { ...settings.series, count: body.count ?? settings.series.count };
  const ctx = await loadScheduleContext(deps.db, actor.clinicId, {
    from: new Date(start - DAY),
    to: new Date(start + (rules.maxSpanDays + 16) * DAY),
  });
  // The patient's own bookings block their time as well as the resources'.
  const proposal = proposeSeries({
    ...slotContext(ctx, type, deps.now().getTime()),
    count: rules.count,
    rules,
    startDate: body.startDate,
    preferredWeekdays: body.preferredWeekdays as never,
    preferredTime: body.preferredTime,
  });
  if (!proposal.ok) throw badRequest(proposal.problems, proposal.problems.map((p) => p.message).join('; '));
  const clash = proposal.value.sessions.find((s) =>
    ctx.bookings.some((b) => b.patientId === body.patientId && b.start < s.end && b.end > s.start),
  );
  if (clash)
    throw badRequest([
      {
        field: 'startDate',
        message: `the patient already has an appointment at ${clash.localStart.replace('T', ' ')}; choose another start`,
      },
    ]);
  await deps.audit.record({
    ...auditActor(actor),
    patientId: body.patientId,
    action: 'read',
    entity: 'appointment.series-proposal',
    detail: { typeId: body.typeId, startDate: body.startDate },
    outcome: 'success',
  });
  const views = slotViews(proposal.value.sessions, ctx);
  return {
    timeZone,
    rules: {
      count: rules.count,
      minPerWeek: rules.minPerWeek,
      maxPerWeek: rules.maxPerWeek,
      minDaysBetween: rules.minDaysBetween,
      maxSpanDays: rules.maxSpanDays,
    },
    sessions: views.map((v, i) => ({
      ...v,
      onPreferredWeekday: proposal.value.sessions[i]!.onPreferredWeekday,
    })),
  };
}

/** The day or week view: every appointment between two clinic dates (inclusive), audited by patient. */
export async function listAppointments(
  deps: AppDeps,
  actor: Actor,
  query: z.infer<typeof appointmentListQuery>,
): Promise<AppointmentListResponse> {
  const { timeZone } = await loadScheduleSettings(deps.db, actor.clinicId);
  const to = query.to ?? query.from;
  const from = clinicDayBounds(query.from, timeZone).start.epochMilliseconds;
  const end = clinicDayBounds(to, timeZone).end.epochMilliseconds;
  if (end - from > 32 * DAY)
    throw badRequest([{ field: 'to', message: 'must be at most 31 days after from' }]);
  const rows = await appointmentsBetween(
    deps.db,
    actor.clinicId,
    { from: new Date(from), to: new Date(end) },
    query.includeCancelled === 'true',
  );
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'appointment',
    detail: { from: query.from, to, patientIds: [...new Set(rows.map((r) => r.appointment.patientId))] },
    outcome: 'success',
  });
  return { timeZone, items: rows.map((r) => toAppointmentView(r, timeZone)) };
}

export async function readAppointment(deps: AppDeps, actor: Actor, id: string) {
  const row = await findAppointmentRow(deps.db, actor.clinicId, id);
  if (!row) return refuseMissingRecord(deps, actor, { entity: 'appointment', id, label: 'Appointment' });
  const { timeZone } = await loadScheduleSettings(deps.db, actor.clinicId);
  const [joined] = await appointmentsByIds(deps.db, actor.clinicId, [id]);
  const history = await listHistory(deps.db, actor.clinicId, id);
  await deps.audit.record({
    ...auditActor(actor),
    patientId: row.patientId,
    action: 'read',
    entity: 'appointment',
    entityId: id,
    outcome: 'success',
  });
  return {
    appointment: toAppointmentView(joined!, timeZone),
    history: history.map((h) => {
      const snap = h.snapshot as { startsAt: string; status: string };
      return {
        version: h.version,
        change: h.change,
        reason: h.reason,
        changedBy: h.changedBy ? { id: h.changedBy, label: h.changedByLabel ?? 'Unknown user' } : null,
        changedAt: h.changedAt.toISOString(),
        start: snap.startsAt,
        status: snap.status as never,
      };
    }),
  };
}

/** The chart's appointments: upcoming (not yet ended, live) and past or cancelled, newest first. */
export async function readPatientAppointments(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<PatientAppointmentsResponse> {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const { timeZone } = await loadScheduleSettings(deps.db, actor.clinicId);
  const rows = await patientAppointments(deps.db, actor.clinicId, patientId);
  const now = deps.now().getTime();
  const views = rows.map((r) => toAppointmentView(r, timeZone));
  const upcoming = views.filter(
    (v) => Date.parse(v.end) > now && !['cancelled', 'no_show', 'completed'].includes(v.status),
  );
  const past = views.filter((v) => !upcoming.includes(v)).reverse();
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'read',
    entity: 'appointment',
    detail: { list: 'patient', count: views.length },
    outcome: 'success',
  });
  return {
    timeZone,
    upcoming,
    past,
    remindersOptedOut: await reminderOptOut(deps.db, actor.clinicId, patientId),
  };
}
