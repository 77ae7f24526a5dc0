import type { InstrumentDefinition } from '../../../domain/instruments/index.js';
import type {
  CreatedSelfReportLink,
  KioskStarted,
  SelfReportLink,
  SendLinkRequest,
  StartKioskRequest,
} from '../../../contracts/self-report.js';
import type { Tx } from '../../../db/client.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { badRequest, conflict, notFound } from '../../shared/api-error.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { appendAudit } from '../../shared/audit.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import {
  clinicMeasurementSettings,
  instrumentOr400,
  type ClinicMeasurementSettings,
} from './measurement-shared.js';
import {
  assertSelfRated,
  linkDto,
  linkOrigin,
  linkStatus,
  linkUrl,
  maskRecipient,
  newLinkToken,
} from './self-report-links.js';
import { insertLink, listPatientLinks, lockLink, markLinkRevoked } from './self-report.queries.js';

/** The staff side of self-report: send or hand over a link, list and cancel links, start kiosk mode. */

/** The message names the clinic and the questionnaire only: no patient name, no other PHI. */
function linkMessage(
  channel: 'email' | 'sms',
  def: InstrumentDefinition,
  settings: ClinicMeasurementSettings,
  url: string,
  expiresAt: Date,
): { subject?: string; body: string } {
  const clinicName = settings.site.displayName || settings.clinicName;
  const expires = `${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  if (channel === 'sms') {
    return {
      body: `${clinicName}: please fill in a short questionnaire (${def.shortTitle}): ${url} (works once, expires ${expires}).`,
    };
  }
  return {
    subject: `${clinicName}: a short questionnaire before your next visit`,
    body: `Hello,\n\n${clinicName} asks you to fill in a short questionnaire (${def.shortTitle}). It takes a few minutes:\n\n${url}\n\nThe link works once and expires on ${expires}. If you did not expect this message, you can ignore it.\n\nIf you are in crisis, call or text ${settings.crisisLine.phone} (${settings.crisisLine.label}).`,
  };
}

/**
 * Creates a single-use link and, for email or SMS, queues the message in the same transaction. With
 * channel 'copy' the link is returned once so staff can hand it over; it is never stored or shown again.
 */
export async function createSelfReportLink(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: SendLinkRequest,
  requestOrigin: string,
): Promise<CreatedSelfReportLink> {
  const def = instrumentOr400(input.instrumentId);
  assertSelfRated(def);
  return deps.db.transaction(async (tx) => {
    const patient = await loadClinicPatient(tx, actor.clinicId, patientId);
    if (!patient.active) throw conflict('This record is deactivated; reactivate it before sending');
    const to = input.channel === 'email' ? patient.email : input.channel === 'sms' ? patient.phone : null;
    if (input.channel !== 'copy' && !to) {
      throw badRequest([
        {
          field: 'body.channel',
          message: `the patient has no ${input.channel === 'email' ? 'email address' : 'phone number'} on file`,
        },
      ]);
    }
    const origin = linkOrigin(deps.publicUrl, input.channel, requestOrigin);
    const settings = await clinicMeasurementSettings(tx, actor.clinicId);
    const now = deps.now();
    const expiresAt = new Date(now.getTime() + settings.measurement.linkExpiryHours * 3_600_000);
    const { token, tokenHash } = newLinkToken();
    const row = await insertLink(tx, {
      clinicId: actor.clinicId,
      patientId,
      instrumentId: def.id,
      tokenHash,
      channel: input.channel,
      recipientHint: maskRecipient(input.channel, to),
      createdBy: actor.userId,
      createdAt: now,
      expiresAt,
    });
    const url = linkUrl(origin, token);
    if (to && input.channel !== 'copy') {
      const message = linkMessage(input.channel, def, settings, url, expiresAt);
      await deps.mailer.enqueue(tx, { clinicId: actor.clinicId, channel: input.channel, to, ...message });
    }
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'create',
        entity: 'selfreport.link',
        entityId: row.id,
        detail: { instrument: def.id, channel: input.channel, expiresAt: expiresAt.toISOString() },
        outcome: 'success',
      },
    ]);
    return { ...linkDto(row, now), ...(input.channel === 'copy' ? { url } : {}) };
  });
}

export async function listSelfReportLinks(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<{ items: SelfReportLink[] }> {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const rows = await listPatientLinks(deps.db, actor.clinicId, patientId);
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'query',
    entity: 'selfreport.link',
    detail: { returned: rows.length },
    outcome: 'success',
  });
  const now = deps.now();
  return { items: rows.map((r) => linkDto(r, now)) };
}

export async function revokeSelfReportLink(
  deps: AppDeps,
  actor: Actor,
  linkId: string,
): Promise<SelfReportLink> {
  return deps.db.transaction(async (tx) => {
    const row = await lockLink(tx, actor.clinicId, linkId);
    if (!row) throw notFound('Link');
    const now = deps.now();
    const status = linkStatus(row, now);
    if (status !== 'pending') throw conflict(`This link is already ${status}`);
    const updated = await markLinkRevoked(tx, actor.clinicId, linkId, { at: now, by: actor.userId });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId: row.patientId,
        action: 'status-change',
        entity: 'selfreport.link',
        entityId: linkId,
        detail: { to: 'revoked' },
        outcome: 'success',
      },
    ]);
    return linkDto(updated, now);
  });
}

/**
 * Kiosk mode: a short-lived link for the patient at the desk, opened on this device. The staff
 * session on the device ends first, so when the patient is done the tablet holds nothing but a
 * "hand back to staff" screen; staff sign in again to continue.
 */
export async function startKiosk(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: StartKioskRequest,
  endCurrentSession: (tx: Tx) => Promise<void>,
): Promise<KioskStarted> {
  const def = instrumentOr400(input.instrumentId);
  assertSelfRated(def);
  return deps.db.transaction(async (tx) => {
    const patient = await loadClinicPatient(tx, actor.clinicId, patientId);
    if (!patient.active)
      throw conflict('This record is deactivated; reactivate it before starting kiosk mode');
    const settings = await clinicMeasurementSettings(tx, actor.clinicId);
    const now = deps.now();
    const expiresAt = new Date(now.getTime() + settings.measurement.kioskExpiryMinutes * 60_000);
    const { token, tokenHash } = newLinkToken();
    const row = await insertLink(tx, {
      clinicId: actor.clinicId,
      patientId,
      instrumentId: def.id,
      tokenHash,
      channel: 'kiosk',
      createdBy: actor.userId,
      createdAt: now,
      expiresAt,
    });
    await endCurrentSession(tx);
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'create',
        entity: 'selfreport.kiosk',
        entityId: row.id,
        detail: { instrument: def.id, expiresAt: expiresAt.toISOString() },
        outcome: 'success',
      },
      {
        ...auditActor(actor),
        action: 'logout',
        entity: 'session',
        detail: { reason: 'kiosk-mode' },
        outcome: 'success',
      },
    ]);
    // Relative: the device opens it on the same origin it is already on.
    return { linkId: row.id, url: `/r/${token}`, expiresAt: expiresAt.toISOString() };
  });
}
