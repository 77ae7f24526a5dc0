import {
  actionResolves,
  safetyReasonLabels,
  type SafetyActionKind,
} from '../../../domain/measurement/index.js';
import type {
  SafetyActionRequest,
  SafetyActionResult,
  SafetyAlert,
  SafetyAlertStatus,
  SafetyTask,
} from '../../../contracts/measurement.js';
import type { Executor } from '../../../db/client.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { notFound } from '../../shared/api-error.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { appendAudit } from '../../shared/audit.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import { seesScores } from './measurement-shared.js';
import {
  findPlanClinician,
  insertAlert,
  insertAlertAction,
  listAlertActions,
  listOpenAlerts,
  listPatientAlerts,
  lockAlert,
  markAlertResolved,
  userNames,
  type AlertActionRow,
  type AlertRow,
} from './safety.queries.js';

/** The audit actor of a raised alert: the staff user who recorded the response, or the patient's link. */
export interface RaisedBy {
  userId: string | null;
  userLabel: string | null;
  clientIp: string | null;
}

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
    /** Who submitted the response that raised it, from where (a patient's link has no user id). */
    raisedBy?: RaisedBy;
  },
): Promise<string[]> {
  const planClinician = await findPlanClinician(tx, input.clinicId, input.patientId);
  const alertId = await insertAlert(tx, {
    clinicId: input.clinicId,
    patientId: input.patientId,
    responseId: input.responseId,
    instrumentId: input.instrumentId,
    reasons: input.reasons,
    raisedAt: input.raisedAt,
    assignedTo: planClinician ?? input.fallbackClinicianId,
  });
  await appendAudit(tx, [
    {
      clinicId: input.clinicId,
      userId: input.raisedBy?.userId ?? null,
      userLabel: input.raisedBy?.userLabel ?? null,
      clientIp: input.raisedBy?.clientIp ?? null,
      patientId: input.patientId,
      action: 'create',
      entity: 'safety.alert',
      entityId: alertId,
      detail: { reasons: input.reasons, instrument: input.instrumentId, response: input.responseId },
      outcome: 'success',
    },
  ]);
  return [alertId];
}

function fullAlert(row: AlertRow, names: Map<string, string>, actions: AlertActionRow[]) {
  return {
    id: row.id,
    patientId: row.patientId,
    status: row.status as SafetyAlertStatus,
    raisedAt: row.raisedAt.toISOString(),
    assignedTo: row.assignedTo,
    assignedToName: row.assignedTo ? (names.get(row.assignedTo) ?? null) : null,
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
        kind: a.kind as SafetyActionKind,
        note: a.note,
        resolves: a.resolves,
        recordedBy: a.recordedBy,
        recordedByName: names.get(a.recordedBy) ?? null,
        recordedAt: a.recordedAt.toISOString(),
      })),
  };
}

function alertDto(
  row: AlertRow,
  full: boolean,
  names: Map<string, string>,
  actions: AlertActionRow[],
): SafetyAlert {
  if (full) return fullAlert(row, names, actions);
  // Field-level authorisation (ASVS 8.2.3): without assessment.read the reason is a score, so it is left out.
  return {
    id: row.id,
    patientId: row.patientId,
    status: row.status as SafetyAlertStatus,
    raisedAt: row.raisedAt.toISOString(),
    assignedTo: row.assignedTo,
    assignedToName: row.assignedTo ? (names.get(row.assignedTo) ?? null) : null,
    reasons: null,
    reasonLabels: null,
    instrumentId: null,
    responseId: null,
    actions: null,
  };
}

/** A patient's alerts, open ones first: the banner shows the open ones. Audited as a read. */
export async function patientSafetyAlerts(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<{ items: SafetyAlert[] }> {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const rows = await listPatientAlerts(deps.db, actor.clinicId, patientId);
  const full = seesScores(actor);
  const actions = full
    ? await listAlertActions(
        deps.db,
        actor.clinicId,
        rows.map((r) => r.id),
      )
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
export async function safetyTasks(
  deps: AppDeps,
  actor: Actor,
  scope: 'mine' | 'all',
): Promise<{ items: SafetyTask[] }> {
  const rows = await listOpenAlerts(deps.db, actor.clinicId, scope === 'mine' ? actor.userId : null);
  const names = await userNames(
    deps.db,
    actor.clinicId,
    rows.map((r) => r.alert.assignedTo),
  );
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'safety.alert',
    // The patients the list showed, as a search names them: the report finds the view under each.
    detail: { scope, returned: rows.length, patientIds: [...new Set(rows.map((r) => r.alert.patientId))] },
    outcome: 'success',
  });
  return {
    items: rows.map((r) => {
      const { actions: _actions, ...alert } = fullAlert(r.alert, names, []);
      return { ...alert, patientName: r.patientName, mrn: r.mrn };
    }),
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
  input: SafetyActionRequest,
): Promise<SafetyActionResult> {
  return deps.db.transaction(async (tx) => {
    const alert = await lockAlert(tx, actor.clinicId, alertId);
    if (!alert) throw notFound('Safety alert');
    const now = deps.now();
    const resolves = actionResolves(input.kind) && alert.status === 'open';
    const action = await insertAlertAction(tx, {
      clinicId: actor.clinicId,
      patientId: alert.patientId,
      alertId,
      kind: input.kind,
      note: input.note,
      resolves,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    if (resolves) {
      await markAlertResolved(tx, actor.clinicId, alertId, {
        at: now,
        by: actor.userId,
        actionId: action.id,
      });
    }
    const status = resolves ? 'resolved' : (alert.status as SafetyAlertStatus);
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId: alert.patientId,
        action: resolves ? 'status-change' : 'update',
        entity: 'safety.alert',
        entityId: alertId,
        detail: { kind: input.kind, resolves, from: alert.status, to: status },
        outcome: 'success',
      },
    ]);
    return { alertId, actionId: action.id, status, resolves };
  });
}
