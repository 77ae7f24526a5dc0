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
  type ComputedDose,
  type DoseRequest,
  type DoseWarning,
  type DosingSettings,
  type Sex,
} from '../../../domain/dosing/index.js';
import type { Protocol } from '../../../domain/protocols/index.js';
import { auditActor, refuseMissingRecord, type Actor } from '../../shared/actor.js';
import { ApiError, conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import { doseRecord, doseRecords } from './dose-records.js';
import { findDose, insertDoseRow, listPatientDoseRows, type DoseRow } from './doses.queries.js';
import { dosingSettingsOf, resolveProtocol } from './protocols.service.js';

/**
 * Doses: the server always recomputes from the inputs with the clinic's settings (computeDose) and never
 * stores a number the client sent. The clinician confirms the total mg they saw; if the server's result
 * differs (settings or protocol changed in between), the order is refused rather than silently changed.
 * A final dose is corrected by a new dose that amends it (status changes: dose-status.service.ts).
 */

/**
 * The calculator's request: the inputs exactly as parsed by the contract, with the protocol reference
 * resolved. `patient.sex` travels as text and the calculator itself refuses anything but 'male' or
 * 'female' (a hard stop naming `patient.sex`), so the text is handed over as it came.
 */
function doseRequest(inputs: DoseInputs, protocol: Protocol): DoseRequest {
  const { patient } = inputs;
  return {
    ...inputs,
    protocol,
    patient: patient ? { ...patient, sex: patient.sex as Sex } : undefined,
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
}

/** Hard stops are a 400 whose fields name the request field to change (body.patient.weight, …). */
async function compute(db: Executor, clinicId: string, inputs: DoseInputs): Promise<Computed> {
  const [protocol, settings] = await Promise.all([
    resolveProtocol(db, clinicId, inputs.protocol, 'body.protocol'),
    dosingSettingsOf(db, clinicId),
  ]);
  const result = computeDose(doseRequest(inputs, protocol), settings);
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
  return { protocol, settings, dose: result.dose, warnings: result.warnings };
}

/** A calculation without ordering: what the Dosing tab shows (with the curve) before confirming. */
export async function previewDose(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  inputs: DoseInputs,
): Promise<DosePreview> {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const computed = await compute(deps.db, actor.clinicId, inputs);
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
    const { protocol, settings, dose } = await compute(tx, actor.clinicId, input);
    if (!sameAmount(dose.totalMg, input.confirmTotalMg)) throw doseChanged(dose, input.confirmTotalMg);
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
      orderedAt: deps.now(),
      amendsDoseId: amends?.doseId ?? null,
      amendmentReason: amends?.reason ?? null,
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

/** A correction of a final dose: a new dose (ordered, to be verified again) that references it. */
export async function amendDose(
  deps: AppDeps,
  actor: Actor,
  doseId: string,
  input: DoseAmend,
): Promise<DoseRecord> {
  const original = await findDose(deps.db, actor.clinicId, doseId);
  if (!original) throw notFound('Dose');
  if (original.status !== 'final')
    throw conflict('Only a final dose is amended; cancel or verify this one instead');
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
