import { and, count, desc, eq } from 'drizzle-orm';
import { leadConcernLabels, type ConsultationRequest, type LeadStatus } from '../../../domain/site/lead.js';
import { leads } from '../../../db/schema-site.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { conflict, notFound } from '../../shared/api-error.js';
import type { Actor } from '../../http/define-route.js';
import { appendAudit } from '../../shared/audit.js';
import { auditActor } from '../../shared/actor.js';

type LeadRow = typeof leads.$inferSelect;

export function toLeadDto(row: LeadRow) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    contactPreference: row.contactPreference,
    concern: row.concern,
    message: row.message,
    selfCheck: row.selfCheck as { phq9Total: number; gad7Total: number; phq9Item9Positive: boolean } | null,
    status: row.status as LeadStatus,
    staffNote: row.staffNote,
    version: row.version,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type LeadDto = ReturnType<typeof toLeadDto>;

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
export async function createLead(
  deps: AppDeps,
  clinic: { id: string; name: string; crisis: { label: string; phone: string } },
  request: ConsultationRequest,
  clientIp: string,
): Promise<{ id: string }> {
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const [row] = await tx
      .insert(leads)
      .values({
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
      })
      .returning({ id: leads.id });
    await appendAudit(tx, [
      {
        clinicId: clinic.id,
        userLabel: 'public site',
        action: 'create',
        entity: 'lead',
        entityId: row!.id,
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
    return { id: row!.id };
  });
}

export async function listLeads(
  deps: AppDeps,
  actor: Actor,
  query: { status?: LeadStatus; limit: number; offset: number },
) {
  const where = query.status
    ? and(eq(leads.clinicId, actor.clinicId), eq(leads.status, query.status))
    : eq(leads.clinicId, actor.clinicId);
  const rows = await deps.db
    .select()
    .from(leads)
    .where(where)
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await deps.db.select({ n: count() }).from(leads).where(where);
  const [fresh] = await deps.db
    .select({ n: count() })
    .from(leads)
    .where(and(eq(leads.clinicId, actor.clinicId), eq(leads.status, 'new')));
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'lead',
    detail: { status: query.status ?? 'all', returned: rows.length, ids: rows.map((r) => r.id) },
    outcome: 'success',
  });
  return { items: rows.map(toLeadDto), total: total?.n ?? 0, newCount: fresh?.n ?? 0 };
}

export async function readLead(deps: AppDeps, actor: Actor, id: string): Promise<LeadDto> {
  const [row] = await deps.db
    .select()
    .from(leads)
    .where(and(eq(leads.id, id), eq(leads.clinicId, actor.clinicId)));
  if (!row) {
    await deps.audit.record({
      ...auditActor(actor),
      action: 'read',
      entity: 'lead',
      entityId: id,
      outcome: 'failure',
      detail: { reason: 'not-found-in-clinic' },
    });
    throw notFound('Enquiry');
  }
  await deps.audit.record({
    ...auditActor(actor),
    action: 'read',
    entity: 'lead',
    entityId: id,
    outcome: 'success',
  });
  return toLeadDto(row);
}

/** Status and note changes with optimistic concurrency, like patient edits; never a silent overwrite. */
export async function updateLead(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; status?: LeadStatus; staffNote?: string | null },
): Promise<LeadDto> {
  return deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(leads)
      .where(and(eq(leads.id, id), eq(leads.clinicId, actor.clinicId)))
      .for('update');
    if (!current) throw notFound('Enquiry');
    if (current.version !== input.version) {
      throw conflict(
        `This enquiry was changed by someone else (now version ${current.version}). Reload it.`,
        { currentVersion: current.version },
      );
    }
    const changes: Partial<LeadRow> = {};
    if (input.status !== undefined && input.status !== current.status) changes.status = input.status;
    if (input.staffNote !== undefined && input.staffNote !== current.staffNote)
      changes.staffNote = input.staffNote;
    if (Object.keys(changes).length === 0) return toLeadDto(current);
    const [row] = await tx
      .update(leads)
      .set({ ...changes, version: current.version + 1, updatedAt: deps.now(), updatedBy: actor.userId })
      .where(and(eq(leads.id, id), eq(leads.clinicId, actor.clinicId)))
      .returning();
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: changes.status ? 'status-change' : 'update',
        entity: 'lead',
        entityId: id,
        detail: {
          fields: Object.keys(changes),
          ...(changes.status ? { from: current.status, to: changes.status } : {}),
          toVersion: row!.version,
        },
        outcome: 'success',
      },
    ]);
    return toLeadDto(row!);
  });
}

export const concernLabel = (concern: string | null) =>
  concern ? ((leadConcernLabels as Record<string, string>)[concern] ?? concern) : null;
