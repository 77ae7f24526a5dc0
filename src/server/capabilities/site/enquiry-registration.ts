import type { Executor } from '../../../db/client.js';
import { can } from '../../../domain/auth/index.js';
import { getInstrument } from '../../../domain/instruments/index.js';
import { selfCheckScore, type StoredSelfCheck } from '../../../domain/site/index.js';
import { auditActor, refuseMissingRecord, type Actor } from '../../shared/actor.js';
import { ApiError, conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { storeScoredResponse } from '../measurement/index.js';
import { findEnquiry, updateEnquiryRow } from './enquiries.queries.js';

const auditEntity = 'lead';

/**
 * Before registering a patient from an enquiry: the caller's role must also read enquiries, and the
 * enquiry must be the clinic's and not registered already. Each refusal leaves an audit row.
 */
export async function assertEnquiryRegistrable(
  deps: AppDeps,
  actor: Actor,
  enquiryId: string,
): Promise<void> {
  if (!can(actor.role, 'enquiry.read')) {
    await deps.audit.record({
      ...auditActor(actor),
      action: 'access-denied',
      entity: auditEntity,
      entityId: enquiryId,
      outcome: 'failure',
      detail: { reason: 'role-may-not-read-enquiries' },
    });
    throw new ApiError(403, 'forbidden', 'Your role may not read enquiries', [
      { field: 'body.fromEnquiryId', message: 'your role may not read enquiries' },
    ]);
  }
  const row = await findEnquiry(deps.db, actor.clinicId, enquiryId);
  if (!row) return refuseMissingRecord(deps, actor, { entity: auditEntity, id: enquiryId, label: 'Enquiry' });
  if (row.patientId)
    throw conflict('This enquiry has already been registered as a patient.', { patientId: row.patientId });
}

/**
 * Links the enquiry to the patient just registered from it (status 'registered', audited) and carries
 * the self-check totals the person chose to send into the chart as self-reported scores, so a positive
 * PHQ-9 item 9 raises the usual safety alert. Runs in the registration's transaction.
 */
export async function linkEnquiryToPatient(
  tx: Executor,
  actor: Actor,
  input: { enquiryId: string; patientId: string; now: Date },
): Promise<void> {
  const current = await findEnquiry(tx, actor.clinicId, input.enquiryId, { forUpdate: true });
  if (!current) throw notFound('Enquiry');
  if (current.patientId) throw conflict('This enquiry has already been registered as a patient.');
  const row = await updateEnquiryRow(tx, actor.clinicId, input.enquiryId, {
    status: 'registered',
    patientId: input.patientId,
    version: current.version + 1,
    updatedAt: input.now,
    updatedBy: actor.userId,
  });
  const carried: string[] = [];
  const selfCheck = current.selfCheck as StoredSelfCheck | null;
  if (selfCheck) {
    const scores: [string, number, boolean][] = [
      ['phq9', selfCheck.phq9Total, selfCheck.phq9Item9Positive],
      ['gad7', selfCheck.gad7Total, false],
    ];
    for (const [id, total, item9Positive] of scores) {
      const def = getInstrument(id);
      if (!def) continue;
      await storeScoredResponse(tx, {
        clinicId: actor.clinicId,
        patientId: input.patientId,
        def,
        answers: {},
        result: selfCheckScore(def, total, { item9Positive }),
        source: 'self-report',
        administeredAt: current.createdAt,
        recordedAt: input.now,
        recordedBy: actor.userId,
        fallbackClinicianId: actor.userId,
      });
      carried.push(id);
    }
  }
  await appendAudit(tx, [
    {
      ...auditActor(actor),
      patientId: input.patientId,
      action: 'status-change',
      entity: auditEntity,
      entityId: input.enquiryId,
      detail: {
        from: current.status,
        to: 'registered',
        patientId: input.patientId,
        toVersion: row.version,
        carried,
      },
      outcome: 'success',
    },
  ]);
}
