import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getInstrument } from '../../../domain/instruments/index.js';
import {
  actionableItems,
  computeDueItems,
  describeRule,
  type DueItem,
  type PlanRule,
} from '../../../domain/measurement/index.js';
import type { Executor } from '../../../db/client.js';
import {
  assessmentResponses,
  measurementAnchors,
  measurementPlans,
  selfReportLinks,
} from '../../../db/schema-mbc.js';
import { patients, users } from '../../../db/schema.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { Actor } from '../../http/define-route.js';
import { appendAudit } from '../../shared/audit.js';
import {
  bumpMeasurementVersion,
  clinicMeasurementSettings,
  loadClinicPatient,
  patientAnchors,
} from './assessments.service.js';
import { auditActor } from '../../shared/actor.js';

type PlanRow = typeof measurementPlans.$inferSelect;

const shortTitle = (id: string) => getInstrument(id)?.shortTitle ?? id;

function planDto(row: PlanRow) {
  const rules = row.rules as PlanRule[];
  return {
    id: row.id,
    patientId: row.patientId,
    name: row.name,
    rules,
    ruleTexts: rules.map((r) => describeRule(r, shortTitle)),
    responsibleClinicianId: row.responsibleClinicianId,
    status: row.status,
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
  const [user] = await db
    .select({ role: users.role, status: users.status })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.clinicId, clinicId)));
  if (!user || user.status !== 'active' || (user.role !== 'physician' && user.role !== 'nurse')) {
    throw badRequest([
      {
        field: 'body.responsibleClinicianId',
        message: 'must be an active physician or nurse of this clinic',
      },
    ]);
  }
}

/** Current (not superseded) responses: what completes a due item. */
async function currentResponses(db: Executor, clinicId: string, patientIds: string[]) {
  if (patientIds.length === 0) return [];
  return db
    .select({
      id: assessmentResponses.id,
      patientId: assessmentResponses.patientId,
      instrumentId: assessmentResponses.instrumentId,
      administeredAt: assessmentResponses.administeredAt,
    })
    .from(assessmentResponses)
    .where(
      and(
        eq(assessmentResponses.clinicId, clinicId),
        inArray(assessmentResponses.patientId, patientIds),
        sql`NOT EXISTS (SELECT 1 FROM assessment_responses a WHERE a.amends_id = ${assessmentResponses.id})`,
      ),
    );
}

export async function patientSchedule(deps: AppDeps, actor: Actor, patientId: string) {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const [plans, anchors, responses, settings, clinicians] = await Promise.all([
    deps.db
      .select()
      .from(measurementPlans)
      .where(and(eq(measurementPlans.clinicId, actor.clinicId), eq(measurementPlans.patientId, patientId)))
      .orderBy(desc(measurementPlans.createdAt)),
    patientAnchors(deps.db, actor.clinicId, patientId),
    currentResponses(deps.db, actor.clinicId, [patientId]),
    clinicMeasurementSettings(deps.db, actor.clinicId),
    deps.db
      .select({ id: users.id, displayName: users.displayName, role: users.role })
      .from(users)
      .where(
        and(
          eq(users.clinicId, actor.clinicId),
          eq(users.status, 'active'),
          inArray(users.role, ['physician', 'nurse']),
        ),
      )
      .orderBy(asc(users.displayName)),
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
    }).map((item) => ({
      ...item,
      planId: p.id,
    })),
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
    anchors: anchorList.map((a) => ({ ...a, kind: 'infusion' })),
    due: due.sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    clinicians,
    overdueAfterHours: settings.measurement.overdueAfterHours,
  };
}

