import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { InstrumentDefinition } from '../../../domain/instruments/types.js';
import { showCrisisResources } from '../../../domain/measurement/index.js';
import { selfReportLinks } from '../../../db/schema-mbc.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { ApiError, badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { Actor } from '../../http/define-route.js';
import { appendAudit } from '../../shared/audit.js';
import {
  clinicMeasurementSettings,
  instrumentOr400,
  loadClinicPatient,
  scoreOr400,
  storeScoredResponse,
  type AnswerMap,
} from './assessments.service.js';
import { hashToken } from '../../shared/session.js';
import { assertNotThrottled, recordFailure, type ThrottlePolicy } from '../../shared/throttle.js';
import { auditActor } from '../../shared/actor.js';

export type LinkChannel = 'email' | 'sms' | 'copy' | 'kiosk';

/**
 * Unknown tokens count against the caller's address so nobody can scan for live links; a real but
 * used or expired link does not (that is a patient clicking an old message). 20 misses in 15 minutes
 * lock the address for 15 minutes (ASVS 6.1.1, 2.4.1).
 */
export const selfReportThrottle: ThrottlePolicy = { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 };
const throttleKey = (ip: string) => `selfreport:ip:${ip}`;

/** 256 bits from the CSPRNG (ASVS 7.2.3, 11.5.1: ≥ 128 bits); only the SHA-256 is stored. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function maskRecipient(channel: LinkChannel, to: string | null): string | null {
  if (!to) return null;
  if (channel === 'email') {
    const [local = '', domain = ''] = to.split('@');
    return `${local.slice(0, 1)}•••@${domain}`;
  }
  if (channel === 'sms') return `•••• ${to.replace(/\D/g, '').slice(-4)}`;
  return null;
}

/** Links are offered for self-rated instruments only; clinician-rated scales are entered by staff. */
function selfRated(def: InstrumentDefinition): void {
  if (def.rater !== 'self') {
    throw badRequest([
      {
        field: 'body.instrumentId',
        message: `${def.shortTitle} is rated by a clinician; enter it in the chart instead`,
      },
    ]);
  }
}

function linkStatus(row: typeof selfReportLinks.$inferSelect, now: Date) {
  if (row.usedAt) return 'used' as const;
  if (row.revokedAt) return 'revoked' as const;
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired' as const;
  return 'pending' as const;
}

function linkDto(row: typeof selfReportLinks.$inferSelect, now: Date) {
  return {
    id: row.id,
    patientId: row.patientId,
    instrumentId: row.instrumentId,
    channel: row.channel,
    recipientHint: row.recipientHint,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    openedAt: row.openedAt?.toISOString() ?? null,
    usedAt: row.usedAt?.toISOString() ?? null,
    responseId: row.responseId,
    status: linkStatus(row, now),
  };
}

/** The address the patient opens; a configured public origin wins over the request's own. */
export function linkUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/r/${token}`;
}

/**
 * Creates a single-use link and, for email or SMS, queues the message in the same transaction. The
 * message names the clinic and the questionnaire only: no patient name, no other PHI. With channel
 * 'copy' the link is returned once so staff can hand it over; it is never stored or shown again.
 */
export async function createSelfReportLink(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: { instrumentId: string; channel: 'email' | 'sms' | 'copy' },
  requestOrigin: string,
) {
  const def = instrumentOr400(input.instrumentId);
  selfRated(def);
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
    const settings = await clinicMeasurementSettings(tx, actor.clinicId);
    const now = deps.now();
    const expiresAt = new Date(now.getTime() + settings.measurement.linkExpiryHours * 3_600_000);
    const { token, tokenHash } = newLinkToken();
    const [row] = await tx
      .insert(selfReportLinks)
      .values({
        clinicId: actor.clinicId,
        patientId,
        instrumentId: def.id,
        tokenHash,
        channel: input.channel,
        recipientHint: maskRecipient(input.channel, to),
        createdBy: actor.userId,
        createdAt: now,
        expiresAt,
      })
      .returning();
    const url = linkUrl(settings.site.publicUrl || requestOrigin, token);
    const clinicName = settings.site.displayName || settings.clinicName;
    if (to && (input.channel === 'email' || input.channel === 'sms')) {
      const expires = `${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
      await deps.mailer.enqueue(tx, {
        clinicId: actor.clinicId,
        channel: input.channel,
        to,
        subject:
          input.channel === 'email'
            ? `${clinicName}: a short questionnaire before your next visit`
            : undefined,
        body:
          input.channel === 'email'
            ? `Hello,\n\n${clinicName} asks you to fill in a short questionnaire (${def.shortTitle}). It takes a few minutes:\n\n${url}\n\nThe link works once and expires on ${expires}. If you did not expect this message, you can ignore it.\n\nIf you are in crisis, call or text ${settings.crisisLine.phone} (${settings.crisisLine.label}).`
            : `${clinicName}: please fill in a short questionnaire (${def.shortTitle}): ${url} (works once, expires ${expires}).`,
      });
    }
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'create',
        entity: 'selfreport.link',
        entityId: row!.id,
        detail: { instrument: def.id, channel: input.channel, expiresAt: expiresAt.toISOString() },
        outcome: 'success',
      },
    ]);
    return { ...linkDto(row!, now), ...(input.channel === 'copy' ? { url } : {}) };
  });
}

