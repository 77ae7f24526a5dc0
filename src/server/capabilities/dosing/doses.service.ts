import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { doses, type DoseStatus } from '../../../db/schema-dosing.js';
import { patients, users } from '../../../db/schema.js';
import {
  computeDose,
  recomputeMgPerKg,
  type ComputedDose,
  type DoseRequest,
  type DoseWarning,
  type DosingSettings,
} from '../../../domain/dosing/index.js';
import type { Protocol } from '../../../domain/protocols/index.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { ApiError, badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { Actor } from '../../http/define-route.js';
import { appendAudit } from '../../shared/audit.js';
import { dosingSettingsOf, resolveProtocol, type ProtocolRef } from './protocols.service.js';
import { auditActor } from '../../shared/actor.js';

/**
 * Doses: the server always recomputes from the inputs with the clinic's settings (computeDose) and never
 * stores a number the client sent. The clinician confirms the total mg they saw; if the server's result
 * differs (settings or protocol changed in between), the order is refused rather than silently changed.
 *
 * Status: ordered → verified (a second clinician, never the orderer) → final, or cancelled with a
 * reason. When the dose's verificationRequired flag (copied from the clinic setting) is set, a dose
 * cannot become final unverified. Final and cancelled doses are frozen (database trigger); a correction
 * is a new dose that amends the final one.
 */

interface Quantity {
  value: number;
  unit: string;
}

export interface DoseInputs {
  protocol: ProtocolRef;
  stepId: string;
  patient?: { weight: Quantity; height: Quantity; sex: string } | undefined;
  preparation?: { vialConcentration: Quantity; bagVolume?: Quantity | undefined } | undefined;
  doseOverride?: Quantity | undefined;
  history?: { sessionsWithoutResponse: number } | undefined;
}

export interface OrderInput extends DoseInputs {
  /** The total mg the clinician saw before confirming; the order is refused if the server disagrees. */
  confirmTotalMg: number;
}

type DoseRow = typeof doses.$inferSelect;

async function loadPatient(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .select({ id: patients.id, sexAtBirth: patients.sexAtBirth, active: patients.active })
    .from(patients)
    .where(and(eq(patients.id, id), eq(patients.clinicId, clinicId)));
  if (!row) throw notFound('Patient');
  return row;
}

