import type { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import type {
  AppointmentView,
  bookBody,
  cancelBody,
  rescheduleBody,
  seriesBookBody,
  statusBody,
} from '../../../contracts/scheduling.js';
import { clinicDateOf } from '../../../domain/clinic/index.js';
import {
  checkSeriesRules,
  isLive,
  nextStatus,
  placeAppointment,
  shiftSeries,
  type AppointmentAction,
  type AppointmentStatus,
  type Placement,
  type RoomKind,
} from '../../../domain/scheduling/index.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { ApiError, badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import { followAppointment } from '../measurement/index.js';
import {
  loadScheduleContext,
  loadScheduleSettings,
  toAppointmentView,
  type ScheduleContext,
} from './schedule-context.js';
import {
  appointmentsByIds,
  findAppointmentRow,
  findType,
  insertAppointments,
  insertHistory,
  insertSeries,
  laterInSeries,
  lockClinicSchedule,
  updateAppointment,
  type AppointmentRow,
  type AppointmentTypeRow,
} from './scheduling.queries.js';

/**
 * Booking, rescheduling, cancelling and moving an appointment through the day. Each use case runs in
 * one transaction that takes the clinic's booking lock first, re-reads what is booked, checks the
 * placement (src/domain/scheduling place-appointment) and writes the appointment, its history row, the
 * audit row and the measurement anchor together. The exclusion constraints of migration 0017 stand
 * behind the check: should two writers ever race past it, PostgreSQL refuses the second (409).
 */

const MINUTE = 60_000;

type BookBody = z.infer<typeof bookBody>;

/** What the window around an interval must include: bookings that overlap it, plus a day for hours. */
const windowAround = (start: number, end: number) => ({
  from: new Date(start - 86_400_000),
  to: new Date(end + 86_400_000),
});

function refusal(placement: Extract<Placement, { ok: false }>): ApiError {
  return placement.status === 400
    ? badRequest(placement.problems, placement.message)
    : conflict(placement.message, { fields: placement.problems });
}

/** PostgreSQL's exclusion_violation: a booking raced past the check (the constraint names the resource). */
function exclusionConflict(error: unknown): ApiError | undefined {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = e.code ?? e.cause?.code;
  if (code !== '23P01') return undefined;
  const constraint = e.constraint ?? e.cause?.constraint ?? '';
  const what = constraint.includes('room')
    ? 'The room or chair'
    : constraint.includes('clinician')
      ? 'The clinician'
      : 'The patient';
  return conflict(`${what} was booked for an overlapping time by someone else just now`);
}

async function withBookingLock<T>(
  deps: AppDeps,
  actor: Actor,
  work: (tx: Executor) => Promise<T>,
): Promise<T> {
  try {
    return await deps.db.transaction(async (tx) => {
      await lockClinicSchedule(tx, actor.clinicId);
      return work(tx);
    });
  } catch (error) {
    throw exclusionConflict(error) ?? error;
  }
}

async function loadType(tx: Executor, actor: Actor, typeId: string): Promise<AppointmentTypeRow> {
  const type = await findType(tx, actor.clinicId, typeId);
  if (!type) throw badRequest([{ field: 'typeId', message: 'is not an appointment type of this clinic' }]);
  if (!type.active) throw badRequest([{ field: 'typeId', message: `${type.name} is no longer in use` }]);
  return type;
}

async function loadActivePatient(tx: Executor, actor: Actor, patientId: string) {
  const patient = await loadClinicPatient(tx, actor.clinicId, patientId).catch(() => undefined);
  if (!patient) throw badRequest([{ field: 'patientId', message: 'is not a patient of this clinic' }]);
  if (!patient.active) throw badRequest([{ field: 'patientId', message: 'is an inactive patient' }]);
  return patient;
}

/** Checks one interval against a loaded context; throws the 400/409 the placement names. */
function place(
  ctx: ScheduleContext,
  type: AppointmentTypeRow,
  input: { start: number; patientId: string; roomId?: string; clinicianId?: string; now: number },
): { roomId: string | null; clinicianId: string | null; end: number } {
  const end = input.start + type.durationMinutes * MINUTE;
  const placement = placeAppointment({
    start: input.start,
    end,
    now: input.now,
    horizonDays: ctx.settings.bookingHorizonDays,
    timeZone: ctx.timeZone,
    requirements: {
      durationMinutes: type.durationMinutes,
      roomKind: type.roomKind as RoomKind | null,
      clinician: type.clinician as 'none' | 'assigned' | 'on_site',
      usesNurse: type.usesNurse,
    },
    patientId: input.patientId,
    roomId: input.roomId,
    clinicianId: input.clinicianId,
    clinicHours: ctx.settings.openingHours,
    closures: ctx.closures,
    rooms: ctx.rooms.map((r) => ({ id: r.id, kind: r.kind as RoomKind, name: r.name, active: r.active })),
    staff: ctx.staff,
    staffLabels: ctx.staffLabels,
    chairsPerNurse: ctx.settings.chairsPerNurse,
    bookings: ctx.bookings,
  });
  if (!placement.ok) throw refusal(placement);
  return { roomId: placement.roomId, clinicianId: placement.clinicianId, end };
}

function minuteInstant(iso: string, field: string): number {
  const at = Date.parse(iso);
  if (at % MINUTE !== 0) throw badRequest([{ field, message: 'must be on a whole minute' }]);
  return at;
}

function snapshot(row: AppointmentRow) {
  return {
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    roomId: row.roomId,
    clinicianId: row.clinicianId,
    status: row.status,
    statusReason: row.statusReason,
    typeId: row.typeId,
    seriesId: row.seriesId,
    note: row.note,
  };
}

/** History and audit of one change, and the measurement anchor of an infusion kept in step. */
async function recordChange(
  tx: Executor,
  deps: AppDeps,
  actor: Actor,
  row: AppointmentRow,
  change: string,
  reason: string | null,
  category: string,
) {
  await insertHistory(tx, [
    {
      clinicId: actor.clinicId,
      appointmentId: row.id,
      version: row.version,
      change,
      snapshot: snapshot(row),
      reason,
      changedBy: actor.userId,
      changedAt: deps.now(),
    },
  ]);
  await appendAudit(tx, [
    {
      ...auditActor(actor),
      patientId: row.patientId,
      action: change === 'booked' ? 'create' : 'update',
      entity: 'appointment',
      entityId: row.id,
      detail: {
        change,
        startsAt: row.startsAt.toISOString(),
        status: row.status,
        ...(reason ? { reason } : {}),
      },
      outcome: 'success',
    },
  ]);
  if (category === 'infusion' || category === 'spravato') {
    await followAppointment(
      tx,
      actor,
      {
        id: row.id,
        patientId: row.patientId,
        startsAt: row.startsAt,
        live: isLive(row.status as AppointmentStatus),
      },
      deps.now(),
    );
  }
}

async function views(
  tx: Executor,
  actor: Actor,
  ids: string[],
  timeZone: string,
): Promise<AppointmentView[]> {
  const rows = await appointmentsByIds(tx, actor.clinicId, ids);
  return rows.map((r) => toAppointmentView(r, timeZone));
}

export async function bookAppointment(deps: AppDeps, actor: Actor, body: BookBody): Promise<AppointmentView> {
  return withBookingLock(deps, actor, async (tx) => {
    const type = await loadType(tx, actor, body.typeId);
    await loadActivePatient(tx, actor, body.patientId);
    const start = minuteInstant(body.start, 'start');
    const ctx = await loadScheduleContext(
      tx,
      actor.clinicId,
      windowAround(start, start + type.durationMinutes * MINUTE),
    );
    const placed = place(ctx, type, { ...body, start, now: deps.now().getTime() });
    const [row] = await insertAppointments(tx, [
      {
        clinicId: actor.clinicId,
        patientId: body.patientId,
        typeId: type.id,
        roomId: placed.roomId,
        clinicianId: placed.clinicianId,
        startsAt: new Date(start),
        endsAt: new Date(placed.end),
        usesNurse: type.usesNurse,
        mode: body.mode ?? (type.roomKind ? 'in_person' : 'video'),
        note: body.note ?? null,
        createdBy: actor.userId,
        createdAt: deps.now(),
        updatedBy: actor.userId,
      },
    ]);
    await recordChange(tx, deps, actor, row!, 'booked', null, type.category);
    return (await views(tx, actor, [row!.id], ctx.timeZone))[0]!;
  });
}

/**
 * A course booked as one: every session is placed against the bookings and the sessions before it,
 * the series rules are checked on the whole list as staff adjusted it, and all are written in one
 * transaction or none is.
 */
export async function bookSeries(
  deps: AppDeps,
  actor: Actor,
  body: z.infer<typeof seriesBookBody>,
): Promise<{ seriesId: string; appointments: AppointmentView[] }> {
  return withBookingLock(deps, actor, async (tx) => {
    const type = await loadType(tx, actor, body.typeId);
    await loadActivePatient(tx, actor, body.patientId);
    const starts = body.sessions.map((s, i) => minuteInstant(s.start, `sessions.${i}.start`));
    const first = Math.min(...starts);
    const last = Math.max(...starts) + type.durationMinutes * MINUTE;
    const ctx = await loadScheduleContext(tx, actor.clinicId, windowAround(first, last));
    const rules = ctx.settings.series;
    if (body.kind === 'induction') {
      const problems = checkSeriesRules(starts, rules, ctx.timeZone);
      if (problems.length > 0)
        throw badRequest(
          problems.map((p) => ({
            field: `sessions${p.field === 'starts' ? '' : `.${p.field}`}`,
            message: p.message,
          })),
          `The sessions do not keep the clinic's induction rules: ${problems.map((p) => p.message).join('; ')}`,
        );
    }
    const series = await insertSeries(tx, {
      clinicId: actor.clinicId,
      patientId: body.patientId,
      kind: body.kind,
      rules: { ...rules, source: 'docs/clinical-sources.md#induction-series' },
      createdBy: actor.userId,
      createdAt: deps.now(),
    });
    const order = starts.map((start, i) => ({ start, i })).sort((a, b) => a.start - b.start);
    const values = [];
    for (const [index, { start, i }] of order.entries()) {
      let placed;
      try {
        placed = place(ctx, type, {
          start,
          patientId: body.patientId,
          roomId: body.sessions[i]!.roomId,
          now: deps.now().getTime(),
        });
      } catch (error) {
        throw renameFields(error, `sessions.${i}`);
      }
      const id = crypto.randomUUID();
      // Later sessions are placed around this one.
      ctx.bookings.push({
        id,
        start,
        end: placed.end,
        roomId: placed.roomId,
        clinicianId: placed.clinicianId,
        usesNurse: type.usesNurse,
        patientId: body.patientId,
      });
      values.push({
        id,
        clinicId: actor.clinicId,
        patientId: body.patientId,
        typeId: type.id,
        seriesId: series.id,
        seriesIndex: index + 1,
        roomId: placed.roomId,
        clinicianId: placed.clinicianId,
        startsAt: new Date(start),
        endsAt: new Date(placed.end),
        usesNurse: type.usesNurse,
        createdBy: actor.userId,
        createdAt: deps.now(),
        updatedBy: actor.userId,
      });
    }
    const rows = await insertAppointments(tx, values);
    for (const row of rows) await recordChange(tx, deps, actor, row, 'booked', null, type.category);
    return {
      seriesId: series.id,
      appointments: await views(
        tx,
        actor,
        rows.map((r) => r.id),
        ctx.timeZone,
      ),
    };
  });
}

/** A placement problem of one session of a series names that session (sessions.2.start). */
function renameFields(error: unknown, prefix: string): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((f) => ({ ...f, field: `${prefix}.${f.field}` }));
  const extra = error.extra.fields
    ? {
        fields: (error.extra.fields as { field: string; message: string }[]).map((f) => ({
          ...f,
          field: `${prefix}.${f.field}`,
        })),
      }
    : error.extra;
  return new ApiError(
    error.status,
    error.code,
    `Session ${Number(prefix.split('.')[1]) + 1}: ${error.message}`,
    fields,
    error.headers,
    extra,
  );
}

