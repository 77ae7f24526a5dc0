import { gzipSync } from 'node:zlib';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { can } from '../../../domain/auth/permissions.js';
import { readClinicSettings, type MeasurementSettings } from '../../../domain/clinic/clinic-settings.js';
import {
  getInstrument,
  isInstrumentId,
  listInstruments,
  scoreResponse,
  toFhirObservation,
  toFhirQuestionnaire,
} from '../../../domain/instruments/index.js';
import type { InstrumentDefinition, InstrumentId, ScoreResult } from '../../../domain/instruments/types.js';
import {
  buildTrajectory,
  instrumentSettingsFor,
  outcomeSettingsFor,
  safetyReasons,
  trajectoryCsv,
  type Trajectory,
} from '../../../domain/measurement/index.js';
import type { Database, Executor } from '../../../db/client.js';
import {
  assessmentObservations,
  assessmentResponses,
  measurementAnchors,
  measurementVersions,
} from '../../../db/schema-mbc.js';
import { clinics, patients } from '../../../db/schema.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { badRequest, conflict, notFound, type FieldProblem } from '../../shared/api-error.js';
import type { Actor } from '../../http/define-route.js';
import { appendAudit } from '../../shared/audit.js';
import { raiseSafetyAlerts } from './safety.service.js';
import { auditActor } from '../../shared/actor.js';

export type AnswerMap = Record<string, number | null>;
export type ResponseSource = 'staff' | 'self-report' | 'kiosk';

/** The patient of the caller's clinic, or a 404: another clinic's id is indistinguishable from none. */
export async function loadClinicPatient(db: Executor, clinicId: string, patientId: string) {
  const [row] = await db
    .select({
      id: patients.id,
      clinicId: patients.clinicId,
      legalGivenName: patients.legalGivenName,
      legalFamilyName: patients.legalFamilyName,
      preferredName: patients.preferredName,
      mrn: patients.mrn,
      email: patients.email,
      phone: patients.phone,
      active: patients.active,
    })
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.clinicId, clinicId)));
  if (!row) throw notFound('Patient');
  return row;
}

export async function clinicMeasurementSettings(db: Executor, clinicId: string) {
  const [row] = await db
    .select({ name: clinics.name, settings: clinics.settings })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  const settings = readClinicSettings(row?.settings);
  return {
    clinicName: row?.name ?? 'Your clinic',
    measurement: settings.measurement,
    crisisLine: settings.crisisLine,
    site: settings.site,
  };
}

export function instrumentOr400(instrumentId: string, field = 'body.instrumentId'): InstrumentDefinition {
  const def = isInstrumentId(instrumentId) ? getInstrument(instrumentId) : undefined;
  if (!def) throw badRequest([{ field, message: 'unknown instrument' }]);
  return def;
}

/** Scores with the clinic's instrument settings; problems name the item, never a silent zero. */
export function scoreOr400(
  def: InstrumentDefinition,
  answers: AnswerMap,
  settings: MeasurementSettings,
  prefix = 'body.answers',
): ScoreResult {
  const outcome = scoreResponse(def.id, answers, instrumentSettingsFor(def.id, settings));
  if (!outcome.ok) {
    const fields: FieldProblem[] = outcome.errors.map((e) => ({
      field: e.item ? `${prefix}.${e.item}` : prefix,
      message: e.message,
    }));
    throw badRequest(fields, 'Some answers are missing or out of range');
  }
  return outcome.result;
}

function observationCode(def: InstrumentDefinition): { system: string; code: string } {
  // Only checked ([primary]/[secondary]) LOINC codes are used; [unverified] ones fall back to Arbor's own code.
  const loinc = def.total?.code;
  if (loinc && loinc.provenance !== 'unverified') return { system: loinc.system, code: loinc.code };
  return { system: 'urn:arbor:instrument', code: `${def.id}:${def.total ? 'total' : 'result'}` };
}

