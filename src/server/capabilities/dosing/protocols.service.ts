import type { Executor } from '../../../db/client.js';
import type {
  ClinicProtocolEntry,
  ProtocolCopy,
  ProtocolList,
  ProtocolOrigin,
  ProtocolRef,
  ProtocolRevise,
} from '../../../contracts/dosing.js';
import { readClinicSettings } from '../../../domain/clinic/index.js';
import {
  DOSING_SETTING_SOURCES,
  DEFAULT_DOSING_SETTINGS,
  type DosingSettings,
} from '../../../domain/dosing/index.js';
import {
  PROTOCOL_LIBRARY,
  citationsFor,
  copyProtocol,
  findLibraryProtocol,
  reviseProtocol,
  type Protocol,
  type ProtocolError,
} from '../../../domain/protocols/index.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { type ApiError, badRequest, conflict, notFound } from '../../shared/api-error.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { appendAudit } from '../../shared/audit.js';
import {
  findClinicProtocolVersion,
  findClinicSettings,
  insertClinicProtocol,
  listClinicProtocolRows,
  listClinicProtocolVersions,
  type ClinicProtocolRow,
} from './protocols.queries.js';

/**
 * A clinic's protocols: the built-in library (code data, read-only) and the clinic's own copies and
 * revisions (rows in clinic_protocols, one per version, never rewritten). A dose names
 * { origin, id, version }, which resolveProtocol turns back into exactly the protocol that was used.
 */

function toEntry(row: ClinicProtocolRow, latest: boolean, label: string): ClinicProtocolEntry {
  return {
    rowId: row.id,
    origin: 'clinic',
    protocol: row.definition as Protocol,
    latest,
    createdAt: row.createdAt.toISOString(),
    createdBy: { id: row.createdBy, label },
    copiedFrom:
      row.copiedFromId !== null && row.copiedFromVersion !== null
        ? { origin: row.copiedFromOrigin, id: row.copiedFromId, version: row.copiedFromVersion }
        : null,
    note: row.note,
  };
}

/** The clinic's dosing settings as stored (with defaults for anything the clinic never set). */
export async function dosingSettingsOf(db: Executor, clinicId: string): Promise<DosingSettings> {
  return (await clinicDosingContext(db, clinicId)).settings;
}

/** The dosing settings and the clinic's time zone (a patient's age is counted on the clinic's date). */
export async function clinicDosingContext(
  db: Executor,
  clinicId: string,
): Promise<{ settings: DosingSettings; timeZone: string }> {
  const clinic = await findClinicSettings(db, clinicId);
  if (!clinic) throw notFound('Clinic');
  const read = readClinicSettings(clinic.settings);
  return { settings: read.dosing ?? DEFAULT_DOSING_SETTINGS, timeZone: read.timeZone };
}

function withLatest(rows: Array<{ row: ClinicProtocolRow; label: string }>): ClinicProtocolEntry[] {
  const newest = new Map<string, number>();
  for (const { row } of rows)
    newest.set(row.protocolId, Math.max(newest.get(row.protocolId) ?? 0, row.version));
  return rows.map(({ row, label }) => toEntry(row, newest.get(row.protocolId) === row.version, label));
}

/** Library and clinic protocols, the clinic's dosing settings and every setting's source. */
export async function listProtocols(deps: AppDeps, actor: Actor): Promise<ProtocolList> {
  const [rows, settings] = await Promise.all([
    listClinicProtocolRows(deps.db, actor.clinicId),
    dosingSettingsOf(deps.db, actor.clinicId),
  ]);
  return {
    library: PROTOCOL_LIBRARY.map((protocol) => ({ origin: 'library' as const, protocol, latest: true })),
    clinic: withLatest(rows),
    dosingSettings: settings,
    defaultDosingSettings: DEFAULT_DOSING_SETTINGS,
    settingSources: DOSING_SETTING_SOURCES.map((s) => ({
      ...s,
      citations: citationsFor(s.citationIds),
    })),
  };
}

export async function readClinicProtocol(
  deps: AppDeps,
  actor: Actor,
  rowId: string,
): Promise<ClinicProtocolEntry> {
  const rows = await listClinicProtocolRows(deps.db, actor.clinicId);
  const found = withLatest(rows).find((d) => d.rowId === rowId);
  if (!found) throw notFound('Protocol');
  return found;
}

/**
 * The protocol a dose names. Library protocols exist at the version the code carries; a clinic's
 * protocol at any version it ever stored. Unknown references are a 400 naming `field`.
 */
