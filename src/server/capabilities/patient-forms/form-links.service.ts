import type { CreatedFormLink, FormLink, FormLinkRequest } from '../../../contracts/patient-forms.js';
import type { Tx } from '../../../db/client.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { readStoredClinic } from '../../shared/clinic-settings.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import { linkOrigin, linkRecipient, maskRecipient, newLinkToken } from '../../shared/patient-links.js';
import { currentTemplateOf } from '../consent/index.js';
import { currentIntakeAnswers } from '../intake/index.js';
import { formLinkDto, formLinkMessage, formLinkStatus, formPath, formUrl } from './form-links.js';
import { formLinksOf, insertFormLink, lockFormLink, updateFormLink } from './patient-forms.queries.js';

/**
 * The staff side of patient form links: send or hand over a link to the intake or a consent form, open
 * one on this tablet (kiosk), list and cancel them. One use case per function, audit in its transaction.
 */

/** What the link is for must still be open: an intake not yet submitted, a consent form that exists. */
async function checkPurpose(tx: Tx, actor: Actor, patientId: string, request: FormLinkRequest) {
  if (request.purpose === 'intake') {
    if (request.consentTemplateCode)
      throw badRequest([{ field: 'body.consentTemplateCode', message: 'is only for a consent form link' }]);
    const current = await currentIntakeAnswers(tx, actor.clinicId, patientId);
    if (current && current.kind !== 'draft')
      throw conflict('The intake is already submitted; a change is an amendment in the chart');
    return;
  }
  if (!request.consentTemplateCode)
    throw badRequest([{ field: 'body.consentTemplateCode', message: 'names the consent form to sign' }]);
  if (!(await currentTemplateOf(tx, actor.clinicId, request.consentTemplateCode)))
    throw badRequest([
      { field: 'body.consentTemplateCode', message: 'is not a consent form of this clinic' },
    ]);
}

/**
 * Creates a single-use link; for email or SMS the message is queued in the same transaction. For 'copy'
 * the address is returned this once; for 'kiosk' the staff session on this device ends (the caller's
 * `endSession`) and the relative address is returned for the device to open.
 */
export async function createFormLink(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  request: FormLinkRequest,
  requestOrigin: string,
  endSession: (tx: Tx) => Promise<void>,
): Promise<CreatedFormLink> {
  return deps.db.transaction(async (tx) => {
    const patient = await loadClinicPatient(tx, actor.clinicId, patientId, { forUpdate: true });
    if (!patient.active) throw conflict('This record is deactivated; reactivate it before sending a form');
    await checkPurpose(tx, actor, patientId, request);
    const to = linkRecipient(request.channel, patient);
    const origin = linkOrigin(deps.publicUrl, request.channel, requestOrigin);
    const clinic = await readStoredClinic(tx, actor.clinicId);
    const settings = clinic!.settings.intake;
    const now = deps.now();
    const lifetimeMs =
      request.channel === 'kiosk'
        ? settings.formKioskMinutes * 60_000
        : settings.formLinkExpiryHours * 3_600_000;
    const expiresAt = new Date(now.getTime() + lifetimeMs);
    const { token, tokenHash } = newLinkToken();
    const row = await insertFormLink(tx, {
      clinicId: actor.clinicId,
      patientId,
      purpose: request.purpose,
      consentTemplateCode: request.consentTemplateCode ?? null,
      tokenHash,
      channel: request.channel,
      recipientHint: maskRecipient(request.channel, to),
      createdBy: actor.userId,
      createdAt: now,
      expiresAt,
    });
    const url = formUrl(origin, token);
    if (to && (request.channel === 'email' || request.channel === 'sms')) {
      const clinicName = clinic!.settings.site.displayName || clinic!.name;
      const message = formLinkMessage(request.channel, {
        clinicName,
        purpose: request.purpose,
        url,
        expiresAt,
      });
      await deps.mailer.enqueue(tx, { clinicId: actor.clinicId, channel: request.channel, to, ...message });
    }
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'create',
        entity: 'patient-form.link',
        entityId: row.id,
        detail: {
          purpose: request.purpose,
          form: request.consentTemplateCode ?? null,
          channel: request.channel,
          expiresAt: expiresAt.toISOString(),
        },
        outcome: 'success',
      },
    ]);
    if (request.channel === 'kiosk') {
      await endSession(tx);
      await appendAudit(tx, [
        {
          ...auditActor(actor),
          action: 'logout',
          entity: 'session',
          detail: { reason: 'kiosk-mode' },
          outcome: 'success',
        },
      ]);
      return { ...formLinkDto(row, now), url: formPath(token) };
    }
    return { ...formLinkDto(row, now), ...(request.channel === 'copy' ? { url } : {}) };
  });
}

export async function listFormLinks(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<{ items: FormLink[] }> {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const rows = await formLinksOf(deps.db, actor.clinicId, patientId);
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'query',
    entity: 'patient-form.link',
    detail: { returned: rows.length },
    outcome: 'success',
  });
  const now = deps.now();
  return { items: rows.map((r) => formLinkDto(r, now)) };
}

export async function revokeFormLink(deps: AppDeps, actor: Actor, linkId: string): Promise<FormLink> {
  return deps.db.transaction(async (tx) => {
    const row = await lockFormLink(tx, actor.clinicId, linkId);
    if (!row) throw notFound('Link');
    const now = deps.now();
    const status = formLinkStatus(row, now);
    if (status !== 'pending') throw conflict(`This link is already ${status}`);
    const updated = await updateFormLink(tx, row.id, { revokedAt: now, revokedBy: actor.userId });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId: row.patientId,
        action: 'status-change',
        entity: 'patient-form.link',
        entityId: row.id,
        detail: { to: 'revoked' },
        outcome: 'success',
      },
    ]);
    return formLinkDto(updated, now);
  });
}
