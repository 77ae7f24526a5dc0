import type { Patient, PatientHistory } from '../../../contracts/patients.js';
import { patientFieldsHiddenFrom, patientFieldsRoleMayNotChange } from '../../../domain/auth/index.js';
import {
  birthDateProblem,
  canMoveCareStatus,
  formatMrn,
  type CareStatus,
  type PatientFields,
} from '../../../domain/patients/index.js';
import type { Actor } from '../../shared/actor.js';
import { auditActor, refuseMissingRecord } from '../../shared/actor.js';
import { ApiError, badRequest, conflict } from '../../shared/api-error.js';
import type { Executor } from '../../../db/client.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import { assertEnquiryRegistrable, linkEnquiryToPatient } from '../site/index.js';
import {
  findClinicPatient,
  insertPatient,
  insertPatientHistory,
  listPatientHistory,
  nextMrnNumber,
  updatePatientRow,
  type PatientRow,
} from './patients.queries.js';

/**
 * The patient as the API returns it: every stored field but the search helper column. The JSON
 * columns hold what the field schemas accepted when the record was saved.
 */
export function toPatientDto(row: PatientRow): Patient {
  const { searchName: _searchName, ...rest } = row;
  return {
    ...rest,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  } as Patient;
}
export type PatientDto = Patient;

/**
 * The record as the caller's role may see it (minimum necessary): the groups of fields its role may
 * not read are left out, and named in `withheldFields` so a page says so instead of "none recorded".
 */
function visiblePatient(row: PatientRow, actor: Actor): PatientDto {
  const hidden = patientFieldsHiddenFrom(actor.role);
  const dto: Record<string, unknown> = { ...toPatientDto(row) };
  for (const field of hidden) delete dto[field];
  return { ...dto, withheldFields: hidden } as PatientDto;
}

/**
 * A write naming a field the caller's role may not change is refused as a whole, naming each such
 * field. Naming it is enough: whether the value would have changed is not looked at, so the answer
 * reveals nothing about values the role cannot read.
 */
function assertMayChange(actor: Actor, fields: string[], prefix: string): void {
  const refused = patientFieldsRoleMayNotChange(actor.role, fields);
  if (refused.length === 0) return;
  throw new ApiError(
    403,
    'forbidden',
    `Your role may not change ${refused.join(', ')}: these are clinical fields for clinicians`,
    refused.map((field) => ({
      field: `${prefix}${field}`,
      message: 'only a clinician may change this field',
    })),
  );
}

/** A registration field left at its default (empty list, "referred", nothing) is not a change. */
function setAtRegistration(fields: PatientFields): string[] {
  return Object.entries(fields)
    .filter(([key, value]) => {
      if (value === undefined || value === null) return false;
      if (Array.isArray(value)) return value.length > 0;
      return !(key === 'careStatus' && value === 'referred');
    })
    .map(([key]) => key);
}

function today(deps: AppDeps): string {
  return deps.now().toISOString().slice(0, 10);
}

function assertBirthDate(deps: AppDeps, birthDate: string | undefined): void {
  if (birthDate === undefined) return;
  const problem = birthDateProblem(birthDate, today(deps));
  if (problem) throw badRequest([{ field: 'body.birthDate', message: problem }]);
}

function snapshotOf(row: PatientRow): Record<string, unknown> {
  const dto = toPatientDto(row);
  return JSON.parse(JSON.stringify(dto)) as Record<string, unknown>;
}

