import { auditActor, type Actor } from '../../shared/actor.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import { setReminderOptOut } from './scheduling.queries.js';

/** A patient who asked not to be reminded gets no reminder by any channel until they opt back in. */
export async function setPatientReminderOptOut(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  optedOut: boolean,
) {
  return deps.db.transaction(async (tx) => {
    await loadClinicPatient(tx, actor.clinicId, patientId);
    await setReminderOptOut(tx, { clinicId: actor.clinicId, patientId, optedOut, updatedBy: actor.userId });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'update',
        entity: 'patient.reminder-preference',
        detail: { optedOut },
        outcome: 'success',
      },
    ]);
    return { ok: true as const };
  });
}