/** Marks the patient's measurement data as changed (trajectory cache), in the caller's transaction. */
export async function bumpMeasurementVersion(
  tx: Executor,
  clinicId: string,
  patientId: string,
): Promise<void> {
  await tx
    .insert(measurementVersions)
    .values({ clinicId, patientId, version: 1 })
    .onConflictDoUpdate({
      target: measurementVersions.patientId,
      set: { version: sql`${measurementVersions.version} + 1` },
    });
}

export interface StoredResponse {
  responseId: string;
  result: ScoreResult;
  alertIds: string[];
}

/**
 * Stores a response as submitted and its score as an observation, and raises safety alerts, all in
 * the caller's transaction so a response never exists without its score or its alert.
 */
export async function storeScoredResponse(
  tx: Executor,
  input: {
    clinicId: string;
    patientId: string;
    def: InstrumentDefinition;
    answers: AnswerMap;
    result: ScoreResult;
    source: ResponseSource;
    administeredAt: Date;
    recordedAt: Date;
    recordedBy: string | null;
    linkId?: string | null;
    amendsId?: string | null;
    amendmentReason?: string | null;
    /** Who should act on an alert when the plan names nobody (the clinician who sent the link). */
    fallbackClinicianId?: string | null;
  },
): Promise<StoredResponse> {
  const [response] = await tx
    .insert(assessmentResponses)
    .values({
      clinicId: input.clinicId,
      patientId: input.patientId,
      instrumentId: input.def.id,
      instrumentVersion: input.def.version,
      answers: input.answers,
      source: input.source,
      linkId: input.linkId ?? null,
      administeredAt: input.administeredAt,
      recordedAt: input.recordedAt,
      recordedBy: input.recordedBy,
      amendsId: input.amendsId ?? null,
      amendmentReason: input.amendmentReason ?? null,
    })
    .returning({ id: assessmentResponses.id });
  const responseId = response!.id;
  const code = observationCode(input.def);
  await tx.insert(assessmentObservations).values({
    clinicId: input.clinicId,
    patientId: input.patientId,
    responseId,
    instrumentId: input.def.id,
    codeSystem: code.system,
    code: code.code,
    value:
      input.result.total ?? (input.def.id === 'bpi-sf' ? (input.result.subscores.severity ?? null) : null),
    severity: input.result.severity,
    flags: input.result.flags,
    effectiveAt: input.administeredAt,
    result: input.result,
    fhir: toFhirObservation(input.result, {
      subject: `Patient/${input.patientId}`,
      effectiveDateTime: input.administeredAt.toISOString(),
      derivedFrom: `QuestionnaireResponse/${responseId}`,
    }),
  });
  await bumpMeasurementVersion(tx, input.clinicId, input.patientId);
  const reasons = safetyReasons(input.result);
  const alertIds = reasons.length
    ? await raiseSafetyAlerts(tx, {
        clinicId: input.clinicId,
        patientId: input.patientId,
        responseId,
        instrumentId: input.def.id,
        reasons,
        raisedAt: input.recordedAt,
        fallbackClinicianId: input.fallbackClinicianId ?? null,
      })
    : [];
  return { responseId, result: input.result, alertIds };
}

/** Reference data for forms and pickers: every definition, with its FHIR Questionnaire view. */
export function instrumentCatalogue() {
  return {
    items: listInstruments().map((summary) => ({
      ...summary,
      definition: getInstrument(summary.id)!,
    })),
  };
}

export function questionnaireOf(id: InstrumentId) {
  return toFhirQuestionnaire(id);
}

