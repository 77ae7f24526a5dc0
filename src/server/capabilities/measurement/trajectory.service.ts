import { gzipSync } from 'node:zlib';
import type { InstrumentId } from '../../../domain/instruments/index.js';
import {
  buildTrajectory,
  instrumentSettingsFor,
  outcomeSettingsFor,
  trajectoryCsv,
} from '../../../domain/measurement/index.js';
import type { TrajectoryView } from '../../../contracts/measurement.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { notFound } from '../../shared/api-error.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { clinicMeasurementSettings } from './measurement-shared.js';
import {
  currentSeries,
  findTrajectoryVersion,
  listPatientAnchors,
  scoredInstrumentsOfPatient,
} from './measurement.queries.js';

/** Scores over time: the trajectory of one instrument, its cache, and its CSV export. */

export async function trajectoryOf(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  requested: InstrumentId | undefined,
  audit: 'read' | 'export' = 'read',
): Promise<TrajectoryView> {
  // The patient (of the caller's clinic, else 404) and the instruments it has scores for, in one
  // round trip, so the trajectory page can offer only those.
  const available = await scoredInstrumentsOfPatient(deps.db, actor.clinicId, patientId);
  if (!available) throw notFound('Patient');
  // Without a choice: PHQ-9 when scored (the usual primary outcome), else the first instrument scored.
  const instrumentId =
    requested ??
    (available.includes('phq9') || available.length === 0 ? 'phq9' : (available[0] as InstrumentId));
  const [series, anchors, settings] = await Promise.all([
    currentSeries(deps.db, actor.clinicId, patientId, instrumentId),
    listPatientAnchors(deps.db, actor.clinicId, patientId),
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
      // Each score keeps the settings it was computed with; the bands use the clinic's values today.
      ...(Object.keys(s.settingsUsed).length ? { settingsUsed: s.settingsUsed } : {}),
    })),
    anchors.map((a) => ({ date: a.at.toISOString(), label: a.label })),
    outcomeSettingsFor(instrumentId, settings.measurement),
    instrumentSettingsFor(instrumentId, settings.measurement),
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

/** The trajectory as JSON text, from the cache when nothing it depends on has changed. Audited. */
export async function trajectoryJson(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  requested: InstrumentId | undefined,
): Promise<{ json: string; gzip: Buffer }> {
  const version = await findTrajectoryVersion(deps.db, actor.clinicId, patientId);
  if (version === undefined) throw notFound('Patient');
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
