import {
  toFhirObservation,
  type InstrumentDefinition,
  type ScoreResult,
} from '../../../domain/instruments/index.js';
import { safetyReasons } from '../../../domain/measurement/index.js';
import type { Executor } from '../../../db/client.js';
import type { AnswerMap, ResponseSource } from './measurement-shared.js';
import { bumpMeasurementVersion, insertObservation, insertResponse } from './measurement.queries.js';
import { raiseSafetyAlerts, type RaisedBy } from './safety.service.js';

function observationCode(def: InstrumentDefinition): { system: string; code: string } {
  // Only checked ([primary]/[secondary]) LOINC codes are used; [unverified] ones fall back to Arbor's own code.
  const loinc = def.total?.code;
  if (loinc && loinc.provenance !== 'unverified') return { system: loinc.system, code: loinc.code };
  return { system: 'urn:arbor:instrument', code: `${def.id}:${def.total ? 'total' : 'result'}` };
}

export interface StoredResponse {
  responseId: string;
  result: ScoreResult;
  alertIds: string[];
}

export interface ScoredResponseInput {
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
  /**
   * The actor of the alert's audit row: who submitted, from where (the patient's link for a
   * self-report). Without it the row names `recordedBy` as the user.
   */
  raisedBy?: RaisedBy;
}

/**
 * Stores a response as submitted and its score as an observation, and raises safety alerts, all in
 * the caller's transaction so a response never exists without its score or its alert.
 */
export async function storeScoredResponse(tx: Executor, input: ScoredResponseInput): Promise<StoredResponse> {
  const responseId = await insertResponse(tx, {
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
  });
  const code = observationCode(input.def);
  await insertObservation(tx, {
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
        raisedBy: input.raisedBy ?? { userId: input.recordedBy, userLabel: null, clientIp: null },
      })
    : [];
  return { responseId, result: input.result, alertIds };
}
