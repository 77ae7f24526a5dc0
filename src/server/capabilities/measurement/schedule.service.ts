import { getInstrument } from '../../../domain/instruments/index.js';
import { computeDueItems, describeRule, type PlanRule } from '../../../domain/measurement/index.js';
import type {
  Anchor,
  AnchorRequest,
  Plan,
  PlanCreateRequest,
  PlanUpdateRequest,
  Schedule,
} from '../../../contracts/measurement.js';
import type { Executor } from '../../../db/client.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { badRequest, conflict, notFound } from '../../shared/api-error.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { appendAudit } from '../../shared/audit.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import { clinicMeasurementSettings } from './measurement-shared.js';
import { bumpMeasurementVersion, listPatientAnchors } from './measurement.queries.js';
import {
  currentResponses,
  findClinicUser,
  insertAnchor,
  lockAppointmentAnchor,
  moveAnchor,
  insertPlan,
  listActiveClinicians,
  listPatientPlans,
  lockAnchor,
  lockPlan,
  markAnchorCancelled,
  updatePlanRow,
  type PlanRow,
} from './schedule.queries.js';

/** A patient's measurement plans and infusion dates, and what falls due from them. */

const shortTitle = (id: string) => getInstrument(id)?.shortTitle ?? id;

function planDto(row: PlanRow): Plan {
  const rules = row.rules as PlanRule[];
  return {
    id: row.id,
    patientId: row.patientId,
    name: row.name,
    rules,
    ruleTexts: rules.map((r) => describeRule(r, shortTitle)),
    responsibleClinicianId: row.responsibleClinicianId,
    status: row.status as Plan['status'],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The responsible clinician must be a physician or nurse of the same clinic. */
async function assertClinician(
  db: Executor,
  clinicId: string,
  userId: string | null | undefined,
): Promise<void> {
  if (!userId) return;
  const user = await findClinicUser(db, clinicId, userId);
  if (!user || user.status !== 'active' || (user.role !== 'physician' && user.role !== 'nurse')) {
    throw badRequest([
      {
        field: 'body.responsibleClinicianId',
        message: 'must be an active physician or nurse of this clinic',
      },
    ]);
  }
}

export async function patientSchedule(deps: AppDeps, actor: Actor, patientId: string): Promise<Schedule> {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const [plans, anchors, responses, settings, clinicians] = await Promise.all([
    listPatientPlans(deps.db, actor.clinicId, patientId),
    listPatientAnchors(deps.db, actor.clinicId, patientId),
    currentResponses(deps.db, actor.clinicId, [patientId]),
    clinicMeasurementSettings(deps.db, actor.clinicId),
    listActiveClinicians(deps.db, actor.clinicId),
  ]);
  const now = deps.now();
  const anchorList = anchors.map((a) => ({ id: a.id, at: a.at.toISOString(), label: a.label }));
  const responseList = responses.map((r) => ({
    id: r.id,
    instrumentId: r.instrumentId,
    administeredAt: r.administeredAt.toISOString(),
  }));
  const active = plans.filter((p) => p.status === 'active');
  const due = active.flatMap((p) =>
    computeDueItems(p.rules as PlanRule[], anchorList, responseList, {
      now,
      overdueAfterHours: settings.measurement.overdueAfterHours,
    }).map((item) => ({ ...item, planId: p.id })),
  );
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'read',
    entity: 'measurement.schedule',
    detail: { plans: plans.length, anchors: anchors.length },
    outcome: 'success',
  });
  return {
    plans: plans.map(planDto),
    anchors: anchorList.map((a, i) => ({
      ...a,
      kind: 'infusion' as const,
      fromSchedule: anchors[i]!.appointmentId !== null,
    })),
    due: due.sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    clinicians,
    overdueAfterHours: settings.measurement.overdueAfterHours,
  };
}

export async function createPlan(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: PlanCreateRequest,
): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    await loadClinicPatient(tx, actor.clinicId, patientId);
    await assertClinician(tx, actor.clinicId, input.responsibleClinicianId);
    const now = deps.now();
    const row = await insertPlan(tx, {
      clinicId: actor.clinicId,
      patientId,
      name: input.name,
      rules: input.rules,
      responsibleClinicianId: input.responsibleClinicianId ?? null,
      createdBy: actor.userId,
      updatedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'create',
        entity: 'measurement.plan',
        entityId: row.id,
        detail: { name: input.name, rules: input.rules.length },
        outcome: 'success',
      },
    ]);
    return planDto(row);
  });
}

