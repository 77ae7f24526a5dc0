import { getInstrument } from '../../../domain/instruments/index.js';
import { actionableItems, computeDueItems, type PlanRule } from '../../../domain/measurement/index.js';
import type { DueList, DueRow } from '../../../contracts/measurement.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { clinicMeasurementSettings } from './measurement-shared.js';
import {
  currentResponses,
  listActivePlansWithPatients,
  listAnchorsOf,
  listPendingLinksOf,
} from './schedule.queries.js';

/** Sorts overdue before due, then by due time, and keeps one row per patient and instrument. */
function onePerPatientAndInstrument(rows: DueRow[]): DueRow[] {
  // Two rules due at once need one questionnaire, not two.
  const unique = new Map<string, DueRow>();
  for (const row of rows.sort((a, b) =>
    a.status === b.status ? a.dueAt.localeCompare(b.dueAt) : a.status === 'overdue' ? -1 : 1,
  )) {
    const key = `${row.patientId}:${row.instrumentId}`;
    if (!unique.has(key)) unique.set(key, row);
  }
  return [...unique.values()];
}

/**
 * The front desk's list: due and overdue items across the clinic's active plans. Names and MRNs
 * only; no scores (the front desk does not hold assessment.read).
 */
export async function clinicDueList(
  deps: AppDeps,
  actor: Actor,
  filter: { status?: 'due' | 'overdue' },
): Promise<DueList> {
  const plans = await listActivePlansWithPatients(deps.db, actor.clinicId);
  const patientIds = [...new Set(plans.map((p) => p.plan.patientId))];
  const now = deps.now();
  const [anchors, responses, links, settings] = await Promise.all([
    listAnchorsOf(deps.db, actor.clinicId, patientIds),
    currentResponses(deps.db, actor.clinicId, patientIds),
    listPendingLinksOf(deps.db, actor.clinicId, patientIds, now),
    clinicMeasurementSettings(deps.db, actor.clinicId),
  ]);
  const rows: DueRow[] = [];
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
  const items = onePerPatientAndInstrument(rows);
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'measurement.due',
    // The patients the list showed, as a search names them: the report finds the view under each.
    detail: {
      returned: items.length,
      status: filter.status ?? 'due+overdue',
      patientIds: [...new Set(items.map((i) => i.patientId))],
    },
    outcome: 'success',
  });
  return { items, generatedAt: now.toISOString() };
}
