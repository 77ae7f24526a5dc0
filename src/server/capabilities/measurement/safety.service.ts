import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  actionResolves,
  safetyReasonLabels,
  type SafetyActionKind,
} from '../../../domain/measurement/index.js';
import type { Executor } from '../../../db/client.js';
import { measurementPlans, safetyAlertActions, safetyAlerts } from '../../../db/schema-mbc.js';
import { patients, users } from '../../../db/schema.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { notFound } from '../../shared/api-error.js';
import type { Actor } from '../../http/define-route.js';
import { appendAudit } from '../../shared/audit.js';
import { loadClinicPatient, seesScores } from './assessments.service.js';
import { auditActor } from '../../shared/actor.js';

/**
 * Opens one alert for a response whose score raised safety reasons. The task goes to the clinician
 * the patient's active measurement plan names; otherwise to the clinician who entered the response or
 * sent the link; otherwise to nobody in particular, which every clinician's task list shows.
 */
export async function raiseSafetyAlerts(
  tx: Executor,
  input: {
    clinicId: string;
    patientId: string;
    responseId: string;
    instrumentId: string;
    reasons: string[];
    raisedAt: Date;
    fallbackClinicianId: string | null;
  },
): Promise<string[]> {
  const [plan] = await tx
    .select({ clinicianId: measurementPlans.responsibleClinicianId })
    .from(measurementPlans)
    .where(
      and(
        eq(measurementPlans.clinicId, input.clinicId),
        eq(measurementPlans.patientId, input.patientId),
        eq(measurementPlans.status, 'active'),
      ),
    )
    .orderBy(desc(measurementPlans.updatedAt))
    .limit(1);
  const [alert] = await tx
    .insert(safetyAlerts)
    .values({
      clinicId: input.clinicId,
      patientId: input.patientId,
      responseId: input.responseId,
      instrumentId: input.instrumentId,
      reasons: input.reasons,
      raisedAt: input.raisedAt,
      assignedTo: plan?.clinicianId ?? input.fallbackClinicianId,
    })
    .returning({ id: safetyAlerts.id });
  await appendAudit(tx, [
    {
      clinicId: input.clinicId,
      patientId: input.patientId,
      action: 'create',
      entity: 'safety.alert',
      entityId: alert!.id,
      detail: { reasons: input.reasons, instrument: input.instrumentId, response: input.responseId },
      outcome: 'success',
    },
  ]);
  return [alert!.id];
}

type AlertRow = typeof safetyAlerts.$inferSelect;

function alertDto(
  row: AlertRow,
  full: boolean,
  names: Map<string, string>,
  actions: (typeof safetyAlertActions.$inferSelect)[],
) {
  const base = {
    id: row.id,
    patientId: row.patientId,
    status: row.status,
    raisedAt: row.raisedAt.toISOString(),
    assignedTo: row.assignedTo,
    assignedToName: row.assignedTo ? (names.get(row.assignedTo) ?? null) : null,
  };
  // Field-level authorisation (ASVS 8.2.3): without assessment.read the reason is a score, so it is left out.
  if (!full)
    return {
      ...base,
      reasons: null,
      reasonLabels: null,
      instrumentId: null,
      responseId: null,
      actions: null,
    };
  return {
    ...base,
    instrumentId: row.instrumentId,
    responseId: row.responseId,
    reasons: row.reasons as string[],
    reasonLabels: (row.reasons as string[]).map((r) => safetyReasonLabels[r] ?? r),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy,
    resolvedByName: row.resolvedBy ? (names.get(row.resolvedBy) ?? null) : null,
    actions: actions
      .filter((a) => a.alertId === row.id)
      .map((a) => ({
        id: a.id,
        kind: a.kind,
        note: a.note,
        resolves: a.resolves,
        recordedBy: a.recordedBy,
        recordedByName: names.get(a.recordedBy) ?? null,
        recordedAt: a.recordedAt.toISOString(),
      })),
  };
}

