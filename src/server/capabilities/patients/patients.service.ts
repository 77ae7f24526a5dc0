import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { canMoveCareStatus, type CareStatus } from '../../../domain/patients/care-status.js';
import { formatMrn } from '../../../domain/patients/medical-record-number.js';
import { birthDateProblem, type PatientFields } from '../../../domain/patients/patient-fields.js';
import type { Database, Executor } from '../../../db/client.js';
import { clinicCounters, patientHistory, patients, users } from '../../../db/schema.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { Actor } from '../../http/define-route.js';
import { appendAudit } from '../../shared/audit.js';
import { auditActor } from '../../shared/actor.js';

type PatientRow = typeof patients.$inferSelect;

/** The patient as the API returns it: every stored field but the search helper column. */
export function toPatientDto(row: PatientRow) {
  const { searchName: _searchName, ...rest } = row;
  return { ...rest, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
export type PatientDto = ReturnType<typeof toPatientDto>;

function today(deps: AppDeps): string {
  return deps.now().toISOString().slice(0, 10);
}

function assertBirthDate(deps: AppDeps, birthDate: string | undefined): void {
  if (birthDate === undefined) return;
  const problem = birthDateProblem(birthDate, today(deps));
  if (problem) throw badRequest([{ field: 'body.birthDate', message: problem }]);
}

async function nextMrn(tx: Executor, clinicId: string): Promise<string> {
  const [row] = await tx
    .insert(clinicCounters)
    .values({ clinicId, name: 'mrn', value: 1 })
    .onConflictDoUpdate({
      target: [clinicCounters.clinicId, clinicCounters.name],
      set: { value: sql`${clinicCounters.value} + 1` },
    })
    .returning({ value: clinicCounters.value });
  return formatMrn(row!.value);
}

/** Loads a patient of the caller's clinic, locked for update when asked; another clinic's id is a 404. */
async function loadPatient(
  tx: Executor,
  clinicId: string,
  id: string,
  forUpdate: boolean,
): Promise<PatientRow> {
  const query = tx
    .select()
    .from(patients)
    .where(and(eq(patients.id, id), eq(patients.clinicId, clinicId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Patient');
  return row;
}

function snapshotOf(row: PatientRow): Record<string, unknown> {
  const dto = toPatientDto(row);
  return JSON.parse(JSON.stringify(dto)) as Record<string, unknown>;
}

export async function createPatient(
  deps: AppDeps,
  actor: Actor,
  fields: PatientFields,
  options: { isDemo?: boolean } = {},
): Promise<PatientDto> {
  assertBirthDate(deps, fields.birthDate);
  return deps.db.transaction(async (tx) => {
    const mrn = await nextMrn(tx, actor.clinicId);
    const now = deps.now();
    const [row] = await tx
      .insert(patients)
      .values({
        ...fields,
        clinicId: actor.clinicId,
        mrn,
        isDemo: options.isDemo ?? false,
        createdBy: actor.userId,
        updatedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(patientHistory).values({
      clinicId: actor.clinicId,
      patientId: row!.id,
      version: 1,
      snapshot: snapshotOf(row!),
      changedFields: Object.keys(fields),
      reason: 'created',
      changedBy: actor.userId,
      changedAt: now,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId: row!.id,
        action: 'create',
        entity: 'patient',
        entityId: row!.id,
        detail: { mrn },
        outcome: 'success',
      },
    ]);
    return toPatientDto(row!);
  });
}

function preparePatientRead(db: Database) {
  return db
    .select()
    .from(patients)
    .where(and(eq(patients.id, sql.placeholder('id')), eq(patients.clinicId, sql.placeholder('clinicId'))))
    .prepare('arbor-read-patient');
}
const patientReads = new WeakMap<Database, ReturnType<typeof preparePatientRead>>();

export async function readPatient(deps: AppDeps, actor: Actor, id: string): Promise<PatientDto> {
  let statement = patientReads.get(deps.db);
  if (!statement) patientReads.set(deps.db, (statement = preparePatientRead(deps.db)));
  const [row] = await statement.execute({ id, clinicId: actor.clinicId });
  if (!row) {
    await deps.audit.record({
      ...auditActor(actor),
      action: 'read',
      entity: 'patient',
      entityId: id,
      outcome: 'failure',
      detail: { reason: 'not-found-in-clinic' },
    });
    throw notFound('Patient');
  }
  await deps.audit.record({
    ...auditActor(actor),
    patientId: row.id,
    action: 'read',
    entity: 'patient',
    entityId: row.id,
    detail: { fields: 'demographics,conditions,alerts,care-status' },
    outcome: 'success',
  });
  return toPatientDto(row);
}

function changedKeys(before: PatientRow, changes: Partial<PatientFields>): string[] {
  return Object.entries(changes)
    .filter(
      ([key, value]) =>
        JSON.stringify(before[key as keyof PatientRow] ?? null) !== JSON.stringify(value ?? null),
    )
    .map(([key]) => key);
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
  assertBirthDate(deps, input.changes.birthDate);
  return deps.db.transaction(async (tx) => {
    const current = await loadPatient(tx, actor.clinicId, id, true);
    if (current.version !== input.version) {
      throw conflict(
        `This record was changed by someone else (now version ${current.version}). Reload it and apply your change again.`,
        { currentVersion: current.version },
      );
    }
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
    if (changed.length === 0) return toPatientDto(current);
    const now = deps.now();
    const [row] = await tx
      .update(patients)
      .set({ ...input.changes, version: current.version + 1, updatedAt: now, updatedBy: actor.userId })
      .where(and(eq(patients.id, id), eq(patients.clinicId, actor.clinicId)))
      .returning();
    await tx.insert(patientHistory).values({
      clinicId: actor.clinicId,
      patientId: id,
      version: row!.version,
      snapshot: snapshotOf(row!),
      changedFields: changed,
      reason: input.reason ?? null,
      changedBy: actor.userId,
      changedAt: now,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId: id,
        action: 'update',
        entity: 'patient',
        entityId: id,
        detail: { fields: changed, fromVersion: current.version, toVersion: row!.version },
        outcome: 'success',
      },
    ]);
    return toPatientDto(row!);
  });
}

/** Records are never deleted (docs/clinical-sources.md#record-retention); deactivation keeps them, with a reason. */
export async function setPatientActive(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; active: boolean; reason: string },
): Promise<PatientDto> {
  return deps.db.transaction(async (tx) => {
    const current = await loadPatient(tx, actor.clinicId, id, true);
    if (current.version !== input.version) {
      throw conflict(`This record was changed by someone else (now version ${current.version}).`, {
        currentVersion: current.version,
      });
    }
    if (current.active === input.active)
      throw conflict(input.active ? 'The record is already active' : 'The record is already deactivated');
    const now = deps.now();
    const [row] = await tx
      .update(patients)
      .set({ active: input.active, version: current.version + 1, updatedAt: now, updatedBy: actor.userId })
      .where(eq(patients.id, id))
      .returning();
    await tx.insert(patientHistory).values({
      clinicId: actor.clinicId,
      patientId: id,
      version: row!.version,
      snapshot: snapshotOf(row!),
      changedFields: ['active'],
      reason: input.reason,
      changedBy: actor.userId,
      changedAt: now,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId: id,
        action: input.active ? 'reactivate' : 'deactivate',
        entity: 'patient',
        entityId: id,
        detail: { reason: input.reason },
        outcome: 'success',
      },
    ]);
    return toPatientDto(row!);
  });
}

export async function patientHistoryOf(deps: AppDeps, actor: Actor, id: string) {
  await loadPatient(deps.db, actor.clinicId, id, false);
  const rows = await deps.db
    .select({ history: patientHistory, changedByLabel: users.displayName })
    .from(patientHistory)
    .leftJoin(users, and(eq(users.id, patientHistory.changedBy), eq(users.clinicId, actor.clinicId)))
    .where(and(eq(patientHistory.patientId, id), eq(patientHistory.clinicId, actor.clinicId)))
    .orderBy(desc(patientHistory.version));
  await deps.audit.record({
    ...auditActor(actor),
    patientId: id,
    action: 'read',
    entity: 'patient.history',
    entityId: id,
    detail: { versions: rows.length },
    outcome: 'success',
  });
  return rows.map(({ history: row, changedByLabel }) => ({
    version: row.version,
    changedAt: row.changedAt.toISOString(),
    changedBy: row.changedBy,
    // Who made a change is part of the record's history, whatever the reader's role.
    changedByLabel: changedByLabel ?? null,
    changedFields: row.changedFields as string[],
    reason: row.reason,
    snapshot: row.snapshot,
  }));
}

export interface PatientSearch {
  q?: string;
  careStatus?: CareStatus;
  includeInactive?: boolean;
  limit: number;
  offset: number;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$|^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Turns "smith 1980-02-03" or "03/02/1980" into ISO; anything else stays a name or MRN token. */
function asIsoDate(token: string): string | undefined {
  const m = datePattern.exec(token);
  if (!m) return undefined;
  if (m[1]) return `${m[1]}-${m[2]}-${m[3]}`;
  return `${m[6]}-${m[4]!.padStart(2, '0')}-${m[5]!.padStart(2, '0')}`;
}

/** A search matching more than this asks the user to refine it instead of ranking everything. */
export const searchCandidateCap = 500;

type NameMatch = 'prefix' | 'substring';

/** The WHERE conditions for a search; name tokens match name starts, or anywhere in a name. */
function searchConditions(
  actor: Actor,
  search: PatientSearch,
  tokens: string[],
  nameMatch: NameMatch,
): SQL[] {
  const conditions: SQL[] = [eq(patients.clinicId, actor.clinicId)];
  if (!search.includeInactive) conditions.push(eq(patients.active, true));
  if (search.careStatus) conditions.push(eq(patients.careStatus, search.careStatus));
  for (const token of tokens) {
    const iso = asIsoDate(token);
    if (iso) {
      conditions.push(sql`${patients.birthDate} = ${iso}::date`);
    } else if (/^a?\d{3,}$/.test(token)) {
      conditions.push(sql`lower(${patients.mrn}) LIKE ${'%' + token + '%'}`);
    } else {
      const escaped = token.replace(/[\\%_]/g, (ch) => `\\${ch}`);
      conditions.push(
        nameMatch === 'prefix'
          ? sql`(lower(${patients.legalFamilyName}) LIKE ${escaped + '%'} OR lower(${patients.legalGivenName}) LIKE ${escaped + '%'} OR lower(${patients.preferredName}) LIKE ${escaped + '%'})`
          : sql`${patients.searchName} LIKE ${'%' + escaped + '%'}`,
      );
    }
  }
  return conditions;
}

/**
 * Search by name (legal or preferred), date of birth (YYYY-MM-DD or MM/DD/YYYY) or MRN. Name
 * tokens first match the start of a name part (btree prefix indexes: "smi" finds Smith); only if
 * that finds nobody do they match anywhere in a name (trigram index: "walc" finds Kowalczyk).
 * At most 500 candidates are ranked: beyond that the answer says `more: true` and the list asks
 * for a more precise search, so a one-letter search never ranks the whole registry.
 */
export async function searchPatients(deps: AppDeps, actor: Actor, search: PatientSearch) {
  const tokens = (search.q ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
  const nameTokens = tokens.filter((t) => !asIsoDate(t) && !/^a?\d{3,}$/.test(t));
  const rankBy = nameTokens[0] ? sql`similarity(${patients.searchName}, ${nameTokens.join(' ')})` : undefined;
  const run = (nameMatch: NameMatch) => {
    const candidates = deps.db
      .select({ id: patients.id })
      .from(patients)
      .where(and(...searchConditions(actor, search, tokens, nameMatch)))
      .limit(searchCandidateCap + 1)
      .as('candidates');
    return deps.db
      .select({
        id: patients.id,
        mrn: patients.mrn,
        legalGivenName: patients.legalGivenName,
        legalFamilyName: patients.legalFamilyName,
        preferredName: patients.preferredName,
        birthDate: patients.birthDate,
        sexAtBirth: patients.sexAtBirth,
        careStatus: patients.careStatus,
        active: patients.active,
        isDemo: patients.isDemo,
        total: sql<number>`count(*) OVER ()`.mapWith(Number),
      })
      .from(candidates)
      .innerJoin(patients, eq(patients.id, candidates.id))
      .orderBy(
        ...(rankBy ? [desc(rankBy)] : []),
        patients.legalFamilyName,
        patients.legalGivenName,
        patients.id,
      )
      .limit(search.limit)
      .offset(search.offset);
  };
  let nameMatch: NameMatch = 'prefix';
  let rows = await run(nameMatch);
  if (rows.length === 0 && nameTokens.length > 0 && search.offset === 0) {
    nameMatch = 'substring';
    rows = await run(nameMatch);
  }
  const matched = rows[0]?.total ?? 0;
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'patient',
    detail: {
      q: search.q ?? '',
      careStatus: search.careStatus ?? null,
      results: rows.length,
      patientIds: rows.map((r) => r.id),
    },
    outcome: 'success',
  });
  return {
    total: Math.min(matched, searchCandidateCap),
    more: matched > searchCandidateCap,
    nameMatch,
    items: rows.map(({ total: _total, ...rest }) => rest),
  };
}