export async function recordResponse(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: { instrumentId: string; answers: AnswerMap; administeredAt?: string },
) {
  const def = instrumentOr400(input.instrumentId);
  const now = deps.now();
  const administeredAt = input.administeredAt ? new Date(input.administeredAt) : now;
  if (administeredAt.getTime() > now.getTime() + 5 * 60_000) {
    throw badRequest([{ field: 'body.administeredAt', message: 'cannot be in the future' }]);
  }
  return deps.db.transaction(async (tx) => {
    const patient = await loadClinicPatient(tx, actor.clinicId, patientId);
    if (!patient.active) throw conflict('This record is deactivated; reactivate it before recording');
    const { measurement } = await clinicMeasurementSettings(tx, actor.clinicId);
    const result = scoreOr400(def, input.answers, measurement);
    const stored = await storeScoredResponse(tx, {
      clinicId: actor.clinicId,
      patientId,
      def,
      answers: input.answers,
      result,
      source: 'staff',
      administeredAt,
      recordedAt: now,
      recordedBy: actor.userId,
      fallbackClinicianId: actor.role === 'physician' || actor.role === 'nurse' ? actor.userId : null,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'create',
        entity: 'assessment.response',
        entityId: stored.responseId,
        detail: { instrument: def.id, source: 'staff', alerts: stored.alertIds.length },
        outcome: 'success',
      },
    ]);
    return {
      id: stored.responseId,
      instrumentId: def.id,
      score: summaryOf(result),
      alertIds: stored.alertIds,
    };
  });
}

function summaryOf(result: ScoreResult) {
  return { total: result.total, severity: result.severity, flags: result.flags, subscores: result.subscores };
}

type ResponseRow = typeof assessmentResponses.$inferSelect;
type ObservationRow = typeof assessmentObservations.$inferSelect;

function responseDto(row: ResponseRow, observation: ObservationRow | undefined, supersededBy: string | null) {
  return {
    id: row.id,
    patientId: row.patientId,
    instrumentId: row.instrumentId,
    instrumentVersion: row.instrumentVersion,
    source: row.source,
    administeredAt: row.administeredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: row.recordedBy,
    amendsId: row.amendsId,
    amendmentReason: row.amendmentReason,
    supersededBy,
    answers: row.answers as AnswerMap,
    observation: observation
      ? {
          id: observation.id,
          codeSystem: observation.codeSystem,
          code: observation.code,
          value: observation.value,
          severity: observation.severity,
          flags: observation.flags as string[],
          result: observation.result as ScoreResult,
          fhir: observation.fhir,
        }
      : null,
  };
}

/** A FHIR R4 QuestionnaireResponse view of the stored answers (as submitted). */
function questionnaireResponseOf(row: ResponseRow) {
  const def = getInstrument(row.instrumentId);
  const answers = row.answers as AnswerMap;
  return {
    resourceType: 'QuestionnaireResponse',
    id: row.id,
    questionnaire: `urn:arbor:instrument:questionnaire:${row.instrumentId}|${row.instrumentVersion}`,
    status: row.amendsId ? 'amended' : 'completed',
    subject: { reference: `Patient/${row.patientId}` },
    authored: row.administeredAt.toISOString(),
    item: (def?.items ?? [])
      .filter((item) => answers[item.id] !== undefined && answers[item.id] !== null)
      .map((item) => {
        const option = item.options.find((o) => o.value === answers[item.id]);
        return {
          linkId: item.id,
          text: item.text ?? item.label,
          answer: [
            {
              valueCoding: option?.code
                ? { system: option.code.system, code: option.code.code, display: option.label }
                : { code: String(answers[item.id]), display: option?.label },
            },
          ],
        };
      }),
  };
}

/** One response in full, with its score, its place in the amendment chain and FHIR views. Audited. */
export async function readResponse(deps: AppDeps, actor: Actor, id: string) {
  const [row] = await deps.db
    .select()
    .from(assessmentResponses)
    .where(and(eq(assessmentResponses.id, id), eq(assessmentResponses.clinicId, actor.clinicId)));
  if (!row) {
    await deps.audit.record({
      ...auditActor(actor),
      action: 'read',
      entity: 'assessment.response',
      entityId: id,
      outcome: 'failure',
      detail: { reason: 'not-found-in-clinic' },
    });
    throw notFound('Response');
  }
  const [observation] = await deps.db
    .select()
    .from(assessmentObservations)
    .where(eq(assessmentObservations.responseId, id));
  const [next] = await deps.db
    .select({ id: assessmentResponses.id })
    .from(assessmentResponses)
    .where(and(eq(assessmentResponses.amendsId, id), eq(assessmentResponses.clinicId, actor.clinicId)));
  await deps.audit.record({
    ...auditActor(actor),
    patientId: row.patientId,
    action: 'read',
    entity: 'assessment.response',
    entityId: id,
    detail: { instrument: row.instrumentId },
    outcome: 'success',
  });
  return {
    ...responseDto(row, observation, next?.id ?? null),
    questionnaireResponse: questionnaireResponseOf(row),
  };
}

