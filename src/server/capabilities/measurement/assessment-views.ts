import { getInstrument, type ScoreResult } from '../../../domain/instruments/index.js';
import type {
  QuestionnaireResponseView,
  ResponseDetail,
  ResponseListItem,
  ResponseSource,
  ScoreSummary,
} from '../../../contracts/measurement.js';
import type { AnswerMap } from './measurement-shared.js';
import type { listResponseRows, ObservationRow, ResponseRow } from './measurement.queries.js';

/** How stored responses look over the API (the shapes are in src/contracts/measurement.ts). */

export function summaryOf(result: ScoreResult): ScoreSummary {
  return { total: result.total, severity: result.severity, flags: result.flags, subscores: result.subscores };
}

/** A FHIR R4 QuestionnaireResponse view of the stored answers (as submitted). */
export function questionnaireResponseOf(row: ResponseRow): QuestionnaireResponseView {
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

/** One response in full: answers as submitted, its observation, the correction that replaced it. */
export function responseDetailOf(
  row: ResponseRow,
  observation: ObservationRow | undefined,
  supersededBy: string | null,
): ResponseDetail {
  return {
    id: row.id,
    patientId: row.patientId,
    instrumentId: row.instrumentId,
    instrumentVersion: row.instrumentVersion,
    source: row.source as ResponseSource,
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
          fhir: observation.fhir as Record<string, unknown>,
        }
      : null,
    questionnaireResponse: questionnaireResponseOf(row),
  };
}

type ListedRow = Awaited<ReturnType<typeof listResponseRows>>[number];

export function responseListItemOf(r: ListedRow): ResponseListItem {
  return {
    id: r.response.id,
    instrumentId: r.response.instrumentId,
    source: r.response.source as ResponseSource,
    administeredAt: r.response.administeredAt.toISOString(),
    recordedAt: r.response.recordedAt.toISOString(),
    amendsId: r.response.amendsId,
    amendmentReason: r.response.amendmentReason,
    supersededBy: r.supersededBy,
    value: r.value,
    severity: r.severity,
    flags: (r.flags as string[] | null) ?? [],
  };
}