async function lockAppointment(tx: Executor, deps: AppDeps, actor: Actor, id: string, version: number) {
  const row = await findAppointmentRow(tx, actor.clinicId, id, true);
  if (!row) throw notFound('Appointment');
  if (row.version !== version)
    throw conflict('This appointment was changed by someone else; reload it and try again', {
      currentVersion: row.version,
    });
  return row;
}

export async function rescheduleAppointment(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: z.infer<typeof rescheduleBody>,
): Promise<{ appointment: AppointmentView; shifted: AppointmentView[] }> {
  return withBookingLock(deps, actor, async (tx) => {
    const row = await lockAppointment(tx, deps, actor, id, body.version);
    if (row.status !== 'booked')
      throw conflict(`Only a booked appointment can be moved; this one is ${row.status.replace('_', ' ')}`);
    const type = await findType(tx, actor.clinicId, row.typeId);
    const start = minuteInstant(body.start, 'start');
    const later =
      body.shiftLater && row.seriesId
        ? await laterInSeries(tx, actor.clinicId, row.seriesId, row.startsAt, row.id)
        : [];
    const moving = [row.id, ...later.map((l) => l.id)];
    const days = clinicDaysBetween(
      row.startsAt.getTime(),
      start,
      (await loadScheduleSettings(tx, actor.clinicId)).timeZone,
    );
    const lastEnd = Math.max(row.endsAt.getTime(), ...later.map((l) => l.endsAt.getTime()));
    const ctx = await loadScheduleContext(
      tx,
      actor.clinicId,
      windowAround(
        Math.min(start, row.startsAt.getTime()),
        Math.max(start, lastEnd) + Math.max(days, 0) * 86_400_000 + 3_600_000 * 2,
      ),
      moving,
    );
    const placed = place(ctx, type!, {
      start,
      patientId: row.patientId,
      roomId: body.roomId ?? (type!.roomKind ? (row.roomId ?? undefined) : undefined),
      clinicianId: body.clinicianId ?? row.clinicianId ?? undefined,
      now: deps.now().getTime(),
    });
    const moved = await updateAppointment(tx, actor.clinicId, row.id, row.version, {
      startsAt: new Date(start),
      endsAt: new Date(placed.end),
      roomId: placed.roomId,
      clinicianId: placed.clinicianId,
      updatedBy: actor.userId,
    });
    await recordChange(tx, deps, actor, moved!, 'rescheduled', body.reason ?? null, type!.category);
    ctx.bookings.push({
      id: row.id,
      start,
      end: placed.end,
      roomId: placed.roomId,
      clinicianId: placed.clinicianId,
      usesNurse: row.usesNurse,
      patientId: row.patientId,
    });
    const shiftedIds = await shiftLater(tx, deps, actor, ctx, type!, later, days);
    const [appointment, ...shifted] = await views(tx, actor, [row.id, ...shiftedIds], ctx.timeZone);
    return { appointment: appointment!, shifted: shifted.filter((s) => s.id !== row.id) };
  });
}

