import type { Executor } from '../../../db/client.js';
import type {
  DoseAmend,
  DoseInputs,
  DoseOrder,
  DosePreview,
  DoseRecord,
  PatientDoses,
} from '../../../contracts/dosing.js';
import {
  computeDose,
  type ChartFacts,
  type ComputedDose,
  type DoseRequest,
  type DoseWarning,
  type DosingSettings,
  type Sex,
} from '../../../domain/dosing/index.js';
import { ageInYears } from '../../../domain/patients/index.js';
import type { Protocol } from '../../../domain/protocols/index.js';
import { auditActor, refuseMissingRecord, type Actor } from '../../shared/actor.js';
import { ApiError, conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { loadClinicPatient, type PatientRow } from '../../shared/patient-access.js';
import { latestBodyMeasurement, type BodyMeasurementRow } from './body-measurements.queries.js';
import { storeBodyMeasurement } from './body-measurements.service.js';
import { doseRecord, doseRecords } from './dose-records.js';
import {
  countSessionsGiven,
  findDose,
  insertDoseRow,
  lastDoseWeightKg,
  listPatientDoseRows,
  type DoseRow,
} from './doses.queries.js';
import { clinicDosingContext, resolveProtocol } from './protocols.service.js';

/**
 * Doses: the server always recomputes from the inputs with the clinic's settings (computeDose) and never
 * stores a number the client sent. The clinician confirms the total mg they saw; if the server's result
 * differs (settings, protocol or the chart changed in between), the order is refused rather than silently
 * changed. A dose ready to administer is corrected by a new dose that amends it (status changes:
 * dose-status.service.ts).
 *
 * What belongs to the chart is read here, never taken from the request: sex at birth, age from the date
 * of birth, the latest dated body measurement (unless today's weight and height are entered), the
 * sessions of the protocol family given so far and the weight of the last dose (docs/dosing.md §2.1).
 */

const DAY_MS = 86_400_000;

/** The clinic's calendar date at `now` (YYYY-MM-DD), the day a patient's age is counted on. */
function clinicDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The chart's part of a calculation: the facts, and where the weight and height came from. */
interface ChartInputs {
  facts: ChartFacts;
  patient: DoseRequest['patient'];
  /** The stored measurement used, or an entry to store with the order. */
  measurement: { stored: BodyMeasurementRow } | { entered: { weightKg: number; heightCm: number } } | null;
}

async function chartInputs(
  db: Executor,
  actor: Actor,
  patient: PatientRow,
  protocol: Protocol,
  inputs: DoseInputs,
  timeZone: string,
  now: Date,
): Promise<ChartInputs> {
  const [sessionsGiven, lastWeight] = await Promise.all([
    countSessionsGiven(db, actor.clinicId, patient.id, {
      route: protocol.route,
      indication: protocol.indication,
    }),
    lastDoseWeightKg(db, actor.clinicId, patient.id),
  ]);
  const facts: ChartFacts = {
    sexAtBirth: patient.sexAtBirth,
    ageYears: ageInYears(patient.birthDate, clinicDate(now, timeZone)),
    sessionsGiven,
    lastDoseWeightKg: lastWeight,
    prescriberIsPhysician: actor.role === 'physician',
  };
  // `patient.sex` travels as text: the calculator checks it against the chart and refuses anything but
  // 'male' or 'female' when the chart cannot answer (a hard stop naming `patient.sex`).
  const sex = inputs.patient?.sex as Sex;
  // Intranasal doses are not weight-based: the calculator reads no patient body for them.
  if (protocol.route !== 'iv') return { facts, patient: undefined, measurement: null };
  const typed = inputs.patient;
  if (typed?.weight !== undefined || typed?.height !== undefined) {
    facts.measurement = { source: 'entered', id: null, measuredAt: now.toISOString(), ageDays: 0 };
    const entered =
      typed.weight && typed.height && typed.weight.unit === 'kg' && typed.height.unit === 'cm'
        ? { weightKg: typed.weight.value, heightCm: typed.height.value }
        : undefined;
    return {
      facts,
      patient: { weight: typed.weight!, height: typed.height!, sex },
      measurement: entered ? { entered } : null,
    };
  }
  const latest = await latestBodyMeasurement(db, actor.clinicId, patient.id);
  if (!latest) return { facts, patient: undefined, measurement: null };
  facts.measurement = {
    source: 'stored',
    id: latest.id,
    measuredAt: latest.measuredAt.toISOString(),
    ageDays: Math.max(0, (now.getTime() - latest.measuredAt.getTime()) / DAY_MS),
  };
  return {
    facts,
    patient: {
      weight: { value: latest.weightKg, unit: 'kg' },
      height: { value: latest.heightCm, unit: 'cm' },
      sex,
    },
    measurement: { stored: latest },
  };
}

/** The stored copy of the inputs: exactly what the calculator read, minus the protocol (stored apart). */
function storedInputs(inputs: DoseInputs) {
  const { protocol: _protocol, ...rest } = inputs;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

interface Computed {
  protocol: Protocol;
  settings: DosingSettings;
  dose: ComputedDose;
  warnings: DoseWarning[];
  measurement: ChartInputs['measurement'];
}

/** Hard stops are a 400 whose fields name the request field to change (body.patient.weight, …). */
async function compute(
  db: Executor,
  actor: Actor,
  patient: PatientRow,
  inputs: DoseInputs,
  now: Date,
): Promise<Computed> {
  const [protocol, clinic] = await Promise.all([
    resolveProtocol(db, actor.clinicId, inputs.protocol, 'body.protocol'),
    clinicDosingContext(db, actor.clinicId),
  ]);
  const settings = clinic.settings;
  const chart = await chartInputs(db, actor, patient, protocol, inputs, clinic.timeZone, now);
  const request: DoseRequest = {
    ...inputs,
    protocol,
    patient: chart.patient,
    chart: chart.facts,
  };
  const result = computeDose(request, settings);
  if (!result.ok) {
    throw new ApiError(
      400,
      'hard_stop',
      'The dose cannot be given as entered',
      result.hardStops.map((s) => ({ field: `body.${s.field}`, message: s.message })),
      {},
      { hardStops: result.hardStops, warnings: result.warnings },
    );
  }
  return { protocol, settings, dose: result.dose, warnings: result.warnings, measurement: chart.measurement };
}

/** A calculation without ordering: what the Dosing tab shows (with the curve) before confirming. */
export async function previewDose(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  inputs: DoseInputs,
): Promise<DosePreview> {
  const patient = await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const computed = await compute(deps.db, actor, patient, inputs, deps.now());
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'read',
    entity: 'dose.calculation',
    detail: { protocolId: computed.protocol.id, version: computed.protocol.version, stepId: inputs.stepId },
    outcome: 'success',
  });
  return {
    dose: computed.dose,
    warnings: computed.warnings,
    verificationRequired: computed.settings.verificationRequired,
  };
}

