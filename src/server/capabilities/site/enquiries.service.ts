import type {
  EnquiryList,
  Enquiry,
  EnquiryStatus,
  EnquiryUpdateRequest,
} from '../../../contracts/enquiries.js';
import type { ConsultationRequest } from '../../../domain/site/index.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { conflict, notFound } from '../../shared/api-error.js';
import { auditActor, refuseMissingRecord, type Actor } from '../../shared/actor.js';
import { appendAudit } from '../../shared/audit.js';
import {
  countEnquiries,
  findEnquiry,
  insertEnquiry,
  listEnquiryRows,
  updateEnquiryRow,
  type EnquiryRow,
} from './enquiries.queries.js';

/** The audit trail's entity name for an enquiry; stored in existing rows, so it stays as it is. */
const auditEntity = 'lead';

export function toEnquiry(row: EnquiryRow): Enquiry {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    contactPreference: row.contactPreference,
    concern: row.concern,
    message: row.message,
    selfCheck: row.selfCheck as Enquiry['selfCheck'],
    status: row.status as EnquiryStatus,
    staffNote: row.staffNote,
    patientId: row.patientId,
    version: row.version,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function confirmationEmail(
  clinicName: string,
  request: ConsultationRequest,
  crisis: { label: string; phone: string },
): string {
  // Deliberately repeats no health details: email is not a private channel.
  return [
    `Dear ${request.name},`,
    '',
    `Thank you for contacting ${clinicName}. We have received your request for a consultation and a member of our team will contact you by ${request.contactPreference} within one working day.`,
    '',
    `If you are in crisis or thinking about harming yourself, please do not wait for us: call ${crisis.phone} (${crisis.label}).`,
    '',
    'If you did not send this request, you can ignore this email.',
    '',
    clinicName,
  ].join('\n');
}

/**
 * Stores a consultation request, its audit entry and the confirmation email in one transaction,
 * so a request is never kept without its audit trail and never confirmed unless it was kept.
 */
export async function createEnquiry(
  deps: AppDeps,
  clinic: { id: string; name: string; crisis: { label: string; phone: string } },
  request: ConsultationRequest,
  clientIp: string,
): Promise<{ id: string }> {
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const { id } = await insertEnquiry(tx, {
      clinicId: clinic.id,
      name: request.name,
      email: request.email,
      phone: request.phone ?? null,
      contactPreference: request.contactPreference,
      concern: request.concern ?? null,
      message: request.message ?? null,
      selfCheck: request.selfCheck ?? null,
      consentAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await appendAudit(tx, [
      {
        clinicId: clinic.id,
        userLabel: 'public site',
        action: 'create',
        entity: auditEntity,
        entityId: id,
        detail: { source: 'site', selfCheckIncluded: Boolean(request.selfCheck) },
        outcome: 'success',
        clientIp,
      },
    ]);
    await deps.mailer.enqueue(tx, {
      clinicId: clinic.id,
      channel: 'email',
      to: request.email,
      subject: `We received your request – ${clinic.name}`,
      body: confirmationEmail(clinic.name, request, clinic.crisis),
    });
    return { id };
  });
}

export async function listEnquiries(
  deps: AppDeps,
  actor: Actor,
  query: { status?: EnquiryStatus | undefined; limit: number; offset: number },
): Promise<EnquiryList> {
  const rows = await listEnquiryRows(deps.db, actor.clinicId, query);
  const total = await countEnquiries(deps.db, actor.clinicId, query.status);
  const newCount = await countEnquiries(deps.db, actor.clinicId, 'new');
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: auditEntity,
    detail: { status: query.status ?? 'all', returned: rows.length, ids: rows.map((r) => r.id) },
    outcome: 'success',
  });
  return { items: rows.map(toEnquiry), total, newCount };
}

export async function readEnquiry(deps: AppDeps, actor: Actor, id: string): Promise<Enquiry> {
  const row = await findEnquiry(deps.db, actor.clinicId, id);
  if (!row) return refuseMissingRecord(deps, actor, { entity: auditEntity, id, label: 'Enquiry' });
  await deps.audit.record({
    ...auditActor(actor),
    action: 'read',
    entity: auditEntity,
    entityId: id,
    outcome: 'success',
  });
  return toEnquiry(row);
}

/** Status and note changes with optimistic concurrency, like patient edits; never a silent overwrite. */
export async function updateEnquiry(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: EnquiryUpdateRequest,
): Promise<Enquiry> {
  return deps.db.transaction(async (tx) => {
    const current = await findEnquiry(tx, actor.clinicId, id, { forUpdate: true });
    if (!current) throw notFound('Enquiry');
    if (current.version !== input.version) {
      throw conflict(
        `This enquiry was changed by someone else (now version ${current.version}). Reload it.`,
        { currentVersion: current.version },
      );
    }
    const changes: Partial<EnquiryRow> = {};
    if (input.status !== undefined && input.status !== current.status) {
      // A registered enquiry stays linked to its patient; only its note may change.
      if (current.patientId)
        throw conflict('This enquiry has been registered as a patient; its status stays.');
      changes.status = input.status;
    }
    if (input.staffNote !== undefined && input.staffNote !== current.staffNote)
      changes.staffNote = input.staffNote;
    if (Object.keys(changes).length === 0) return toEnquiry(current);
    const row = await updateEnquiryRow(tx, actor.clinicId, id, {
      ...changes,
      version: current.version + 1,
      updatedAt: deps.now(),
      updatedBy: actor.userId,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: changes.status ? 'status-change' : 'update',
        entity: auditEntity,
        entityId: id,
        detail: {
          fields: Object.keys(changes),
          ...(changes.status ? { from: current.status, to: changes.status } : {}),
          toVersion: row.version,
        },
        outcome: 'success',
      },
    ]);
    return toEnquiry(row);
  });
}