/** The patient's responses, newest first, with scores; superseded ones are marked, never hidden. Audited. */
export async function listResponses(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  query: { instrumentId?: string; limit: number; offset: number },
) {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const conditions = [
    eq(assessmentResponses.clinicId, actor.clinicId),
    eq(assessmentResponses.patientId, patientId),
  ];
  if (query.instrumentId) conditions.push(eq(assessmentResponses.instrumentId, query.instrumentId));
  const rows = await deps.db
    .select({
      response: assessmentResponses,
      value: assessmentObservations.value,
      severity: assessmentObservations.severity,
      flags: assessmentObservations.flags,
      supersededBy: sql<
        string | null
      >`(SELECT a2.id FROM assessment_responses a2 WHERE a2.amends_id = ${assessmentResponses.id} LIMIT 1)`,
      total: sql<number>`count(*) OVER ()`.mapWith(Number),
    })
    .from(assessmentResponses)
    .leftJoin(assessmentObservations, eq(assessmentObservations.responseId, assessmentResponses.id))
    .where(and(...conditions))
    .orderBy(desc(assessmentResponses.administeredAt), desc(assessmentResponses.recordedAt))
    .limit(query.limit)
    .offset(query.offset);
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'query',
    entity: 'assessment.response',
    detail: { instrument: query.instrumentId ?? 'all', returned: rows.length },
    outcome: 'success',
  });
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      id: r.response.id,
      instrumentId: r.response.instrumentId,
      source: r.response.source,
      administeredAt: r.response.administeredAt.toISOString(),
      recordedAt: r.response.recordedAt.toISOString(),
      amendsId: r.response.amendsId,
      amendmentReason: r.response.amendmentReason,
      supersededBy: r.supersededBy,
      value: r.value,
      severity: r.severity,
      flags: (r.flags as string[] | null) ?? [],
    })),
  };
}

/**
 * A correction: a new response that references the original with a reason. The original stays as
 * it was; only the newest version of a chain may be amended (a unique index keeps the chain linear).
 */
export async function amendResponse(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { answers: AnswerMap; reason: string },
) {
  const run = () =>
    deps.db.transaction(async (tx) => {
      // No FOR UPDATE: the table is append-only (no UPDATE privilege). Two concurrent corrections of
      // the same response are settled by the unique index on amends_id: the second one gets a 409.
      const [original] = await tx
        .select()
        .from(assessmentResponses)
        .where(and(eq(assessmentResponses.id, id), eq(assessmentResponses.clinicId, actor.clinicId)));
      if (!original) throw notFound('Response');
      const [already] = await tx
        .select({ id: assessmentResponses.id })
        .from(assessmentResponses)
        .where(eq(assessmentResponses.amendsId, id));
      if (already)
        throw conflict('This response has already been corrected; amend the newest version', {
          supersededBy: already.id,
        });
      const def = instrumentOr400(original.instrumentId);
      const { measurement } = await clinicMeasurementSettings(tx, actor.clinicId);
      const result = scoreOr400(def, input.answers, measurement);
      const now = deps.now();
      const stored = await storeScoredResponse(tx, {
        clinicId: actor.clinicId,
        patientId: original.patientId,
        def,
        answers: input.answers,
        result,
        source: original.source as ResponseSource,
        administeredAt: original.administeredAt,
        recordedAt: now,
        recordedBy: actor.userId,
        amendsId: original.id,
        amendmentReason: input.reason,
        fallbackClinicianId: actor.role === 'physician' || actor.role === 'nurse' ? actor.userId : null,
      });
      await appendAudit(tx, [
        {
          ...auditActor(actor),
          patientId: original.patientId,
          action: 'update',
          entity: 'assessment.response',
          entityId: stored.responseId,
          detail: { amends: original.id, reason: input.reason, instrument: def.id },
          outcome: 'success',
        },
      ]);
      return {
        id: stored.responseId,
        amendsId: original.id,
        score: summaryOf(result),
        alertIds: stored.alertIds,
      };
    });
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error, 'assessment_responses_amends_unique')) {
      throw conflict('This response has just been corrected by someone else; amend the newest version');
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string };
    if (pg.code === '23505' && pg.constraint === constraint) return true;
  }
  return false;
}