function requestOf(inputs: DoseInputs, protocol: Protocol): DoseRequest {
  return {
    protocol,
    stepId: inputs.stepId,
    ...(inputs.patient ? { patient: inputs.patient as DoseRequest['patient'] & object } : {}),
    ...(inputs.preparation
      ? {
          preparation: {
            vialConcentration: inputs.preparation.vialConcentration,
            ...(inputs.preparation.bagVolume ? { bagVolume: inputs.preparation.bagVolume } : {}),
          },
        }
      : {}),
    ...(inputs.doseOverride ? { doseOverride: inputs.doseOverride } : {}),
    ...(inputs.history ? { history: inputs.history } : {}),
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
  const result = computeDose(requestOf(inputs, protocol), settings);
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
export async function previewDose(deps: AppDeps, actor: Actor, patientId: string, inputs: DoseInputs) {
  await loadPatient(deps.db, actor.clinicId, patientId);
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

async function insertDose(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: OrderInput,
  amends?: { doseId: string; reason: string },
) {
  return deps.db.transaction(async (tx) => {
    const patient = await loadPatient(tx, actor.clinicId, patientId);
    if (!patient.active) throw conflict('This patient record is deactivated; reactivate it before ordering');
    const { protocol, settings, dose } = await compute(tx, actor.clinicId, input);
    if (!sameAmount(dose.totalMg, input.confirmTotalMg))
      throw new ApiError(
        409,
        'dose_changed',
        `The dose is now ${dose.totalMg} mg, not the ${input.confirmTotalMg} mg you reviewed. Review it again before ordering.`,
        [],
        {},
        { dose },
      );
    const iv = dose.route === 'iv' ? dose : undefined;
    const now = deps.now();
    const [row] = await tx
      .insert(doses)
      .values({
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
      })
      .returning();
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'create',
        entity: 'dose',
        entityId: row!.id,
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
    return row!;
  });
}

export async function orderDose(deps: AppDeps, actor: Actor, patientId: string, input: OrderInput) {
  const row = await insertDose(deps, actor, patientId, input);
  return (await doseDtos(deps.db, [row]))[0]!;
}

/** A correction of a final dose: a new dose (ordered, to be verified again) that references it. */
export async function amendDose(
  deps: AppDeps,
  actor: Actor,
  doseId: string,
  input: OrderInput & { reason: string },
) {
  const original = await loadDose(deps.db, actor.clinicId, doseId);
  if (original.status !== 'final')
    throw conflict('Only a final dose is amended; cancel or verify this one instead');
  const { reason, ...order } = input;
  try {
    const row = await insertDose(deps, actor, original.patientId, order, { doseId, reason });
    return (await doseDtos(deps.db, [row]))[0]!;
  } catch (error) {
    const code =
      (error as { code?: string; cause?: { code?: string } })?.code ??
      (error as { cause?: { code?: string } })?.cause?.code;
    if (code === '23505') throw conflict('This dose has already been amended; amend the amendment instead');
    throw error;
  }
}

async function loadDose(db: Executor, clinicId: string, id: string, forUpdate = false): Promise<DoseRow> {
  const query = db
    .select()
    .from(doses)
    .where(and(eq(doses.id, id), eq(doses.clinicId, clinicId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Dose');
  return row;
}

async function doseDtos(db: Executor, rows: DoseRow[]) {
  const ids = [
    ...new Set(
      rows
        .flatMap((r) => [r.orderedBy, r.verifiedBy, r.finalisedBy, r.cancelledBy])
        .filter((x): x is string => !!x),
    ),
  ];
  const names = new Map(
    ids.length === 0
      ? []
      : (
          await db
            .select({ id: users.id, label: users.displayName })
            .from(users)
            .where(inArray(users.id, ids))
        ).map((u) => [u.id, u.label]),
  );
  const who = (id: string | null, at: Date | null) =>
    id ? { id, label: names.get(id) ?? 'Unknown user', at: at?.toISOString() ?? null } : null;
  return rows.map((r) => {
    const result = r.result as ComputedDose;
    // Recomputed from the stored weight, height, sex and basis, never read back (docs/dosing.md §5).
    const recomputed =
      result.route === 'iv'
        ? { onBasisUsed: recomputeMgPerKg(result), onActualWeight: recomputeMgPerKg(result, 'actual') }
        : null;
    return {
      id: r.id,
      patientId: r.patientId,
      protocol: {
        origin: r.protocolOrigin,
        id: r.protocolId,
        version: r.protocolVersion,
        name: result.protocol.name,
      },
      stepId: r.stepId,
      status: r.status as DoseStatus,
      verificationRequired: r.verificationRequired,
      inputs: r.inputs,
      settings: r.settings,
      result,
      recomputed,
      ordered: who(r.orderedBy, r.orderedAt),
      verified: who(r.verifiedBy, r.verifiedAt),
      finalised: who(r.finalisedBy, r.finalisedAt),
      cancelled: r.cancelledBy ? { ...who(r.cancelledBy, r.cancelledAt)!, reason: r.cancelReason } : null,
      amends: r.amendsDoseId ? { doseId: r.amendsDoseId, reason: r.amendmentReason } : null,
    };
  });
}
export type DoseDto = Awaited<ReturnType<typeof doseDtos>>[number];

export async function listPatientDoses(deps: AppDeps, actor: Actor, patientId: string) {
  await loadPatient(deps.db, actor.clinicId, patientId);
  const rows = await deps.db
    .select()
    .from(doses)
    .where(and(eq(doses.clinicId, actor.clinicId), eq(doses.patientId, patientId)))
    .orderBy(desc(doses.orderedAt))
    .limit(200);
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'read',
    entity: 'dose',
    detail: { doses: rows.length },
    outcome: 'success',
  });
  return { items: await doseDtos(deps.db, rows) };
}

export async function readDose(deps: AppDeps, actor: Actor, id: string) {
  const row = await loadDose(deps.db, actor.clinicId, id).catch(async (error: unknown) => {
    await deps.audit.record({
      ...auditActor(actor),
      action: 'read',
      entity: 'dose',
      entityId: id,
      outcome: 'failure',
      detail: { reason: 'not-found-in-clinic' },
    });
    throw error;
  });
  await deps.audit.record({
    ...auditActor(actor),
    patientId: row.patientId,
    action: 'read',
    entity: 'dose',
    entityId: id,
    outcome: 'success',
  });
  return (await doseDtos(deps.db, [row]))[0]!;
}

type Transition = 'verify' | 'finalise' | 'cancel';

/** Moves a dose along ordered → verified → final (or to cancelled), under a row lock. */
export async function changeDoseStatus(
  deps: AppDeps,
  actor: Actor,
  id: string,
  transition: Transition,
  input: { reason?: string | undefined; note?: string | undefined },
) {
  const row = await deps.db
    .transaction(async (tx) => {
      const dose = await loadDose(tx, actor.clinicId, id, true);
      const now = deps.now();
      let next: DoseStatus;
      let set: Partial<DoseRow>;
      if (transition === 'verify') {
        if (dose.status !== 'ordered') throw conflict(`A ${dose.status} dose cannot be verified`);
        if (dose.orderedBy === actor.userId)
          throw new ApiError(
            403,
            'second_clinician_required',
            'A dose must be verified by a clinician other than the one who ordered it',
          );
        next = 'verified';
        set = { status: next, verifiedBy: actor.userId, verifiedAt: now };
      } else if (transition === 'finalise') {
        if (dose.status === 'ordered' && dose.verificationRequired)
          throw conflict('This clinic requires a second clinician to verify the dose before it is final');
        if (dose.status !== 'ordered' && dose.status !== 'verified')
          throw conflict(`A ${dose.status} dose cannot be made final`);
        next = 'final';
        set = { status: next, finalisedBy: actor.userId, finalisedAt: now };
      } else {
        if (dose.status !== 'ordered' && dose.status !== 'verified')
          throw conflict(`A ${dose.status} dose cannot be cancelled`);
        if (!input.reason) throw badRequest([{ field: 'body.reason', message: 'is required' }]);
        next = 'cancelled';
        set = { status: next, cancelledBy: actor.userId, cancelledAt: now, cancelReason: input.reason };
      }
      const [updated] = await tx
        .update(doses)
        .set(set)
        .where(and(eq(doses.id, id), eq(doses.clinicId, actor.clinicId)))
        .returning();
      await appendAudit(tx, [
        {
          ...auditActor(actor),
          patientId: dose.patientId,
          action: 'status-change',
          entity: 'dose',
          entityId: id,
          detail: {
            from: dose.status,
            to: next,
            ...(input.reason ? { reason: input.reason } : {}),
            ...(input.note ? { note: input.note } : {}),
            ...(transition === 'verify' ? { orderedBy: dose.orderedBy } : {}),
          },
          outcome: 'success',
        },
      ]);
      return updated!;
    })
    .catch(async (error: unknown) => {
      // A refused verification by the orderer is a security-relevant event: keep it in the trail.
      if (error instanceof ApiError && error.code === 'second_clinician_required')
        await deps.audit.record({
          ...auditActor(actor),
          action: 'status-change',
          entity: 'dose',
          entityId: id,
          detail: { to: 'verified', reason: 'orderer-cannot-verify' },
          outcome: 'failure',
        });
      throw error;
    });
  return (await doseDtos(deps.db, [row]))[0]!;
}
