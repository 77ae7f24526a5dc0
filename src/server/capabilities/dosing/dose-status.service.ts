import type { DoseRecord, DoseStatus } from '../../../contracts/dosing.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { ApiError, badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { doseRecord } from './dose-records.js';
import { findDose, updateDoseStatus, type DoseRow, type DoseStatusChange } from './doses.queries.js';

/**
 * Status: ordered → verified (a second clinician, never the orderer) → final, or cancelled with a
 * reason. When the dose's verificationRequired flag (copied from the clinic setting) is set, a dose
 * cannot become final unverified. Final and cancelled doses are frozen (database trigger).
 */

export type Transition = 'verify' | 'finalise' | 'cancel';

interface TransitionInput {
  reason?: string | undefined;
  note?: string | undefined;
}

/** The status a transition leads to and the columns it sets, or the reason it is refused. */
function nextStatus(
  dose: DoseRow,
  transition: Transition,
  actor: Actor,
  input: TransitionInput,
  now: Date,
): { next: DoseStatus; set: DoseStatusChange } {
  if (transition === 'verify') {
    if (dose.status !== 'ordered') throw conflict(`A ${dose.status} dose cannot be verified`);
    if (dose.orderedBy === actor.userId)
      throw new ApiError(
        403,
        'second_clinician_required',
        'A dose must be verified by a clinician other than the one who ordered it',
      );
    return { next: 'verified', set: { status: 'verified', verifiedBy: actor.userId, verifiedAt: now } };
  }
  if (transition === 'finalise') {
    if (dose.status === 'ordered' && dose.verificationRequired)
      throw conflict('This clinic requires a second clinician to verify the dose before it is final');
    if (dose.status !== 'ordered' && dose.status !== 'verified')
      throw conflict(`A ${dose.status} dose cannot be made final`);
    return { next: 'final', set: { status: 'final', finalisedBy: actor.userId, finalisedAt: now } };
  }
  if (dose.status !== 'ordered' && dose.status !== 'verified')
    throw conflict(`A ${dose.status} dose cannot be cancelled`);
  if (!input.reason) throw badRequest([{ field: 'body.reason', message: 'is required' }]);
  return {
    next: 'cancelled',
    set: { status: 'cancelled', cancelledBy: actor.userId, cancelledAt: now, cancelReason: input.reason },
  };
}

/** Moves a dose along ordered → verified → final (or to cancelled), under a row lock. */
export async function changeDoseStatus(
  deps: AppDeps,
  actor: Actor,
  id: string,
  transition: Transition,
  input: TransitionInput,
): Promise<DoseRecord> {
  const row = await deps.db
    .transaction(async (tx) => {
      const dose = await findDose(tx, actor.clinicId, id, { forUpdate: true });
      if (!dose) throw notFound('Dose');
      const { next, set } = nextStatus(dose, transition, actor, input, deps.now());
      const updated = await updateDoseStatus(tx, actor.clinicId, id, set);
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
      return updated;
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
  return doseRecord(deps.db, row);
}
