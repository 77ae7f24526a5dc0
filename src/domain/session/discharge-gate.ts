import type { ScoreResult } from '../instruments/index.js';
import { sessionKindProfile, type DischargeCriterionId } from './session-kinds.js';
import { MINUTE_MS, type SessionKind, type SourceRef } from './session-types.js';

/**
 * The discharge gate: discharge is refused until every criterion of the session's kind holds. IV: a
 * modified Aldrete score that meets the clinic's threshold (docs/clinical-sources.md#aldrete-score), an
 * escort present and written instructions given (docs/clinical-sources.md#discharge-criteria), and the
 * clinic's minimum observation after the infusion. Esketamine: at least 2 hours from the first device and
 * the clinician's judgment of clinical stability (docs/clinical-sources.md#discharge-criteria).
 *
 * The Aldrete threshold is not read here: the score is computed by the instrument library with the
 * clinic's measurement settings (`aldreteDischargeThreshold` and its variant), and its `discharge-ready`
 * flag is the criterion. The threshold and version it was scored with are carried into the result.
 */

export interface MinimumObservationSettings {
  ivAfterStopMinutes: number;
  esketamineFromFirstDeviceMinutes: number;
}

export interface DischargeInput {
  kind: SessionKind;
  now: number;
  /** The infusion's stop (IV) or the first device (esketamine); null when it has not happened. */
  observationFrom: number | null;
  /** The latest modified Aldrete, scored with the clinic's measurement settings, and when it was taken. */
  aldrete?: { result: ScoreResult; takenAt: number } | null;
  escortPresent: boolean;
  instructionsGiven: boolean;
  clinicianJudgedStable?: boolean;
}

export interface UnmetCriterion {
  criterion: DischargeCriterionId;
  reason: string;
  source: SourceRef;
}

export interface AldreteSummary {
  total: number | null;
  instrumentVersion: string;
  threshold: number | null;
  /** True when the "8 with respiration and SpO2 both 2" variant was on. */
  allowEightVariant: boolean;
  dischargeReady: boolean;
  takenAt: number;
}

export interface DischargeGateResult {
  met: boolean;
  unmet: UnmetCriterion[];
  aldrete: AldreteSummary | null;
  observation: { fromAt: number | null; minutes: number | null; requiredMinutes: number };
}

const ALDRETE_SOURCE: SourceRef = {
  section: 'docs/clinical-sources.md#aldrete-score',
  evidence: 'secondary',
};
const DISCHARGE_SOURCE: SourceRef = {
  section: 'docs/clinical-sources.md#discharge-criteria',
  evidence: 'primary',
};
const IV_OBSERVATION_SOURCE: SourceRef = {
  section: 'docs/clinical-sources.md#scheduling-durations',
  evidence: 'unverified',
};

function aldreteSummary(a: NonNullable<DischargeInput['aldrete']>): AldreteSummary {
  const setting = (key: string) => a.result.details.settings[key]?.value;
  const threshold = setting('dischargeThreshold');
  return {
    total: a.result.total,
    instrumentVersion: a.result.details.instrumentVersion,
    threshold: typeof threshold === 'number' ? threshold : null,
    allowEightVariant: setting('allowEightWithRespirationAndSpo2') === true,
    dischargeReady: a.result.flags.includes('discharge-ready'),
    takenAt: a.takenAt,
  };
}

function requiredMinutes(kind: SessionKind, s: MinimumObservationSettings): number {
  return sessionKindProfile(kind).observationFrom === 'first-dose'
    ? s.esketamineFromFirstDeviceMinutes
    : s.ivAfterStopMinutes;
}

function criterionProblem(
  id: DischargeCriterionId,
  input: DischargeInput,
  aldrete: AldreteSummary | null,
  required: number,
): UnmetCriterion | null {
  const unmet = (reason: string, source: SourceRef) => ({ criterion: id, reason, source });
  switch (id) {
    case 'aldrete':
      if (!aldrete || input.aldrete?.result.instrument !== 'aldrete')
        return unmet('no modified Aldrete score recorded', ALDRETE_SOURCE);
      if (input.observationFrom !== null && aldrete.takenAt < input.observationFrom)
        return unmet('the Aldrete score was taken before recovery began', ALDRETE_SOURCE);
      return aldrete.dischargeReady
        ? null
        : unmet(
            `Aldrete ${aldrete.total} is below the clinic’s threshold of ${aldrete.threshold}`,
            ALDRETE_SOURCE,
          );
    case 'escort':
      return input.escortPresent
        ? null
        : unmet('no escort present to take the patient home', DISCHARGE_SOURCE);
    case 'instructions':
      return input.instructionsGiven
        ? null
        : unmet('written discharge instructions not given', DISCHARGE_SOURCE);
    case 'minimum-observation': {
      const source = input.kind === 'esketamine' ? DISCHARGE_SOURCE : IV_OBSERVATION_SOURCE;
      if (input.observationFrom === null) return unmet('observation has not started', source);
      const minutes = Math.floor((input.now - input.observationFrom) / MINUTE_MS);
      return minutes >= required ? null : unmet(`observed ${minutes} of ${required} minutes`, source);
    }
    case 'clinician-judgment':
      return input.clinicianJudgedStable
        ? null
        : unmet('a clinician has not judged the patient clinically stable', DISCHARGE_SOURCE);
  }
}

/** Every unmet criterion of the session's kind, with its reason; `met` only when there are none. */
export function evaluateDischargeGate(
  input: DischargeInput,
  settings: MinimumObservationSettings,
): DischargeGateResult {
  const aldrete = input.aldrete ? aldreteSummary(input.aldrete) : null;
  const required = requiredMinutes(input.kind, settings);
  const unmet = sessionKindProfile(input.kind)
    .discharge.map((id) => criterionProblem(id, input, aldrete, required))
    .filter((u): u is UnmetCriterion => u !== null);
  const minutes =
    input.observationFrom === null ? null : Math.floor((input.now - input.observationFrom) / MINUTE_MS);
  return {
    met: unmet.length === 0,
    unmet,
    aldrete,
    observation: { fromAt: input.observationFrom, minutes, requiredMinutes: required },
  };
}