/**
 * Current (not superseded) observations of one instrument, oldest first: the trajectory's data. One
 * query with a join, not a subquery per row: the trajectory is read on every chart visit.
 */
async function currentSeries(db: Executor, clinicId: string, patientId: string, instrumentId: string) {
  const { rows } = await db.execute<{
    response_id: string;
    effective_at: Date | string;
    value: number | null;
    severity: string | null;
    flags: string[];
    amended: boolean;
  }>(sql`
    SELECT o.response_id, o.effective_at, o.value, o.severity, o.flags, (r.amends_id IS NOT NULL) AS amended
    FROM assessment_observations o
    JOIN assessment_responses r ON r.id = o.response_id AND r.clinic_id = o.clinic_id
    WHERE o.clinic_id = ${clinicId} AND o.patient_id = ${patientId} AND o.instrument_id = ${instrumentId}
      AND NOT EXISTS (SELECT 1 FROM assessment_responses a WHERE a.amends_id = o.response_id)
    ORDER BY o.effective_at`);
  return rows.map((r) => ({
    responseId: r.response_id,
    effectiveAt: new Date(r.effective_at),
    value: r.value === null ? null : Number(r.value),
    severity: r.severity,
    flags: r.flags,
    amended: r.amended,
  }));
}

export async function patientAnchors(db: Executor, clinicId: string, patientId: string) {
  return db
    .select()
    .from(measurementAnchors)
    .where(
      and(
        eq(measurementAnchors.clinicId, clinicId),
        eq(measurementAnchors.patientId, patientId),
        isNull(measurementAnchors.cancelledAt),
      ),
    )
    .orderBy(asc(measurementAnchors.at));
}

/**
 * The patient (of the caller's clinic, else 404) and the instruments it has scores for, in one round
 * trip, so the trajectory page can offer only those.
 */
async function patientWithScoredInstruments(
  db: Executor,
  clinicId: string,
  patientId: string,
): Promise<string[]> {
  const { rows } = await db.execute<{ instruments: string[] }>(sql`
    SELECT ARRAY(SELECT DISTINCT o.instrument_id FROM assessment_observations o
                 WHERE o.clinic_id = p.clinic_id AND o.patient_id = p.id ORDER BY 1) AS instruments
    FROM patients p WHERE p.id = ${patientId} AND p.clinic_id = ${clinicId}`);
  if (!rows[0]) throw notFound('Patient');
  return rows[0].instruments;
}

export async function trajectoryOf(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  requested: InstrumentId | undefined,
  audit: 'read' | 'export' = 'read',
): Promise<Trajectory & { available: string[] }> {
  const available = await patientWithScoredInstruments(deps.db, actor.clinicId, patientId);
  // Without a choice: PHQ-9 when scored (the usual primary outcome), else the first instrument scored.
  const instrumentId =
    requested ??
    (available.includes('phq9') || available.length === 0 ? 'phq9' : (available[0] as InstrumentId));
  const [series, anchors, settings] = await Promise.all([
    currentSeries(deps.db, actor.clinicId, patientId, instrumentId),
    patientAnchors(deps.db, actor.clinicId, patientId),
    clinicMeasurementSettings(deps.db, actor.clinicId),
  ]);
  const trajectory = buildTrajectory(
    instrumentId,
    series.map((s) => ({
      responseId: s.responseId,
      date: s.effectiveAt.toISOString(),
      value: s.value,
      severity: s.severity,
      flags: s.flags ?? [],
      amended: s.amended,
    })),
    anchors.map((a) => ({ date: a.at.toISOString(), label: a.label })),
    outcomeSettingsFor(instrumentId, settings.measurement),
  );
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: audit,
    entity: 'assessment.trajectory',
    entityId: instrumentId,
    detail: { points: trajectory.points.length, ...(audit === 'export' ? { format: 'csv' } : {}) },
    outcome: 'success',
  });
  // The per-point outcome flags are already on trajectory.points: the outcome's own copy of the
  // series is left out, which halves the payload of a long series.
  const outcomes = trajectory.outcomes ? { ...trajectory.outcomes, points: [] } : null;
  return { ...trajectory, outcomes, available };
}