export async function createPlan(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: { name: string; rules: PlanRule[]; responsibleClinicianId?: string | null },
) {
  return deps.db.transaction(async (tx) => {
    await loadClinicPatient(tx, actor.clinicId, patientId);
    await assertClinician(tx, actor.clinicId, input.responsibleClinicianId);
    const now = deps.now();
    const [row] = await tx
      .insert(measurementPlans)
      .values({
        clinicId: actor.clinicId,
        patientId,
        name: input.name,
        rules: input.rules,
        responsibleClinicianId: input.responsibleClinicianId ?? null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'create',
        entity: 'measurement.plan',
        entityId: row!.id,
        detail: { name: input.name, rules: input.rules.length },
        outcome: 'success',
      },
    ]);
    return planDto(row!);
  });
}

/** Optimistic concurrency as for patients: a stale version is refused, never merged. */
export async function updatePlan(
  deps: AppDeps,
  actor: Actor,
  planId: string,
  input: {
    version: number;
    name?: string;
    rules?: PlanRule[];
    responsibleClinicianId?: string | null;
    status?: 'active' | 'ended';
  },
) {
  return deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(measurementPlans)
      .where(and(eq(measurementPlans.id, planId), eq(measurementPlans.clinicId, actor.clinicId)))
      .for('update');
    if (!current) throw notFound('Plan');
    if (current.version !== input.version) {
      throw conflict(`This plan was changed by someone else (now version ${current.version}).`, {
        currentVersion: current.version,
      });
    }
    if (input.responsibleClinicianId !== undefined)
      await assertClinician(tx, actor.clinicId, input.responsibleClinicianId);
    const now = deps.now();
    const [row] = await tx
      .update(measurementPlans)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.rules !== undefined ? { rules: input.rules } : {}),
        ...(input.responsibleClinicianId !== undefined
          ? { responsibleClinicianId: input.responsibleClinicianId }
          : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        version: current.version + 1,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .where(and(eq(measurementPlans.id, planId), eq(measurementPlans.clinicId, actor.clinicId)))
      .returning();
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
    return planDto(row!);
  });
}

export async function addAnchor(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: { at: string; label?: string | null },
) {
  return deps.db.transaction(async (tx) => {
    await loadClinicPatient(tx, actor.clinicId, patientId);
    const [row] = await tx
      .insert(measurementAnchors)
      .values({
        clinicId: actor.clinicId,
        patientId,
        kind: 'infusion',
        at: new Date(input.at),
        label: input.label ?? null,
        createdBy: actor.userId,
        createdAt: deps.now(),
      })
      .returning();
    await bumpMeasurementVersion(tx, actor.clinicId, patientId);
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'create',
        entity: 'measurement.anchor',
        entityId: row!.id,
        detail: { at: input.at },
        outcome: 'success',
      },
    ]);
    return { id: row!.id, at: row!.at.toISOString(), label: row!.label, kind: row!.kind };
  });
}

/** An infusion that did not happen is cancelled, not deleted: the audit trail keeps it. */
export async function cancelAnchor(deps: AppDeps, actor: Actor, anchorId: string) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(measurementAnchors)
      .where(and(eq(measurementAnchors.id, anchorId), eq(measurementAnchors.clinicId, actor.clinicId)))
      .for('update');
    if (!row) throw notFound('Infusion date');
    if (row.cancelledAt) throw conflict('This infusion date is already cancelled');
    await tx
      .update(measurementAnchors)
      .set({ cancelledAt: deps.now(), cancelledBy: actor.userId })
      .where(and(eq(measurementAnchors.id, anchorId), eq(measurementAnchors.clinicId, actor.clinicId)));
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
    return { id: anchorId, cancelled: true };
  });
}

export interface DueListRow extends DueItem {
  planId: string;
  patientId: string;
  patientName: string;
  mrn: string;
  instrumentTitle: string;
  selfRated: boolean;
  /** A link for this instrument that is still pending, so the desk does not send a second one. */
  pendingLinkExpiresAt: string | null;
}

/**
 * The front desk's list: due and overdue items across the clinic's active plans. Names and MRNs
 * only; no scores (the front desk does not hold assessment.read).
 */
