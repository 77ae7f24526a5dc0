import type { MeasurementSettings } from '../../../domain/clinic/index.js';
import { getInstrument, listInstruments, type InstrumentId } from '../../../domain/instruments/index.js';
import { instrumentSettingsFor, safetyRuleOf } from '../../../domain/measurement/index.js';
import type {
  AmendResponseRequest,
  AmendResponseResult,
  InstrumentEntry,
  RecordResponseRequest,
  RecordResponseResult,
  ResponseDetail,
  ResponseSource,
  ResponsesPage,
} from '../../../contracts/measurement.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { badRequest, conflict, notFound } from '../../shared/api-error.js';
import { auditActor, refuseMissingRecord, type Actor } from '../../shared/actor.js';
import { appendAudit } from '../../shared/audit.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import { responseDetailOf, responseListItemOf, summaryOf } from './assessment-views.js';
import {
  clinicianOrNull,
  clinicMeasurementSettings,
  instrumentOr400,
  scoreOr400,
} from './measurement-shared.js';
import { findAmendmentOf, findObservationOf, findResponse, listResponseRows } from './measurement.queries.js';
import { storeScoredResponse } from './store-response.js';

/** Responses (assessments): the instrument catalogue, recording, reading, listing and correcting. */

/** The wording the clinic attached from its licensed copy, items with text only; null when none. */
function clinicWordingOf(id: InstrumentId, measurement: MeasurementSettings): Record<string, string> | null {
  if (id !== 'cadss6') return null;
  const given = Object.entries(measurement.cadss6ItemWording).filter(([, text]) => text !== '');
  return given.length ? Object.fromEntries(given) : null;
}

/**
 * Reference data for forms and pickers: every definition, with the instrument settings the caller's
 * clinic scores with, when each opens a safety alert, and any wording from the clinic's licensed copy.
 */
export async function instrumentCatalogue(
  deps: AppDeps,
  actor: Actor,
): Promise<{ items: InstrumentEntry[] }> {
  const { measurement } = await clinicMeasurementSettings(deps.db, actor.clinicId);
  return {
    items: listInstruments().map((summary) => {
      const definition = getInstrument(summary.id)!;
      const settings = instrumentSettingsFor(summary.id, measurement);
      return {
        ...summary,
        definition,
        settings: settings as InstrumentEntry['settings'],
        safetyRule: safetyRuleOf(definition, settings),
        clinicWording: clinicWordingOf(summary.id, measurement),
      };
    }),
  };
}

/** A response entered by staff: scored, stored with its observation and any alert, audited. */
export async function recordResponse(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: RecordResponseRequest,
): Promise<RecordResponseResult> {
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
      fallbackClinicianId: clinicianOrNull(actor),
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

/** One response in full, with its score, its place in the amendment chain and FHIR views. Audited. */
export async function readResponse(deps: AppDeps, actor: Actor, id: string): Promise<ResponseDetail> {
  const row = await findResponse(deps.db, actor.clinicId, id);
  if (!row) return refuseMissingRecord(deps, actor, { entity: 'assessment.response', id, label: 'Response' });
  const observation = await findObservationOf(deps.db, id);
  const next = await findAmendmentOf(deps.db, id, actor.clinicId);
  await deps.audit.record({
    ...auditActor(actor),
    patientId: row.patientId,
    action: 'read',
    entity: 'assessment.response',
    entityId: id,
    detail: { instrument: row.instrumentId },
    outcome: 'success',
  });
  return responseDetailOf(row, observation, next?.id ?? null);
}

/** The patient's responses, newest first, with scores; superseded ones are marked, never hidden. Audited. */
export async function listResponses(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  query: { instrumentId?: string; limit: number; offset: number },
): Promise<ResponsesPage> {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const rows = await listResponseRows(deps.db, actor.clinicId, patientId, query);
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'query',
    entity: 'assessment.response',
    detail: { instrument: query.instrumentId ?? 'all', returned: rows.length },
    outcome: 'success',
  });
  return { total: rows[0]?.total ?? 0, items: rows.map(responseListItemOf) };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string };
    if (pg.code === '23505' && pg.constraint === constraint) return true;
  }
  return false;
}

/**
 * A correction: a new response that references the original with a reason. The original stays as
 * it was; only the newest version of a chain may be amended (a unique index keeps the chain linear).
 */
export async function amendResponse(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: AmendResponseRequest,
): Promise<AmendResponseResult> {
  try {
    return await deps.db.transaction(async (tx) => {
      // No FOR UPDATE: the table is append-only (no UPDATE privilege). Two concurrent corrections of
      // the same response are settled by the unique index on amends_id: the second one gets a 409.
      const original = await findResponse(tx, actor.clinicId, id);
      if (!original) throw notFound('Response');
      const already = await findAmendmentOf(tx, id);
      if (already)
        throw conflict('This response has already been corrected; amend the newest version', {
          supersededBy: already.id,
        });
      const def = instrumentOr400(original.instrumentId);
      const { measurement } = await clinicMeasurementSettings(tx, actor.clinicId);
      const result = scoreOr400(def, input.answers, measurement);
      const stored = await storeScoredResponse(tx, {
        clinicId: actor.clinicId,
        patientId: original.patientId,
        def,
        answers: input.answers,
        result,
        source: original.source as ResponseSource,
        administeredAt: original.administeredAt,
        recordedAt: deps.now(),
        recordedBy: actor.userId,
        amendsId: original.id,
        amendmentReason: input.reason,
        fallbackClinicianId: clinicianOrNull(actor),
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
  } catch (error) {
    if (isUniqueViolation(error, 'assessment_responses_amends_unique')) {
      throw conflict('This response has just been corrected by someone else; amend the newest version');
    }
    throw error;
  }
}