export async function createPatient(
  deps: AppDeps,
  actor: Actor,
  fields: PatientFields,
  options: { isDemo?: boolean; fromEnquiryId?: string } = {},
): Promise<PatientDto> {
  assertMayChange(actor, setAtRegistration(fields), 'body.');
  assertBirthDate(deps, fields.birthDate);
  const { fromEnquiryId } = options;
  if (fromEnquiryId) await assertEnquiryRegistrable(deps, actor, fromEnquiryId);
  return deps.db.transaction(async (tx) => {
    const mrn = formatMrn(await nextMrnNumber(tx, actor.clinicId));
    const now = deps.now();
    const row = await insertPatient(tx, {
      ...fields,
      clinicId: actor.clinicId,
      mrn,
      isDemo: options.isDemo ?? false,
      createdBy: actor.userId,
      updatedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await insertPatientHistory(tx, {
      clinicId: actor.clinicId,
      patientId: row.id,
      version: 1,
      snapshot: snapshotOf(row),
      changedFields: Object.keys(fields),
      reason: 'created',
      changedBy: actor.userId,
      changedAt: now,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId: row.id,
        action: 'create',
        entity: 'patient',
        entityId: row.id,
        detail: fromEnquiryId ? { mrn, fromEnquiryId } : { mrn },
        outcome: 'success',
      },
    ]);
    if (fromEnquiryId)
      await linkEnquiryToPatient(tx, actor, { enquiryId: fromEnquiryId, patientId: row.id, now });
    return visiblePatient(row, actor);
  });
}

interface PatientVersionChange {
  values: Partial<PatientRow>;
  changedFields: string[];
  reason: string | null;
  now: Date;
  audit: { action: 'update' | 'deactivate' | 'reactivate'; detail: Record<string, unknown> };
}

/**
 * Every change to a chart is a new version: the row moves on, the full snapshot goes to the history
 * table with who, when and why, and the audit row is appended, all in the caller's transaction.
 */
async function writePatientVersion(
  tx: Executor,
  actor: Actor,
  current: PatientRow,
  change: PatientVersionChange,
): Promise<PatientRow> {
  const row = await updatePatientRow(tx, actor.clinicId, current.id, {
    ...change.values,
    version: current.version + 1,
    updatedAt: change.now,
    updatedBy: actor.userId,
  });
  await insertPatientHistory(tx, {
    clinicId: actor.clinicId,
    patientId: current.id,
    version: row.version,
    snapshot: snapshotOf(row),
    changedFields: change.changedFields,
    reason: change.reason,
    changedBy: actor.userId,
    changedAt: change.now,
  });
  await appendAudit(tx, [
    {
      ...auditActor(actor),
      patientId: current.id,
      action: change.audit.action,
      entity: 'patient',
      entityId: current.id,
      detail: {
        ...change.audit.detail,
        ...(change.audit.action === 'update' ? { toVersion: row.version } : {}),
      },
      outcome: 'success',
    },
  ]);
  return row;
}

/** A chart read; a miss (another clinic's id included) is audited as a failed read, then 404. */
export async function readPatient(deps: AppDeps, actor: Actor, id: string): Promise<PatientDto> {
  const row = await findClinicPatient(deps.db, actor.clinicId, id);
  if (!row) return refuseMissingRecord(deps, actor, { entity: 'patient', id, label: 'Patient' });
  await deps.audit.record({
    ...auditActor(actor),
    patientId: row.id,
    action: 'read',
    entity: 'patient',
    entityId: row.id,
    detail: {
      fields: patientFieldsHiddenFrom(actor.role).length
        ? 'demographics,care-status'
        : 'demographics,conditions,alerts,care-status',
    },
    outcome: 'success',
  });
  return visiblePatient(row, actor);
}

function changedKeys(before: PatientRow, changes: Partial<PatientFields>): string[] {
  return Object.entries(changes)
    .filter(
      ([key, value]) =>
        JSON.stringify(before[key as keyof PatientRow] ?? null) !== JSON.stringify(value ?? null),
    )
    .map(([key]) => key);
}

function assertVersion(current: PatientRow, version: number, message: string): void {
  if (current.version !== version) throw conflict(message, { currentVersion: current.version });
}

/**
 * Optimistic concurrency: the caller sends the version it edited; if someone saved in between,
 * the edit is refused with 409 and the current version, never silently merged or overwritten.
 */
export async function updatePatient(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; changes: Partial<PatientFields>; reason?: string | null },
): Promise<PatientDto> {
  assertMayChange(actor, Object.keys(input.changes), 'body.changes.');
  assertBirthDate(deps, input.changes.birthDate);
  return deps.db.transaction(async (tx) => {
    const current = await loadClinicPatient(tx, actor.clinicId, id, { forUpdate: true });
    assertVersion(
      current,
      input.version,
      `This record was changed by someone else (now version ${current.version}). Reload it and apply your change again.`,
    );
    if (!current.active) throw conflict('This record is deactivated; reactivate it before editing');
    const nextStatus = input.changes.careStatus;
    if (nextStatus && !canMoveCareStatus(current.careStatus as CareStatus, nextStatus)) {
      throw badRequest([
        {
          field: 'body.changes.careStatus',
          message: `cannot move from ${current.careStatus} to ${nextStatus}`,
        },
      ]);
    }
    const changed = changedKeys(current, input.changes);
    if (changed.length === 0) return visiblePatient(current, actor);
    const row = await writePatientVersion(tx, actor, current, {
      values: input.changes,
      changedFields: changed,
      reason: input.reason ?? null,
      now: deps.now(),
      audit: { action: 'update', detail: { fields: changed, fromVersion: current.version } },
    });
    return visiblePatient(row, actor);
  });
}