function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function doseChanged(dose: ComputedDose, reviewedMg: number): ApiError {
  return new ApiError(
    409,
    'dose_changed',
    `The dose is now ${dose.totalMg} mg, not the ${reviewedMg} mg you reviewed. Review it again before ordering.`,
    [],
    {},
    { dose },
  );
}

async function insertDose(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: DoseOrder,
  amends?: { doseId: string; reason: string },
): Promise<DoseRow> {
  return deps.db.transaction(async (tx) => {
    const patient = await loadClinicPatient(tx, actor.clinicId, patientId);
    if (!patient.active) throw conflict('This patient record is deactivated; reactivate it before ordering');
    const now = deps.now();
    const { protocol, settings, dose: computed, measurement } = await compute(tx, actor, patient, input, now);
    if (!sameAmount(computed.totalMg, input.confirmTotalMg))
      throw doseChanged(computed, input.confirmTotalMg);
    // Today's weight and height, entered with the order, become a dated measurement of the chart.
    const measurementId =
      measurement === null
        ? null
        : 'stored' in measurement
          ? measurement.stored.id
          : (
              await storeBodyMeasurement(
                tx,
                actor,
                patientId,
                { ...measurement.entered, measuredAt: now, source: 'dose-entry' },
                now,
              )
            ).id;
    const dose: ComputedDose =
      computed.route === 'iv' && computed.bodyMeasurement
        ? { ...computed, bodyMeasurement: { ...computed.bodyMeasurement, id: measurementId } }
        : computed;
    const iv = dose.route === 'iv' ? dose : undefined;
    const row = await insertDoseRow(tx, {
      clinicId: actor.clinicId,
      patientId,
      protocolOrigin: input.protocol.origin,
      protocolId: protocol.id,
      protocolVersion: protocol.version,
      stepId: input.stepId,
      protocolSnapshot: protocol,
      inputs: storedInputs(input),
      settings,
      weightBasis: iv?.weightBasis.basis ?? null,
      weightKg: iv?.patient.weightKg ?? null,
      weightUsedKg: iv?.weightBasis.weightUsedKg ?? null,
      heightCm: iv?.patient.heightCm ?? null,
      sex: iv?.patient.sex ?? null,
      totalMg: dose.totalMg,
      mgPerKg: iv?.mgPerKg ?? null,
      result: dose,
      status: 'ordered',
      verificationRequired: dose.verificationRequired,
      orderedBy: actor.userId,
      orderedAt: now,
      amendsDoseId: amends?.doseId ?? null,
      amendmentReason: amends?.reason ?? null,
      bodyMeasurementId: iv ? measurementId : null,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'create',
        entity: 'dose',
        entityId: row.id,
        detail: {
          protocolId: protocol.id,
          version: protocol.version,
          stepId: input.stepId,
          totalMg: dose.totalMg,
          mgPerKg: iv?.mgPerKg ?? null,
          weightBasis: iv?.weightBasis.basis ?? null,
          bodyMeasurementId: iv ? measurementId : null,
          warnings: dose.warnings.map((w) => w.code),
          ...(amends ? { amends: amends.doseId, reason: amends.reason } : {}),
        },
        outcome: 'success',
      },
    ]);
    return row;
  });
}

