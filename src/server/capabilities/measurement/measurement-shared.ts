import { can } from '../../../domain/auth/index.js';
import { readClinicSettings, type MeasurementSettings } from '../../../domain/clinic/index.js';
import {
  getInstrument,
  isInstrumentId,
  scoreResponse,
  type InstrumentDefinition,
  type ScoreOutcome,
  type ScoreResult,
} from '../../../domain/instruments/index.js';
import { instrumentSettingsFor } from '../../../domain/measurement/index.js';
import type { Executor } from '../../../db/client.js';
import type { AnswerMap } from '../../../contracts/measurement.js';
import { badRequest, type FieldProblem } from '../../shared/api-error.js';
import type { Actor } from '../../shared/actor.js';
import { findClinicSettings } from './measurement.queries.js';

/**
 * Helpers every use case of the capability shares (responses, safety, schedules, self-report). This
 * module depends on no service of the folder, so the services never import each other in a circle.
 */

export type { AnswerMap, ResponseSource } from '../../../contracts/measurement.js';

/** Whether the caller may see scores (field-level: the front desk sees that an alert exists, not why). */
export function seesScores(actor: Actor): boolean {
  return can(actor.role, 'assessment.read');
}

/** The clinic's name and the settings measurement uses (defaults where the clinic set nothing). */
export async function clinicMeasurementSettings(db: Executor, clinicId: string) {
  const row = await findClinicSettings(db, clinicId);
  const settings = readClinicSettings(row?.settings);
  return {
    clinicName: row?.name ?? 'Your clinic',
    measurement: settings.measurement,
    crisisLine: settings.crisisLine,
    site: settings.site,
  };
}
export type ClinicMeasurementSettings = Awaited<ReturnType<typeof clinicMeasurementSettings>>;

export function instrumentOr400(instrumentId: string, field = 'body.instrumentId'): InstrumentDefinition {
  const def = isInstrumentId(instrumentId) ? getInstrument(instrumentId) : undefined;
  if (!def) throw badRequest([{ field, message: 'unknown instrument' }]);
  return def;
}

/** Scores with the clinic's instrument settings: the result, or the problems by item. */
export function scoreAnswers(
  def: InstrumentDefinition,
  answers: AnswerMap,
  settings: MeasurementSettings,
): ScoreOutcome {
  return scoreResponse(def.id, answers, instrumentSettingsFor(def.id, settings));
}

/** Scores with the clinic's instrument settings; problems name the item, never a silent zero. */
export function scoreOr400(
  def: InstrumentDefinition,
  answers: AnswerMap,
  settings: MeasurementSettings,
  prefix = 'body.answers',
): ScoreResult {
  const outcome = scoreAnswers(def, answers, settings);
  if (!outcome.ok) {
    const fields: FieldProblem[] = outcome.errors.map((e) => ({
      field: e.item ? `${prefix}.${e.item}` : prefix,
      message: e.message,
    }));
    throw badRequest(fields, 'Some answers are missing or out of range');
  }
  return outcome.result;
}

/** Who should act on an alert when no plan names anybody: the clinician who entered the response. */
export function clinicianOrNull(actor: Actor): string | null {
  return actor.role === 'physician' || actor.role === 'nurse' ? actor.userId : null;
}