export async function listSelfReportLinks(deps: AppDeps, actor: Actor, patientId: string) {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const rows = await deps.db
    .select()
    .from(selfReportLinks)
    .where(and(eq(selfReportLinks.clinicId, actor.clinicId), eq(selfReportLinks.patientId, patientId)))
    .orderBy(desc(selfReportLinks.createdAt))
    .limit(100);
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

export async function revokeSelfReportLink(deps: AppDeps, actor: Actor, linkId: string) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(selfReportLinks)
      .where(and(eq(selfReportLinks.id, linkId), eq(selfReportLinks.clinicId, actor.clinicId)))
      .for('update');
    if (!row) throw notFound('Link');
    const now = deps.now();
    if (linkStatus(row, now) !== 'pending') throw conflict(`This link is already ${linkStatus(row, now)}`);
    const [updated] = await tx
      .update(selfReportLinks)
      .set({ revokedAt: now, revokedBy: actor.userId })
      .where(and(eq(selfReportLinks.id, linkId), eq(selfReportLinks.clinicId, actor.clinicId)))
      .returning();
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
    return linkDto(updated!, now);
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
  input: { instrumentId: string },
  endCurrentSession: (tx: Parameters<Parameters<AppDeps['db']['transaction']>[0]>[0]) => Promise<void>,
) {
  const def = instrumentOr400(input.instrumentId);
  selfRated(def);
  return deps.db.transaction(async (tx) => {
    const patient = await loadClinicPatient(tx, actor.clinicId, patientId);
    if (!patient.active)
      throw conflict('This record is deactivated; reactivate it before starting kiosk mode');
    const settings = await clinicMeasurementSettings(tx, actor.clinicId);
    const now = deps.now();
    const expiresAt = new Date(now.getTime() + settings.measurement.kioskExpiryMinutes * 60_000);
    const { token, tokenHash } = newLinkToken();
    const [row] = await tx
      .insert(selfReportLinks)
      .values({
        clinicId: actor.clinicId,
        patientId,
        instrumentId: def.id,
        tokenHash,
        channel: 'kiosk',
        createdBy: actor.userId,
        createdAt: now,
        expiresAt,
      })
      .returning();
    await endCurrentSession(tx);
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'create',
        entity: 'selfreport.kiosk',
        entityId: row!.id,
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
    return { linkId: row!.id, url: `/r/${token}`, expiresAt: expiresAt.toISOString() };
  });
}

export type OpenedLink =
  | {
      state: 'open';
      linkId: string;
      kiosk: boolean;
      def: InstrumentDefinition;
      clinicName: string;
      expiresAt: Date;
      crisisLine: Awaited<ReturnType<typeof clinicMeasurementSettings>>['crisisLine'];
    }
  | {
      state: 'used' | 'expired' | 'revoked';
      kiosk: boolean;
      clinicName: string;
      crisisLine: Awaited<ReturnType<typeof clinicMeasurementSettings>>['crisisLine'];
    }
  | { state: 'unknown' };

