import type { DoseRecord, DoseStatus } from '../../../contracts/dosing.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { ApiError, badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { doseRecord } from './dose-records.js';
import { findDose, updateDoseStatus, type DoseRow, type DoseStatusChange } from './doses.queries.js';

/**
 * Status: ordered → verified (a second clinician, never the orderer) → ready to administer, or cancelled
 * with a reason. When the dose's verificationRequired flag (copied from the clinic setting) is set, a
 * dose cannot be marked ready unverified. Ready and cancelled doses are frozen (database trigger).
 * "Ready to administer" is not "given": 'administered' belongs to the infusion session and no
 * transition here sets it.
 */

export type Transition = 'verify' | 'mark-ready' | 'cancel';

interface TransitionInput {
  reason?: string | undefined;
  note?: string | undefined;
}

const statusText = (status: DoseStatus) => status.replace(/_/g, ' ');

/** The status a transition leads to and the columns it sets, or the reason it is refused. */
function nextStatus(
  dose: DoseRow,
  transition: Transition,
  actor: Actor,
  input: TransitionInput,
  now: Date,
): { next: DoseStatus; set: DoseStatusChange } {
  if (transition === 'verify') {
    if (dose.status !== 'ordered')
      throw conflict(`A dose that is ${statusText(dose.status)} cannot be verified`);
    if (dose.orderedBy === actor.userId)
      throw new ApiError(
        403,
        'second_clinician_required',
        'A dose must be verified by a clinician other than the one who ordered it',
      );
    return { next: 'verified', set: { status: 'verified', verifiedBy: actor.userId, verifiedAt: now } };
  }
  if (transition === 'mark-ready') {
    if (dose.status === 'ordered' && dose.verificationRequired)
      throw conflict(
        'This clinic requires a second clinician to verify the dose before it is ready to administer',
      );
    if (dose.status !== 'ordered' && dose.status !== 'verified')
      throw conflict(`A dose that is ${statusText(dose.status)} cannot be marked ready to administer`);
    return {
      next: 'ready_to_administer',
      set: { status: 'ready_to_administer', markedReadyBy: actor.userId, markedReadyAt: now },
    };
  }
  if (dose.status !== 'ordered' && dose.status !== 'verified')
    throw conflict(`A dose that is ${statusText(dose.status)} cannot be cancelled`);
  if (!input.reason) throw badRequest([{ field: 'body.reason', message: 'is required' }]);
  return {
    next: 'cancelled',
    set: { status: 'cancelled', cancelledBy: actor.userId, cancelledAt: now, cancelReason: input.reason },
  };
}

/** Moves a dose along ordered → verified → ready to administer (or to cancelled), under a row lock. */
export async function changeDoseStatus(
  deps: AppDeps,
  actor: Actor,
  id: string,
  transition: Transition,
  input: TransitionInput,
): Promise<DoseRecord> {
  const row = await deps.db.transaction(async (tx) => {
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
  });
  // A refused verification by the orderer (403 second_clinician_required) is audited once, with every
  // other refused staff request, by the route layer (src/server/shared/http/mount-routes.ts).
  return doseRecord(deps.db, row);
}