/** Optimistic concurrency as for patients: a stale version is refused, never merged. */
export async function updatePlan(
  deps: AppDeps,
  actor: Actor,
  planId: string,
  input: PlanUpdateRequest,
): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    const current = await lockPlan(tx, actor.clinicId, planId);
    if (!current) throw notFound('Plan');
    if (current.version !== input.version) {
      throw conflict(`This plan was changed by someone else (now version ${current.version}).`, {
        currentVersion: current.version,
      });
    }
    if (input.responsibleClinicianId !== undefined)
      await assertClinician(tx, actor.clinicId, input.responsibleClinicianId);
    const row = await updatePlanRow(tx, actor.clinicId, planId, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.rules !== undefined ? { rules: input.rules } : {}),
      ...(input.responsibleClinicianId !== undefined
        ? { responsibleClinicianId: input.responsibleClinicianId }
        : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      version: current.version + 1,
      updatedAt: deps.now(),
      updatedBy: actor.userId,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId: current.patientId,
        action: 'update',
        entity: 'measurement.plan',
        entityId: planId,
        // The previous rules are kept in the audit detail: the plan row itself is the current version.
        detail: {
          fromVersion: current.version,
          before: {
            name: current.name,
            rules: current.rules,
            status: current.status,
            responsibleClinicianId: current.responsibleClinicianId,
          },
        },
        outcome: 'success',
      },
    ]);
    return planDto(row);
  });
}

export async function addAnchor(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: AnchorRequest,
): Promise<Anchor> {
  return deps.db.transaction(async (tx) => {
    await loadClinicPatient(tx, actor.clinicId, patientId);
    const row = await insertAnchor(tx, {
      clinicId: actor.clinicId,
      patientId,
      kind: 'infusion',
      at: new Date(input.at),
      label: input.label ?? null,
      createdBy: actor.userId,
      createdAt: deps.now(),
    });
    await bumpMeasurementVersion(tx, actor.clinicId, patientId);
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'create',
        entity: 'measurement.anchor',
        entityId: row.id,
        detail: { at: input.at },
        outcome: 'success',
      },
    ]);
    return {
      id: row.id,
      at: row.at.toISOString(),
      label: row.label,
      kind: row.kind as Anchor['kind'],
      fromSchedule: false,
    };
  });
}

/** An infusion that did not happen is cancelled, not deleted: the audit trail keeps it. */
export async function cancelAnchor(
  deps: AppDeps,
  actor: Actor,
  anchorId: string,
): Promise<{ id: string; cancelled: true }> {
  return deps.db.transaction(async (tx) => {
    const row = await lockAnchor(tx, actor.clinicId, anchorId);
    if (!row) throw notFound('Infusion date');
    if (row.cancelledAt) throw conflict('This infusion date is already cancelled');
    // A booked infusion follows its appointment: it is moved or cancelled in the schedule, not here.
    if (row.appointmentId)
      throw conflict('This infusion is booked in the schedule; cancel or move the appointment there');
    await markAnchorCancelled(tx, actor.clinicId, anchorId, { at: deps.now(), by: actor.userId });
    await bumpMeasurementVersion(tx, actor.clinicId, row.patientId);
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId: row.patientId,
        action: 'status-change',
        entity: 'measurement.anchor',
        entityId: anchorId,
        detail: { to: 'cancelled', at: row.at.toISOString() },
        outcome: 'success',
      },
    ]);
    return { id: anchorId, cancelled: true as const };
  });
}

/**
 * Keeps the measurement anchor of a booked infusion in step with its appointment, inside the scheduling
 * transaction: made when the infusion is booked, moved when it is rescheduled, cancelled when it is
 * cancelled or missed. Plans anchored to "before every infusion" or "24 h after" then follow the calendar.
 */
export async function followAppointment(
  tx: Executor,
  actor: Actor,
  appointment: { id: string; patientId: string; startsAt: Date; live: boolean },
  now: Date,
): Promise<void> {
  const anchor = await lockAppointmentAnchor(tx, actor.clinicId, appointment.id);
  let change: Record<string, unknown> | undefined;
  let anchorId = anchor?.id;
  if (!anchor && appointment.live) {
    const row = await insertAnchor(tx, {
      clinicId: actor.clinicId,
      patientId: appointment.patientId,
      kind: 'infusion',
      at: appointment.startsAt,
      label: 'Booked infusion',
      appointmentId: appointment.id,
      createdBy: actor.userId,
      createdAt: now,
    });
    anchorId = row.id;
    change = { at: appointment.startsAt.toISOString(), appointmentId: appointment.id };
  } else if (anchor && !anchor.cancelledAt && !appointment.live) {
    await markAnchorCancelled(tx, actor.clinicId, anchor.id, { at: now, by: actor.userId });
    change = { cancelled: true, appointmentId: appointment.id };
  } else if (anchor && !anchor.cancelledAt && anchor.at.getTime() !== appointment.startsAt.getTime()) {
    await moveAnchor(tx, actor.clinicId, anchor.id, appointment.startsAt);
    change = {
      from: anchor.at.toISOString(),
      at: appointment.startsAt.toISOString(),
      appointmentId: appointment.id,
    };
  }
  if (!change) return;
  await bumpMeasurementVersion(tx, actor.clinicId, appointment.patientId);
  await appendAudit(tx, [
    {
      ...auditActor(actor),
      patientId: appointment.patientId,
      action: anchor ? 'update' : 'create',
      entity: 'measurement.anchor',
      entityId: anchorId ?? null,
      detail: change,
      outcome: 'success',
    },
  ]);
}