/**
 * Moves the care status through `steps` inside the caller's transaction (an eligibility decision
 * moves screening → eligible or not eligible), one version per step, each allowed by the care-status
 * table; the caller has taken the decision and gives the reason.
 */
export async function moveCareStatusInTransaction(
  tx: Executor,
  actor: Actor,
  patientId: string,
  steps: readonly CareStatus[],
  reason: string,
  now: Date,
): Promise<void> {
  let current = await loadClinicPatient(tx, actor.clinicId, patientId, { forUpdate: true });
  for (const next of steps) {
    if (!canMoveCareStatus(current.careStatus as CareStatus, next))
      throw conflict(`The care status cannot move from ${current.careStatus} to ${next}`);
    current = await writePatientVersion(tx, actor, current, {
      values: { careStatus: next },
      changedFields: ['careStatus'],
      reason,
      now,
      audit: { action: 'update', detail: { fields: ['careStatus'], fromVersion: current.version } },
    });
  }
}

/** Records are never deleted (docs/clinical-sources.md#record-retention); deactivation keeps them, with a reason. */
export async function setPatientActive(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; active: boolean; reason: string },
): Promise<PatientDto> {
  return deps.db.transaction(async (tx) => {
    const current = await loadClinicPatient(tx, actor.clinicId, id, { forUpdate: true });
    assertVersion(
      current,
      input.version,
      `This record was changed by someone else (now version ${current.version}).`,
    );
    if (current.active === input.active)
      throw conflict(input.active ? 'The record is already active' : 'The record is already deactivated');
    const row = await writePatientVersion(tx, actor, current, {
      values: { active: input.active },
      changedFields: ['active'],
      reason: input.reason,
      now: deps.now(),
      audit: { action: input.active ? 'reactivate' : 'deactivate', detail: { reason: input.reason } },
    });
    return visiblePatient(row, actor);
  });
}

/** Every version, newest first; each snapshot shows only what the caller's role may read. */
export async function patientHistoryOf(deps: AppDeps, actor: Actor, id: string): Promise<PatientHistory> {
  await loadClinicPatient(deps.db, actor.clinicId, id);
  const rows = await listPatientHistory(deps.db, actor.clinicId, id);
  await deps.audit.record({
    ...auditActor(actor),
    patientId: id,
    action: 'read',
    entity: 'patient.history',
    entityId: id,
    detail: { versions: rows.length },
    outcome: 'success',
  });
  const hidden = patientFieldsHiddenFrom(actor.role);
  const items = rows.map(({ history: row, changedByLabel }) => {
    const snapshot = { ...(row.snapshot as Record<string, unknown>) };
    for (const field of hidden) delete snapshot[field];
    return {
      version: row.version,
      changedAt: row.changedAt.toISOString(),
      changedBy: row.changedBy,
      // Who made a change is part of the record's history, whatever the reader's role.
      changedByLabel: changedByLabel ?? null,
      // The names of changed fields stay: the history says that a diagnosis changed, not to what.
      changedFields: row.changedFields as string[],
      reason: row.reason,
      snapshot,
    };
  });
  return { items, withheldFields: hidden };
}
