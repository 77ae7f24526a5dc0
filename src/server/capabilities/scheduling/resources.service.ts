import type { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import type {
  AppointmentTypeView,
  ResourcesResponse,
  appointmentTypeUpdateBody,
  closureBody,
  roomCreateBody,
  roomUpdateBody,
  staffScheduleBody,
  timeOffBody,
} from '../../../contracts/scheduling.js';
import {
  DEFAULT_APPOINTMENT_TYPES,
  type AppointmentTypeDefinition,
} from '../../../domain/scheduling/index.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { loadScheduleSettings } from './schedule-context.js';
import {
  cancelClosure,
  cancelTimeOff,
  findClinicUser,
  findRoom,
  findType,
  insertClosure,
  insertMissingTypes,
  insertRoom,
  insertTimeOff,
  listClosures,
  listRooms,
  listStaffSchedules,
  listTimeOff,
  listTypes,
  updateRoom,
  updateType,
  upsertStaffSchedule,
  type AppointmentTypeRow,
} from './scheduling.queries.js';

/**
 * The clinic's bookable resources, kept by administrators: rooms and chairs, staff working hours and
 * time off, closures and appointment types. Each change is audited; nothing is deleted (a room goes out
 * of use, time off and closures are cancelled).
 */

async function audit(tx: Executor, actor: Actor, entity: string, entityId: string, detail: object) {
  await appendAudit(tx, [
    {
      ...auditActor(actor),
      action: 'update',
      entity,
      entityId,
      detail: detail as Record<string, unknown>,
      outcome: 'success',
    },
  ]);
}

const isUniqueViolation = (error: unknown) =>
  ((error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code) === '23505';

export async function readResources(deps: AppDeps, actor: Actor): Promise<ResourcesResponse> {
  const [settings, rooms, staff, timeOff, closures] = await Promise.all([
    loadScheduleSettings(deps.db, actor.clinicId),
    listRooms(deps.db, actor.clinicId),
    listStaffSchedules(deps.db, actor.clinicId),
    listTimeOff(deps.db, actor.clinicId, {
      from: deps.now(),
      to: new Date(deps.now().getTime() + 400 * 86_400_000),
    }),
    listClosures(deps.db, actor.clinicId),
  ]);
  return {
    timeZone: settings.timeZone,
    rooms: rooms.map((r) => ({
      id: r.id,
      kind: r.kind as never,
      name: r.name,
      active: r.active,
      sortOrder: r.sortOrder,
    })),
    staff: staff.map((s) => ({
      user: { id: s.userId, label: s.label },
      userRole: s.userRole,
      role: (s.role as 'nurse' | 'clinician' | null) ?? null,
      hours: (s.hours ?? []) as ResourcesResponse['staff'][number]['hours'],
    })),
    timeOff: timeOff.map((t) => ({
      id: t.id,
      user: { id: t.userId, label: t.label },
      startsAt: t.startsAt.toISOString(),
      endsAt: t.endsAt.toISOString(),
      reason: t.reason,
    })),
    closures: closures.map((c) => ({ id: c.id, fromDate: c.fromDate, toDate: c.toDate, reason: c.reason })),
  };
}

export async function createRoom(deps: AppDeps, actor: Actor, body: z.infer<typeof roomCreateBody>) {
  try {
    return await deps.db.transaction(async (tx) => {
      const row = await insertRoom(tx, {
        clinicId: actor.clinicId,
        kind: body.kind,
        name: body.name,
        sortOrder: body.sortOrder ?? 0,
      });
      await audit(tx, actor, 'scheduling.room', row.id, { created: body });
      return { id: row.id, kind: body.kind, name: row.name, active: row.active, sortOrder: row.sortOrder };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw badRequest([{ field: 'name', message: 'is already the name of a room' }]);
    throw error;
  }
}

export async function changeRoom(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: z.infer<typeof roomUpdateBody>,
) {
  try {
    return await deps.db.transaction(async (tx) => {
      if (!(await findRoom(tx, actor.clinicId, id))) throw notFound('Room');
      const row = await updateRoom(tx, actor.clinicId, id, body);
      await audit(tx, actor, 'scheduling.room', id, { changed: body });
      return {
        id: row!.id,
        kind: row!.kind as never,
        name: row!.name,
        active: row!.active,
        sortOrder: row!.sortOrder,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw badRequest([{ field: 'name', message: 'is already the name of a room' }]);
    throw error;
  }
}

export async function setStaffSchedule(
  deps: AppDeps,
  actor: Actor,
  userId: string,
  body: z.infer<typeof staffScheduleBody>,
) {
  return deps.db.transaction(async (tx) => {
    const user = await findClinicUser(tx, actor.clinicId, userId);
    if (!user) throw notFound('Staff member');
    if (body.role === 'clinician' && user.role !== 'physician')
      throw badRequest([
        { field: 'role', message: 'only a physician (prescriber) can be scheduled as a clinician' },
      ]);
    if (body.role === 'nurse' && !['nurse', 'physician'].includes(user.role))
      throw badRequest([{ field: 'role', message: 'only a nurse or physician can staff chairs' }]);
    await upsertStaffSchedule(tx, {
      clinicId: actor.clinicId,
      userId,
      role: body.role,
      hours: body.hours,
      updatedBy: actor.userId,
    });
    await audit(tx, actor, 'scheduling.staff-hours', userId, body);
    return { ok: true as const };
  });
}

export async function addTimeOff(deps: AppDeps, actor: Actor, body: z.infer<typeof timeOffBody>) {
  return deps.db.transaction(async (tx) => {
    if (!(await findClinicUser(tx, actor.clinicId, body.userId)))
      throw badRequest([{ field: 'userId', message: 'is not a staff member of this clinic' }]);
    const row = await insertTimeOff(tx, {
      clinicId: actor.clinicId,
      userId: body.userId,
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
      reason: body.reason,
      createdBy: actor.userId,
    });
    await audit(tx, actor, 'scheduling.time-off', row.id, body);
    return { id: row.id };
  });
}

export async function removeTimeOff(deps: AppDeps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    if (!(await cancelTimeOff(tx, actor.clinicId, id))) throw notFound('Time off');
    await audit(tx, actor, 'scheduling.time-off', id, { cancelled: true });
    return { ok: true as const };
  });
}

export async function addClosure(deps: AppDeps, actor: Actor, body: z.infer<typeof closureBody>) {
  return deps.db.transaction(async (tx) => {
    const row = await insertClosure(tx, { clinicId: actor.clinicId, ...body, createdBy: actor.userId });
    await audit(tx, actor, 'scheduling.closure', row.id, body);
    return { id: row.id };
  });
}

export async function removeClosure(deps: AppDeps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    if (!(await cancelClosure(tx, actor.clinicId, id))) throw notFound('Closure');
    await audit(tx, actor, 'scheduling.closure', id, { cancelled: true });
    return { ok: true as const };
  });
}

// ---- Appointment types ---------------------------------------------------------------------------

const CATEGORY: Record<string, string> = {
  consultation: 'consultation',
  iv_infusion: 'infusion',
  iv_infusion_pain: 'infusion',
  booster: 'infusion',
  spravato: 'spravato',
  follow_up: 'follow_up',
  follow_up_video: 'follow_up',
};

function defaultRow(clinicId: string, d: AppointmentTypeDefinition) {
  return {
    clinicId,
    code: d.code,
    name: d.name,
    durationMinutes: d.durationMinutes,
    parts: d.parts ?? null,
    roomKind: d.roomKind,
    clinician: d.clinician,
    usesNurse: d.usesNurse,
    category: CATEGORY[d.code] ?? 'follow_up',
    instructions: d.instructions,
    source: d.source,
  };
}

/** The shipped default types a clinic does not have yet (by code), added in the caller's transaction. */
export async function addDefaultTypes(tx: Executor, clinicId: string): Promise<number> {
  return insertMissingTypes(
    tx,
    DEFAULT_APPOINTMENT_TYPES.map((d) => defaultRow(clinicId, d)),
  );
}

export function typeView(row: AppointmentTypeRow): AppointmentTypeView {
  const shipped = DEFAULT_APPOINTMENT_TYPES.find((d) => d.code === row.code);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    category: row.category as AppointmentTypeView['category'],
    durationMinutes: row.durationMinutes,
    parts: (row.parts as AppointmentTypeView['parts']) ?? null,
    roomKind: (row.roomKind as AppointmentTypeView['roomKind']) ?? null,
    clinician: row.clinician as AppointmentTypeView['clinician'],
    usesNurse: row.usesNurse,
    instructions: row.instructions,
    source: row.source as AppointmentTypeView['source'],
    defaultDurationMinutes:
      shipped && shipped.durationMinutes !== row.durationMinutes ? shipped.durationMinutes : null,
    active: row.active,
    version: row.version,
  };
}

export async function listAppointmentTypes(deps: AppDeps, actor: Actor) {
  return { items: (await listTypes(deps.db, actor.clinicId)).map(typeView) };
}

export async function loadDefaultTypes(deps: AppDeps, actor: Actor) {
  return deps.db.transaction(async (tx) => {
    const added = await addDefaultTypes(tx, actor.clinicId);
    await audit(tx, actor, 'scheduling.type', actor.clinicId, { defaultsAdded: added });
    return { items: (await listTypes(tx, actor.clinicId)).map(typeView) };
  });
}

/**
 * Edits a type's name, duration (or its infusion and recovery parts), instructions or use. Its source
 * stays as shipped; a changed duration shows beside the default it replaced.
 */
export async function changeAppointmentType(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: z.infer<typeof appointmentTypeUpdateBody>,
): Promise<AppointmentTypeView> {
  return deps.db.transaction(async (tx) => {
    const before = await findType(tx, actor.clinicId, id);
    if (!before) throw notFound('Appointment type');
    if (body.parts && body.durationMinutes !== undefined)
      throw badRequest([
        { field: 'durationMinutes', message: 'give either the duration or its parts, not both' },
      ]);
    if (body.parts && !before.parts)
      throw badRequest([
        { field: 'parts', message: 'only an infusion type has infusion and recovery parts' },
      ]);
    if (body.durationMinutes !== undefined && before.parts)
      throw badRequest([{ field: 'durationMinutes', message: 'an infusion type is timed by its parts' }]);
    const { version, parts, ...rest } = body;
    const changes = {
      ...rest,
      ...(parts ? { parts, durationMinutes: parts.infusionMinutes + parts.recoveryMinutes } : {}),
      updatedBy: actor.userId,
    };
    const row = await updateType(tx, actor.clinicId, id, version, changes);
    if (!row) throw conflict('This type was changed by someone else; reload it and try again');
    await audit(tx, actor, 'scheduling.type', id, { before: typeView(before), changes: body });
    return typeView(row);
  });
}