/** Calendar days between two instants' dates in the clinic's zone (a DST day still counts as one). */
function clinicDaysBetween(from: number, to: number, timeZone: string): number {
  const date = (t: number) => Date.parse(clinicDateOf(new Date(t).toISOString(), timeZone));
  return Math.round((date(to) - date(from)) / 86_400_000);
}

/** Moves the later sessions by the same number of clinic days, each at its own local time. */
async function shiftLater(
  tx: Executor,
  deps: AppDeps,
  actor: Actor,
  ctx: ScheduleContext,
  type: AppointmentTypeRow,
  later: AppointmentRow[],
  days: number,
): Promise<string[]> {
  if (later.length === 0 || days === 0) return [];
  const shifted = shiftSeries(
    later.map((l) => ({ id: l.id, start: l.startsAt.getTime(), end: l.endsAt.getTime() })),
    days,
    ctx.timeZone,
  );
  if (!shifted.ok) throw badRequest(shifted.problems);
  const ids: string[] = [];
  for (const [i, next] of shifted.value.entries()) {
    const original = later[i]!;
    let placed;
    try {
      placed = place(ctx, type, {
        start: next.start,
        patientId: original.patientId,
        roomId: original.roomId ?? undefined,
        clinicianId: original.clinicianId ?? undefined,
        now: deps.now().getTime(),
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // The chair it had may be taken on the new day: any free one of the kind will do.
      placed = place(ctx, type, {
        start: next.start,
        patientId: original.patientId,
        now: deps.now().getTime(),
      });
    }
    const moved = await updateAppointment(tx, actor.clinicId, original.id, original.version, {
      startsAt: new Date(next.start),
      endsAt: new Date(placed.end),
      roomId: placed.roomId,
      clinicianId: placed.clinicianId,
      updatedBy: actor.userId,
    });
    ctx.bookings.push({
      id: original.id,
      start: next.start,
      end: placed.end,
      roomId: placed.roomId,
      clinicianId: placed.clinicianId,
      usesNurse: original.usesNurse,
      patientId: original.patientId,
    });
    await recordChange(
      tx,
      deps,
      actor,
      moved!,
      'rescheduled',
      `moved with the series by ${days} day(s)`,
      type.category,
    );
    ids.push(original.id);
  }
  return ids;
}

export async function cancelAppointment(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: z.infer<typeof cancelBody>,
): Promise<AppointmentView> {
  return withBookingLock(deps, actor, async (tx) => {
    const row = await lockAppointment(tx, deps, actor, id, body.version);
    if (!['booked', 'checked_in'].includes(row.status))
      throw conflict(`A ${row.status.replace('_', ' ')} appointment cannot be cancelled`);
    const type = await findType(tx, actor.clinicId, row.typeId);
    const changed = await updateAppointment(tx, actor.clinicId, row.id, row.version, {
      status: 'cancelled',
      statusReason: body.reason,
      updatedBy: actor.userId,
    });
    await recordChange(tx, deps, actor, changed!, 'cancelled', body.reason, type!.category);
    const { timeZone } = await loadScheduleSettings(tx, actor.clinicId);
    return (await views(tx, actor, [row.id], timeZone))[0]!;
  });
}

/** Check-in, in chair, recovery, completed, no-show, undo check-in: the status machine decides. */
export async function changeAppointmentStatus(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: z.infer<typeof statusBody>,
): Promise<AppointmentView> {
  return withBookingLock(deps, actor, async (tx) => {
    const row = await lockAppointment(tx, deps, actor, id, body.version);
    const next = nextStatus(row.status as AppointmentStatus, body.action);
    if (!next.ok) throw conflict(next.problems.map((p) => p.message).join('; '));
    if (body.action === 'no_show' && row.startsAt.getTime() > deps.now().getTime())
      throw conflict('An appointment that has not started yet cannot be a no-show');
    if (body.action === 'no_show' && !body.reason?.trim())
      throw badRequest([{ field: 'reason', message: 'is required for a no-show' }]);
    const type = await findType(tx, actor.clinicId, row.typeId);
    const changed = await updateAppointment(tx, actor.clinicId, row.id, row.version, {
      status: next.value,
      statusReason: body.reason ?? row.statusReason,
      updatedBy: actor.userId,
    });
    await recordChange(tx, deps, actor, changed!, body.action, body.reason ?? null, type!.category);
    const { timeZone } = await loadScheduleSettings(tx, actor.clinicId);
    return (await views(tx, actor, [row.id], timeZone))[0]!;
  });
}

/**
 * The appointment follows its treatment session, in the session's transaction: each action is applied
 * in turn when the status allows it and skipped when the front desk already moved the appointment on
 * (or back), so the chair's record never fails for the calendar's sake.
 */
export async function followTreatmentSession(
  tx: Executor,
  deps: AppDeps,
  actor: Actor,
  appointmentId: string,
  actions: readonly AppointmentAction[],
): Promise<void> {
  await lockClinicSchedule(tx, actor.clinicId);
  let row = await findAppointmentRow(tx, actor.clinicId, appointmentId, true);
  if (!row) return;
  const type = await findType(tx, actor.clinicId, row.typeId);
  for (const action of actions) {
    const next = nextStatus(row.status as AppointmentStatus, action);
    if (!next.ok) continue;
    const changed = await updateAppointment(tx, actor.clinicId, row.id, row.version, {
      status: next.value,
      updatedBy: actor.userId,
    });
    row = changed!;
    await recordChange(tx, deps, actor, row, action, 'treatment session', type!.category);
  }
}
