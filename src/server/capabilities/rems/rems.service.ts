import type { z } from 'zod';
import type {
  CertificationView,
  EnrolmentView,
  certificationBody,
  enrolmentBody,
} from '../../../contracts/rems.js';
import type { Executor } from '../../../db/client.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { badRequest } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import {
  certificationsOf,
  enrolmentsOf,
  insertCertification,
  insertEnrolment,
  userById,
} from './rems.queries.js';

/**
 * The SPRAVATO REMS status (docs/spravato-rems.md): the setting's certification and each patient's
 * enrolment, recorded as dated, attributed, append-only records; the latest record is the status.
 * Esketamine sessions and the screening rules read it through `remsStatusFor`.
 */

export interface RemsStatus {
  settingCertified: boolean;
  /** null: nothing recorded for the patient (the screening rule then asks for it). */
  patientEnrolled: boolean | null;
  setting: CertificationView['current'];
}

/** The setting's certification and the patient's enrolment as they stand. */
export async function remsStatusFor(
  db: Executor,
  clinicId: string,
  patientId: string | null,
): Promise<RemsStatus> {
  const [certification] = await certificationsOf(db, clinicId);
  const enrolment = patientId ? (await enrolmentsOf(db, clinicId, patientId))[0] : undefined;
  return {
    settingCertified: certification?.row.status === 'certified',
    patientEnrolled: enrolment ? enrolment.row.status === 'enrolled' : null,
    setting: certification ? certificationDto(certification) : null,
  };
}

const certificationDto = (c: Awaited<ReturnType<typeof certificationsOf>>[number]) => ({
  id: c.row.id,
  status: c.row.status as 'certified' | 'withdrawn',
  settingIdentifier: c.row.settingIdentifier,
  authorizedRepresentative: c.row.authorizedRepresentative,
  certifiedOn: c.row.certifiedOn,
  setting: c.row.setting as NonNullable<CertificationView['current']>['setting'],
  note: c.row.note,
  recordedBy: { id: c.row.recordedBy, label: c.by },
  recordedAt: c.row.recordedAt.toISOString(),
});

async function certificationView(db: Executor, clinicId: string): Promise<CertificationView> {
  const rows = await certificationsOf(db, clinicId);
  return {
    current: rows[0] ? certificationDto(rows[0]) : null,
    history: rows.map((r) => ({
      id: r.row.id,
      status: r.row.status,
      recordedAt: r.row.recordedAt.toISOString(),
      recordedBy: { id: r.row.recordedBy, label: r.by },
    })),
  };
}

export async function readCertification(deps: AppDeps, actor: Actor): Promise<CertificationView> {
  const view = await certificationView(deps.db, actor.clinicId);
  await deps.audit.record({
    ...auditActor(actor),
    action: 'read',
    entity: 'rems.certification',
    outcome: 'success',
  });
  return view;
}

export async function recordCertification(
  deps: AppDeps,
  actor: Actor,
  body: z.infer<typeof certificationBody>,
): Promise<CertificationView> {
  if (body.status === 'certified' && !body.certifiedOn)
    throw badRequest([{ field: 'body.certifiedOn', message: 'is required for a certified setting' }]);
  return deps.db.transaction(async (tx) => {
    const row = await insertCertification(tx, {
      clinicId: actor.clinicId,
      status: body.status,
      settingIdentifier: body.settingIdentifier ?? null,
      authorizedRepresentative: body.authorizedRepresentative,
      certifiedOn: body.certifiedOn ?? null,
      setting: body.setting,
      note: body.note ?? null,
      recordedBy: actor.userId,
      recordedAt: deps.now(),
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'create',
        entity: 'rems.certification',
        entityId: row.id,
        detail: { status: body.status, certifiedOn: body.certifiedOn ?? null },
        outcome: 'success',
      },
    ]);
    return certificationView(tx, actor.clinicId);
  });
}

async function enrolmentView(db: Executor, clinicId: string, patientId: string): Promise<EnrolmentView> {
  const rows = await enrolmentsOf(db, clinicId, patientId);
  const status = await remsStatusFor(db, clinicId, null);
  const latest = rows[0]?.row;
  const prescriber = latest?.prescriberId ? await userById(db, clinicId, latest.prescriberId) : undefined;
  return {
    status: latest ? (latest.status as 'enrolled' | 'not_enrolled') : 'unknown',
    enrolledOn: latest?.enrolledOn ?? null,
    remsPatientId: latest?.remsPatientId ?? null,
    prescriber: prescriber ? { id: prescriber.id, label: prescriber.label } : null,
    settingCertified: status.settingCertified,
    history: rows.map((r) => ({
      id: r.row.id,
      status: r.row.status,
      enrolledOn: r.row.enrolledOn,
      recordedAt: r.row.recordedAt.toISOString(),
      recordedBy: { id: r.row.recordedBy, label: r.by },
    })),
  };
}

export async function readEnrolment(deps: AppDeps, actor: Actor, patientId: string): Promise<EnrolmentView> {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const view = await enrolmentView(deps.db, actor.clinicId, patientId);
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'read',
    entity: 'rems.enrolment',
    detail: { status: view.status },
    outcome: 'success',
  });
  return view;
}

export async function recordEnrolment(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  body: z.infer<typeof enrolmentBody>,
): Promise<EnrolmentView> {
  if (body.status === 'enrolled' && !body.enrolledOn)
    throw badRequest([{ field: 'body.enrolledOn', message: 'is required for an enrolled patient' }]);
  if (body.enrolledOn && body.enrolledOn > deps.now().toISOString().slice(0, 10))
    throw badRequest([{ field: 'body.enrolledOn', message: 'cannot be in the future' }]);
  return deps.db.transaction(async (tx) => {
    await loadClinicPatient(tx, actor.clinicId, patientId, { forUpdate: true });
    if (body.prescriberId) {
      const prescriber = await userById(tx, actor.clinicId, body.prescriberId);
      if (!prescriber || prescriber.role !== 'physician')
        throw badRequest([{ field: 'body.prescriberId', message: 'must be a physician of this clinic' }]);
    }
    const row = await insertEnrolment(tx, {
      clinicId: actor.clinicId,
      patientId,
      status: body.status,
      enrolledOn: body.enrolledOn ?? null,
      remsPatientId: body.remsPatientId ?? null,
      prescriberId: body.prescriberId ?? null,
      note: body.note ?? null,
      recordedBy: actor.userId,
      recordedAt: deps.now(),
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'create',
        entity: 'rems.enrolment',
        entityId: row.id,
        detail: { status: body.status, enrolledOn: body.enrolledOn ?? null },
        outcome: 'success',
      },
    ]);
    return enrolmentView(tx, actor.clinicId, patientId);
  });
}