export async function resolveProtocol(
  db: Executor,
  clinicId: string,
  ref: ProtocolRef,
  field: string,
): Promise<Protocol> {
  if (ref.origin === 'library') {
    const p = findLibraryProtocol(ref.id);
    if (!p || p.version !== ref.version)
      throw badRequest([
        { field, message: `the library has no protocol '${ref.id}' version ${ref.version}` },
      ]);
    return p;
  }
  const row = await findClinicProtocolVersion(db, clinicId, ref.id, ref.version);
  if (!row)
    throw badRequest([{ field, message: `this clinic has no protocol '${ref.id}' version ${ref.version}` }]);
  return row.definition as Protocol;
}

function protocolErrors(errors: ProtocolError[], prefix: string): ApiError {
  return badRequest(
    errors.map((e) => ({ field: `${prefix}.${e.field}`, message: e.message })),
    'The protocol is not valid',
  );
}

/** Postgres unique violation: two people saved the same id or version at once. */
function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  return (error as { code?: string })?.code === '23505' || cause?.code === '23505';
}

async function insertVersion(
  deps: AppDeps,
  actor: Actor,
  protocol: Protocol,
  meta: { copiedFrom?: { origin: ProtocolOrigin; id: string; version: number }; note?: string | undefined },
  auditDetail: Record<string, unknown>,
): Promise<ClinicProtocolEntry> {
  try {
    return await deps.db.transaction(async (tx) => {
      const row = await insertClinicProtocol(tx, {
        clinicId: actor.clinicId,
        protocolId: protocol.id,
        version: protocol.version,
        name: protocol.name,
        definition: protocol,
        copiedFromId: meta.copiedFrom?.id ?? null,
        copiedFromVersion: meta.copiedFrom?.version ?? null,
        copiedFromOrigin: meta.copiedFrom?.origin ?? null,
        note: meta.note ?? null,
        createdBy: actor.userId,
        createdAt: deps.now(),
      });
      await appendAudit(tx, [
        {
          ...auditActor(actor),
          action: 'create',
          entity: 'protocol',
          entityId: row.id,
          detail: { protocolId: protocol.id, version: protocol.version, ...auditDetail },
          outcome: 'success',
        },
      ]);
      return toEntry(row, true, actor.label);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(
        `Protocol '${protocol.id}' version ${protocol.version} was saved by someone else meanwhile. Reload and try again.`,
      );
    throw error;
  }
}

/** A clinic's own protocol, version 1, copied from a library or clinic protocol (copyProtocol). */
export async function copyProtocolFor(
  deps: AppDeps,
  actor: Actor,
  input: ProtocolCopy,
): Promise<ClinicProtocolEntry> {
  const source = await resolveProtocol(deps.db, actor.clinicId, input.source, 'body.source');
  if (findLibraryProtocol(input.id))
    throw badRequest([
      { field: 'body.id', message: `'${input.id}' is a library protocol id; choose another` },
    ]);
  if ((await listClinicProtocolVersions(deps.db, actor.clinicId, input.id)).length > 0)
    throw badRequest([
      { field: 'body.id', message: `this clinic already has a protocol '${input.id}'; revise it instead` },
    ]);
  const result = copyProtocol(source, {
    id: input.id,
    ...(input.name ? { name: input.name } : {}),
    ...(input.note ? { note: input.note } : {}),
  });
  if (!result.ok) throw protocolErrors(result.errors, 'body');
  return insertVersion(
    deps,
    actor,
    result.protocol,
    { copiedFrom: input.source, note: input.note },
    {
      copiedFrom: input.source,
    },
  );
}

/**
 * The next version of a clinic protocol (reviseProtocol). Only the newest version may be revised, so
 * two people cannot fork one version into two different "version n + 1"s; the old version stays
 * readable and every dose that used it still points at it. The changes are checked in full by the
 * domain's validator, which names every failing field.
 */
export async function reviseProtocolFor(
  deps: AppDeps,
  actor: Actor,
  rowId: string,
  input: ProtocolRevise,
): Promise<ClinicProtocolEntry> {
  const current = await readClinicProtocol(deps, actor, rowId);
  if (!current.latest)
    throw conflict(
      `Version ${current.protocol.version} is not the newest version of '${current.protocol.id}'. Revise the newest one.`,
    );
  const result = reviseProtocol(current.protocol, input.changes, input.note);
  if (!result.ok) throw protocolErrors(result.errors, 'body.changes');
  return insertVersion(
    deps,
    actor,
    result.protocol,
    { note: input.note },
    {
      fromVersion: current.protocol.version,
      changedFields: Object.keys(input.changes),
    },
  );
}