/** Looks a token up for the public page; unknown tokens count against the caller's address. */
export async function openSelfReportLink(
  deps: AppDeps,
  token: string,
  clientIp: string,
  markOpened: boolean,
): Promise<OpenedLink> {
  const now = deps.now();
  await assertNotThrottled(deps.db, [throttleKey(clientIp)], now);
  const [row] = tokenPattern.test(token)
    ? await deps.db
        .select()
        .from(selfReportLinks)
        .where(eq(selfReportLinks.tokenHash, hashToken(token)))
    : [];
  if (!row) {
    await recordFailure(deps.db, throttleKey(clientIp), selfReportThrottle, now);
    await deps.audit.record({
      action: 'access-denied',
      entity: 'selfreport.link',
      detail: { reason: 'unknown-token' },
      outcome: 'failure',
      clientIp,
    });
    return { state: 'unknown' };
  }
  const settings = await clinicMeasurementSettings(deps.db, row.clinicId);
  const clinicName = settings.site.displayName || settings.clinicName;
  const status = linkStatus(row, now);
  const kiosk = row.channel === 'kiosk';
  if (status !== 'pending') return { state: status, kiosk, clinicName, crisisLine: settings.crisisLine };
  if (markOpened && !row.openedAt) {
    await deps.db.update(selfReportLinks).set({ openedAt: now }).where(eq(selfReportLinks.id, row.id));
  }
  return {
    state: 'open',
    linkId: row.id,
    kiosk,
    def: instrumentOr400(row.instrumentId),
    clinicName,
    expiresAt: row.expiresAt,
    crisisLine: settings.crisisLine,
  };
}

export type SubmitOutcome =
  | { ok: true; crisis: boolean; kiosk: boolean }
  | { ok: false; errors: Record<string, string>; answers: AnswerMap };

/**
 * The patient's submission: the link is locked, checked, scored and used in one transaction, so a
 * double submit stores one response. A validation problem returns the answers for the form again.
 */
export async function submitSelfReport(
  deps: AppDeps,
  token: string,
  answers: AnswerMap,
  clientIp: string,
): Promise<SubmitOutcome> {
  const now = deps.now();
  await assertNotThrottled(deps.db, [throttleKey(clientIp)], now);
  if (!tokenPattern.test(token)) throw new ApiError(404, 'not_found', 'Link not found');
  return deps.db.transaction(async (tx) => {
    const [link] = await tx
      .select()
      .from(selfReportLinks)
      .where(eq(selfReportLinks.tokenHash, hashToken(token)))
      .for('update');
    if (!link) throw new ApiError(404, 'not_found', 'Link not found');
    const status = linkStatus(link, now);
    if (status !== 'pending') throw new ApiError(409, `link_${status}`, `This link is ${status}`);
    const def = instrumentOr400(link.instrumentId);
    const { measurement } = await clinicMeasurementSettings(tx, link.clinicId);
    let result;
    try {
      result = scoreOr400(def, answers, measurement, 'answers');
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        return {
          ok: false as const,
          errors: Object.fromEntries(
            error.fields.map((f) => [f.field.replace(/^answers\.?/, '') || '_form', f.message]),
          ),
          answers,
        };
      }
      throw error;
    }
    const kiosk = link.channel === 'kiosk';
    const stored = await storeScoredResponse(tx, {
      clinicId: link.clinicId,
      patientId: link.patientId,
      def,
      answers,
      result,
      source: kiosk ? 'kiosk' : 'self-report',
      administeredAt: now,
      recordedAt: now,
      recordedBy: null,
      linkId: link.id,
      fallbackClinicianId: link.createdBy,
    });
    await tx
      .update(selfReportLinks)
      .set({ usedAt: now, responseId: stored.responseId })
      .where(eq(selfReportLinks.id, link.id));
    await appendAudit(tx, [
      {
        clinicId: link.clinicId,
        patientId: link.patientId,
        userLabel: kiosk ? 'patient (kiosk)' : 'patient (self-report link)',
        action: 'create',
        entity: 'assessment.response',
        entityId: stored.responseId,
        detail: {
          instrument: def.id,
          source: kiosk ? 'kiosk' : 'self-report',
          link: link.id,
          alerts: stored.alertIds.length,
        },
        outcome: 'success',
        clientIp,
      },
    ]);
    return { ok: true as const, crisis: showCrisisResources(result), kiosk };
  });
}