async function userNames(db: Executor, clinicId: string, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.clinicId, clinicId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A patient's alerts, open ones first: the banner shows the open ones. Audited as a read. */
export async function patientSafetyAlerts(deps: AppDeps, actor: Actor, patientId: string) {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const rows = await deps.db
    .select()
    .from(safetyAlerts)
    .where(and(eq(safetyAlerts.clinicId, actor.clinicId), eq(safetyAlerts.patientId, patientId)))
    .orderBy(sql`${safetyAlerts.status} = 'open' DESC`, desc(safetyAlerts.raisedAt))
    .limit(100);
  const full = seesScores(actor);
  const actions =
    full && rows.length
      ? await deps.db
          .select()
          .from(safetyAlertActions)
          .where(
            and(
              eq(safetyAlertActions.clinicId, actor.clinicId),
              inArray(
                safetyAlertActions.alertId,
                rows.map((r) => r.id),
              ),
            ),
          )
          .orderBy(asc(safetyAlertActions.recordedAt))
      : [];
  const names = await userNames(deps.db, actor.clinicId, [
    ...rows.flatMap((r) => [r.assignedTo, r.resolvedBy]),
    ...actions.map((a) => a.recordedBy),
  ]);
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'read',
    entity: 'safety.alert',
    detail: {
      alerts: rows.length,
      open: rows.filter((r) => r.status === 'open').length,
      detail: full ? 'full' : 'existence-only',
    },
    outcome: 'success',
  });
  return { items: rows.map((r) => alertDto(r, full, names, actions)) };
}

/** The clinician's task list: open alerts assigned to them or to nobody in particular. */
export async function safetyTasks(deps: AppDeps, actor: Actor, scope: 'mine' | 'all') {
  const conditions = [eq(safetyAlerts.clinicId, actor.clinicId), eq(safetyAlerts.status, 'open')];
  if (scope === 'mine')
    conditions.push(or(eq(safetyAlerts.assignedTo, actor.userId), isNull(safetyAlerts.assignedTo))!);
  const rows = await deps.db
    .select({
      alert: safetyAlerts,
      patientName: sql<string>`coalesce(${patients.preferredName}, ${patients.legalGivenName}) || ' ' || ${patients.legalFamilyName}`,
      mrn: patients.mrn,
    })
    .from(safetyAlerts)
    .innerJoin(
      patients,
      and(eq(patients.id, safetyAlerts.patientId), eq(patients.clinicId, safetyAlerts.clinicId)),
    )
    .where(and(...conditions))
    .orderBy(asc(safetyAlerts.raisedAt))
    .limit(200);
  const names = await userNames(
    deps.db,
    actor.clinicId,
    rows.map((r) => r.alert.assignedTo),
  );
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'safety.alert',
    detail: { scope, returned: rows.length },
    outcome: 'success',
  });
  return {
    items: rows.map((r) => ({
      ...alertDto(r.alert, true, names, []),
      patientName: r.patientName,
      mrn: r.mrn,
      actions: undefined,
    })),
  };
}

/**
 * Records what a clinician did about an alert (who, when, what). An alert closes only through an
 * action that resolves it; "contacted the patient" is recorded but leaves it open.
 */
export async function recordSafetyAction(
  deps: AppDeps,
  actor: Actor,
  alertId: string,
  input: { kind: SafetyActionKind; note: string },
) {
  return deps.db.transaction(async (tx) => {
    const [alert] = await tx
      .select()
      .from(safetyAlerts)
      .where(and(eq(safetyAlerts.id, alertId), eq(safetyAlerts.clinicId, actor.clinicId)))
      .for('update');
    if (!alert) throw notFound('Safety alert');
    const now = deps.now();
    const resolves = actionResolves(input.kind) && alert.status === 'open';
    const [action] = await tx
      .insert(safetyAlertActions)
      .values({
        clinicId: actor.clinicId,
        patientId: alert.patientId,
        alertId,
        kind: input.kind,
        note: input.note,
        resolves,
        recordedBy: actor.userId,
        recordedAt: now,
      })
      .returning();
    if (resolves) {
      await tx
        .update(safetyAlerts)
        .set({
          status: 'resolved',
          resolvedAt: now,
          resolvedBy: actor.userId,
          resolvedByActionId: action!.id,
        })
        .where(and(eq(safetyAlerts.id, alertId), eq(safetyAlerts.clinicId, actor.clinicId)));
    }
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId: alert.patientId,
        action: resolves ? 'status-change' : 'update',
        entity: 'safety.alert',
        entityId: alertId,
        detail: { kind: input.kind, resolves, from: alert.status, to: resolves ? 'resolved' : alert.status },
        outcome: 'success',
      },
    ]);
    return { alertId, actionId: action!.id, status: resolves ? 'resolved' : alert.status, resolves };
  });
}