export async function orderDose(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: DoseOrder,
): Promise<DoseRecord> {
  const row = await insertDose(deps, actor, patientId, input);
  return doseRecord(deps.db, row);
}

/** A correction of a dose ready to administer: a new dose (ordered, verified again) that references it. */
export async function amendDose(
  deps: AppDeps,
  actor: Actor,
  doseId: string,
  input: DoseAmend,
): Promise<DoseRecord> {
  const original = await findDose(deps.db, actor.clinicId, doseId);
  if (!original) throw notFound('Dose');
  if (original.status !== 'ready_to_administer')
    throw conflict('Only a dose ready to administer is amended; cancel or verify this one instead');
  const { reason, ...order } = input;
  try {
    const row = await insertDose(deps, actor, original.patientId, order, { doseId, reason });
    return await doseRecord(deps.db, row);
  } catch (error) {
    const code =
      (error as { code?: string; cause?: { code?: string } })?.code ??
      (error as { cause?: { code?: string } })?.cause?.code;
    if (code === '23505') throw conflict('This dose has already been amended; amend the amendment instead');
    throw error;
  }
}

export async function listPatientDoses(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<PatientDoses> {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const rows = await listPatientDoseRows(deps.db, actor.clinicId, patientId, 200);
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'read',
    entity: 'dose',
    detail: { doses: rows.length },
    outcome: 'success',
  });
  return { items: await doseRecords(deps.db, rows) };
}

export async function readDose(deps: AppDeps, actor: Actor, id: string): Promise<DoseRecord> {
  const row = await findDose(deps.db, actor.clinicId, id);
  if (!row) return refuseMissingRecord(deps, actor, { entity: 'dose', id, label: 'Dose' });
  await deps.audit.record({
    ...auditActor(actor),
    patientId: row.patientId,
    action: 'read',
    entity: 'dose',
    entityId: id,
    outcome: 'success',
  });
  return doseRecord(deps.db, row);
}