export async function clinicDueList(deps: AppDeps, actor: Actor, filter: { status?: 'due' | 'overdue' }) {
  const plans = await deps.db
    .select({
      plan: measurementPlans,
      patientName: sql<string>`coalesce(${patients.preferredName}, ${patients.legalGivenName}) || ' ' || ${patients.legalFamilyName}`,
      mrn: patients.mrn,
    })
    .from(measurementPlans)
    .innerJoin(
      patients,
      and(eq(patients.id, measurementPlans.patientId), eq(patients.clinicId, measurementPlans.clinicId)),
    )
    .where(
      and(
        eq(measurementPlans.clinicId, actor.clinicId),
        eq(measurementPlans.status, 'active'),
        eq(patients.active, true),
      ),
    )
    .limit(5000);
  const patientIds = [...new Set(plans.map((p) => p.plan.patientId))];
  const now = deps.now();
  const [anchors, responses, links, settings] = await Promise.all([
    patientIds.length
      ? deps.db
          .select()
          .from(measurementAnchors)
          .where(
            and(
              eq(measurementAnchors.clinicId, actor.clinicId),
              inArray(measurementAnchors.patientId, patientIds),
              isNull(measurementAnchors.cancelledAt),
            ),
          )
      : [],
    currentResponses(deps.db, actor.clinicId, patientIds),
    patientIds.length
      ? deps.db
          .select({
            patientId: selfReportLinks.patientId,
            instrumentId: selfReportLinks.instrumentId,
            expiresAt: selfReportLinks.expiresAt,
          })
          .from(selfReportLinks)
          .where(
            and(
              eq(selfReportLinks.clinicId, actor.clinicId),
              inArray(selfReportLinks.patientId, patientIds),
              isNull(selfReportLinks.usedAt),
              isNull(selfReportLinks.revokedAt),
              sql`${selfReportLinks.expiresAt} > ${now.toISOString()}`,
            ),
          )
      : [],
    clinicMeasurementSettings(deps.db, actor.clinicId),
  ]);
  const rows: DueListRow[] = [];
  for (const { plan, patientName, mrn } of plans) {
    const items = computeDueItems(
      plan.rules as PlanRule[],
      anchors
        .filter((a) => a.patientId === plan.patientId)
        .map((a) => ({ id: a.id, at: a.at.toISOString(), label: a.label })),
      responses
        .filter((r) => r.patientId === plan.patientId)
        .map((r) => ({
          id: r.id,
          instrumentId: r.instrumentId,
          administeredAt: r.administeredAt.toISOString(),
        })),
      { now, overdueAfterHours: settings.measurement.overdueAfterHours, lookbackDays: 14, horizonDays: 1 },
    );
    for (const item of actionableItems(items)) {
      if (filter.status && item.status !== filter.status) continue;
      const def = getInstrument(item.instrumentId);
      const pending = links.find(
        (l) => l.patientId === plan.patientId && l.instrumentId === item.instrumentId,
      );
      rows.push({
        ...item,
        planId: plan.id,
        patientId: plan.patientId,
        patientName,
        mrn,
        instrumentTitle: def?.shortTitle ?? item.instrumentId,
        selfRated: def?.rater === 'self',
        pendingLinkExpiresAt: pending?.expiresAt.toISOString() ?? null,
      });
    }
  }
  // One row per patient and instrument: two rules due at once need one questionnaire, not two.
  const unique = new Map<string, DueListRow>();
  for (const row of rows.sort((a, b) =>
    a.status === b.status ? a.dueAt.localeCompare(b.dueAt) : a.status === 'overdue' ? -1 : 1,
  )) {
    const key = `${row.patientId}:${row.instrumentId}`;
    if (!unique.has(key)) unique.set(key, row);
  }
  const items = [...unique.values()];
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'measurement.due',
    detail: { returned: items.length, status: filter.status ?? 'due+overdue' },
    outcome: 'success',
  });
  return { items, generatedAt: now.toISOString() };
}
