import type { Executor } from '../../../db/client.js';
import type { BodyMeasurementSource } from '../../../db/schema-dosing.js';
import type {
  BodyMeasurement,
  BodyMeasurementInput,
  PatientBodyMeasurements,
} from '../../../contracts/dosing.js';
import type { DosingSettings } from '../../../domain/dosing/index.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { badRequest, conflict, notFound, type FieldProblem } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import {
  findPatientBodyMeasurement,
  insertBodyMeasurement,
  listPatientBodyMeasurements,
  type BodyMeasurementRow,
} from './body-measurements.queries.js';
import { userLabels } from './doses.queries.js';
import { dosingSettingsOf } from './protocols.service.js';

/**
 * Dated body measurements (weight and height) that doses are calculated from. Append-only: a correction
 * is a new measurement that amends the old one with a reason. `storeBodyMeasurement` records one inside
 * a caller's transaction (a dose ordered with today's weight; later, the infusion session).
 */

/** A clock difference this small between a device and the server is not "in the future". */
const FUTURE_SKEW_MS = 5 * 60_000;

export interface NewBodyMeasurement {
  weightKg: number;
  heightCm: number;
  measuredAt: Date;
  source: BodyMeasurementSource;
  amends?: { id: string; reason: string };
}

function view(
  row: BodyMeasurementRow,
  names: Map<string, string>,
  amendedBy: string | null,
): BodyMeasurement {
  return {
    id: row.id,
    patientId: row.patientId,
    weightKg: row.weightKg,
    heightCm: row.heightCm,
    measuredAt: row.measuredAt.toISOString(),
    source: row.source,
    recordedBy: { id: row.recordedBy, label: names.get(row.recordedBy) ?? 'Unknown user' },
    recordedAt: row.recordedAt.toISOString(),
    amends: row.amendsId ? { id: row.amendsId, reason: row.amendmentReason } : null,
    amendedBy,
  };
}

/** Postgres unique violation: the measurement was amended by someone else meanwhile. */
function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  return (error as { code?: string })?.code === '23505' || cause?.code === '23505';
}

/**
 * Stores one measurement and its audit row in the caller's transaction. The caller has checked the
 * values; an amended id must belong to the same patient of the clinic (404 otherwise).
 */
export async function storeBodyMeasurement(
  tx: Executor,
  actor: Actor,
  patientId: string,
  m: NewBodyMeasurement,
  now: Date,
): Promise<BodyMeasurementRow> {
  if (m.amends && !(await findPatientBodyMeasurement(tx, actor.clinicId, patientId, m.amends.id)))
    throw notFound('Body measurement');
  const row = await insertBodyMeasurement(tx, {
    clinicId: actor.clinicId,
    patientId,
    weightKg: m.weightKg,
    heightCm: m.heightCm,
    measuredAt: m.measuredAt,
    source: m.source,
    recordedBy: actor.userId,
    recordedAt: now,
    amendsId: m.amends?.id ?? null,
    amendmentReason: m.amends?.reason ?? null,
  });
  await appendAudit(tx, [
    {
      ...auditActor(actor),
      patientId,
      action: 'create',
      entity: 'body-measurement',
      entityId: row.id,
      detail: {
        weightKg: m.weightKg,
        heightCm: m.heightCm,
        measuredAt: m.measuredAt.toISOString(),
        source: m.source,
        ...(m.amends ? { amends: m.amends.id, reason: m.amends.reason } : {}),
      },
      outcome: 'success',
    },
  ]);
  return row;
}

/** Unit, sign and the clinic's plausible range, checked as the dose calculator checks them. */
function checked(
  q: { value: number; unit: string },
  field: string,
  unit: string,
  range: { min: number; max: number },
  problems: FieldProblem[],
): number {
  if (q.unit !== unit)
    problems.push({ field: `${field}.unit`, message: `must be in ${unit}, got '${q.unit}'` });
  else if (!Number.isFinite(q.value) || q.value <= 0)
    problems.push({ field: `${field}.value`, message: 'must be a number > 0' });
  else if (q.value < range.min || q.value > range.max)
    problems.push({
      field,
      message: `${q.value} ${unit} is outside the plausible range ${range.min}–${range.max} ${unit}`,
    });
  return q.value;
}

function validated(input: BodyMeasurementInput, s: DosingSettings, now: Date): NewBodyMeasurement {
  const problems: FieldProblem[] = [];
  const weightKg = checked(input.weight, 'body.weight', 'kg', s.plausibleWeightKg, problems);
  const heightCm = checked(input.height, 'body.height', 'cm', s.plausibleHeightCm, problems);
  const measuredAt = input.measuredAt ? new Date(input.measuredAt) : now;
  if (measuredAt.getTime() > now.getTime() + FUTURE_SKEW_MS)
    problems.push({ field: 'body.measuredAt', message: 'may not be in the future' });
  if (problems.length > 0) throw badRequest(problems);
  return {
    weightKg,
    heightCm,
    measuredAt,
    source: input.source,
    ...(input.amends ? { amends: input.amends } : {}),
  };
}

export async function recordBodyMeasurement(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: BodyMeasurementInput,
): Promise<BodyMeasurement> {
  const now = deps.now();
  try {
    const row = await deps.db.transaction(async (tx) => {
      await loadClinicPatient(tx, actor.clinicId, patientId);
      const m = validated(input, await dosingSettingsOf(tx, actor.clinicId), now);
      return storeBodyMeasurement(tx, actor, patientId, m, now);
    });
    return view(row, new Map([[actor.userId, actor.label]]), null);
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('That measurement has already been corrected; amend the correction instead');
    throw error;
  }
}

export async function listBodyMeasurements(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<PatientBodyMeasurements> {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const rows = await listPatientBodyMeasurements(deps.db, actor.clinicId, patientId, 200);
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'read',
    entity: 'body-measurement',
    detail: { measurements: rows.length },
    outcome: 'success',
  });
  const names = await userLabels(deps.db, [...new Set(rows.map((r) => r.recordedBy))]);
  const amendedBy = new Map(rows.filter((r) => r.amendsId).map((r) => [r.amendsId!, r.id]));
  const items = rows.map((r) => view(r, names, amendedBy.get(r.id) ?? null));
  // The list is ordered by measurement time, so the first one nobody amended is the latest.
  return { items, latest: items.find((i) => i.amendedBy === null) ?? null };
}