/**
 * A per-process cache of serialised trajectories. The patient's measurement version (bumped with every
 * response and infusion date change, in the same transaction) and a digest of the clinic's settings
 * change whenever the trajectory could: checking them is one primary-key lookup instead of 500 rows,
 * the outcome computation and serialisation. The version is read before the data, so a write that
 * lands in between only makes the next read rebuild. Several app servers each keep their own cache;
 * each checks the database, so none can serve a stale series. The read is audited every time.
 */
const trajectoryCache = new Map<
  string,
  { version: string; json: string; gzip: Buffer; points: number; instrument: string }
>();
const trajectoryCacheLimit = 500;

/** A named prepared statement per database handle: the check runs on every trajectory read. */
const versionQueries = new WeakMap<Database, ReturnType<typeof prepareVersionQuery>>();

function prepareVersionQuery(db: Database) {
  return db
    .select({ version: measurementVersions.version, settings: sql<string>`md5(${clinics.settings}::text)` })
    .from(patients)
    .innerJoin(clinics, eq(clinics.id, patients.clinicId))
    .leftJoin(
      measurementVersions,
      and(
        eq(measurementVersions.patientId, patients.id),
        eq(measurementVersions.clinicId, patients.clinicId),
      ),
    )
    .where(
      and(eq(patients.id, sql.placeholder('patientId')), eq(patients.clinicId, sql.placeholder('clinicId'))),
    )
    .prepare('mbc_trajectory_version');
}

async function trajectoryVersion(db: Database, clinicId: string, patientId: string): Promise<string> {
  let query = versionQueries.get(db);
  if (!query) {
    query = prepareVersionQuery(db);
    versionQueries.set(db, query);
  }
  const [row] = await query.execute({ patientId, clinicId });
  if (!row) throw notFound('Patient');
  return `${row.version ?? 0}|${row.settings}`;
}

/** The trajectory as JSON text, from the cache when nothing it depends on has changed. Audited. */
export async function trajectoryJson(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  requested: InstrumentId | undefined,
): Promise<{ json: string; gzip: Buffer }> {
  const version = await trajectoryVersion(deps.db, actor.clinicId, patientId);
  const key = `${actor.clinicId}:${patientId}:${requested ?? ''}`;
  const cached = trajectoryCache.get(key);
  if (cached && cached.version === version) {
    await deps.audit.record({
      ...auditActor(actor),
      patientId,
      action: 'read',
      entity: 'assessment.trajectory',
      entityId: cached.instrument,
      detail: { points: cached.points },
      outcome: 'success',
    });
    return cached;
  }
  const trajectory = await trajectoryOf(deps, actor, patientId, requested);
  const json = JSON.stringify(trajectory);
  // Compressed once per version, not per request: a 500-point series is ~100 KiB of JSON, ~10 KiB gzipped.
  const gzip = gzipSync(json);
  if (trajectoryCache.size >= trajectoryCacheLimit)
    trajectoryCache.delete(trajectoryCache.keys().next().value!);
  trajectoryCache.set(key, {
    version,
    json,
    gzip,
    points: trajectory.points.length,
    instrument: trajectory.instrument,
  });
  return { json, gzip };
}

export async function trajectoryCsvOf(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  instrumentId: InstrumentId | undefined,
) {
  const trajectory = await trajectoryOf(deps, actor, patientId, instrumentId, 'export');
  return { instrumentId: trajectory.instrument, csv: trajectoryCsv(trajectory) };
}

/** Whether the caller may see scores (field-level: the front desk sees that an alert exists, not why). */
export function seesScores(actor: Actor): boolean {
  return can(actor.role, 'assessment.read');
}
