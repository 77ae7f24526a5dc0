import type { CrisisLine } from '../../../domain/clinic/index.js';
import type { InstrumentDefinition, ScoreError } from '../../../domain/instruments/index.js';
import { showCrisisResources } from '../../../domain/measurement/index.js';
import type { LinkStatus } from '../../../contracts/self-report.js';
import type { Executor } from '../../../db/client.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit, type AuditEvent } from '../../shared/audit.js';
import { hashToken } from '../../shared/session.js';
import { assertNotThrottled, recordFailure } from '../../shared/throttle.js';
import {
  clinicMeasurementSettings,
  instrumentOr400,
  scoreAnswers,
  type AnswerMap,
  type ClinicMeasurementSettings,
} from './measurement-shared.js';
import { linkStatus, selfReportThrottle, throttleKey, tokenPattern } from './self-report-links.js';
import {
  findLinkByTokenHash,
  lockLinkByTokenHash,
  markLinkOpened,
  markLinkUsed,
  type LinkRow,
} from './self-report.queries.js';
import { storeScoredResponse } from './store-response.js';

/**
 * The patient's side of self-report: the questionnaire page behind a single-use link and its
 * submission. The token is the only credential, so every unknown token counts against the
 * caller's address (see selfReportThrottle).
 */

/** What every patient page shows around its content. */
interface PageFrame {
  clinicName: string;
  crisisLine: CrisisLine;
  kiosk: boolean;
}

type SpentLink = { state: Exclude<LinkStatus, 'pending'> } & PageFrame;

export type OpenedLink =
  | ({ state: 'open'; linkId: string; def: InstrumentDefinition; expiresAt: Date } & PageFrame)
  | SpentLink
  | { state: 'unknown' };

const unknownTokenEvent = (clientIp: string): AuditEvent => ({
  action: 'access-denied',
  entity: 'selfreport.link',
  detail: { reason: 'unknown-token' },
  outcome: 'failure',
  clientIp,
});

/**
 * The patient-facing actor of a link's audit rows: no staff user, so the label names the link (never
 * its token), and the row carries the caller's address.
 */
const patientLabel = (link: LinkRow) =>
  `patient (${link.channel === 'kiosk' ? 'kiosk' : 'self-report'} link ${link.id})`;

/** Opening a link's page: who (the link), which patient, whether it could be used. */
const linkOpenedEvent = (link: LinkRow, state: LinkStatus, clientIp: string): AuditEvent => ({
  clinicId: link.clinicId,
  patientId: link.patientId,
  userLabel: patientLabel(link),
  action: 'read',
  entity: 'selfreport.link',
  entityId: link.id,
  detail: { state: state === 'pending' ? 'open' : state, instrument: link.instrumentId },
  outcome: state === 'pending' ? 'success' : 'failure',
  clientIp,
});

async function frameOf(
  db: Executor,
  link: LinkRow,
): Promise<PageFrame & { settings: ClinicMeasurementSettings }> {
  const settings = await clinicMeasurementSettings(db, link.clinicId);
  return {
    clinicName: settings.site.displayName || settings.clinicName,
    crisisLine: settings.crisisLine,
    kiosk: link.channel === 'kiosk',
    settings,
  };
}

/** Looks a token up for the questionnaire page and marks the link opened; unknown tokens count against the caller. */
export async function openSelfReportLink(
  deps: AppDeps,
  token: string,
  clientIp: string,
): Promise<OpenedLink> {
  const now = deps.now();
  await assertNotThrottled(deps.db, [throttleKey(clientIp)], now);
  const link = tokenPattern.test(token) ? await findLinkByTokenHash(deps.db, hashToken(token)) : undefined;
  if (!link) {
    await recordFailure(deps.db, throttleKey(clientIp), selfReportThrottle, now);
    await deps.audit.record(unknownTokenEvent(clientIp));
    return { state: 'unknown' };
  }
  const { settings: _settings, ...frame } = await frameOf(deps.db, link);
  const status = linkStatus(link, now);
  await deps.audit.record(linkOpenedEvent(link, status, clientIp));
  if (status !== 'pending') return { state: status, ...frame };
  if (!link.openedAt) await markLinkOpened(deps.db, link.id, now);
  return {
    state: 'open',
    linkId: link.id,
    def: instrumentOr400(link.instrumentId),
    expiresAt: link.expiresAt,
    ...frame,
  };
}

/**
 * The submitted form as the route read it: a way to read the answers to the items the link's
 * questionnaire asks, or why the body was refused before anything was read from it.
 */
export type SubmittedForm =
  | { kind: 'form'; answersFor: (itemIds: readonly string[]) => AnswerMap }
  | { kind: 'refused'; reason: 'too-large' | 'not-a-form' };

export type SubmitOutcome =
  | { state: 'unknown' }
  | SpentLink
  | { state: 'refused'; reason: 'too-large' | 'not-a-form'; clinicName: string }
  | ({
      state: 'invalid';
      def: InstrumentDefinition;
      expiresAt: Date;
      answers: AnswerMap;
      /** Problems by item id ('_form' for the whole form): the page names the question. */
      errors: Record<string, string>;
    } & PageFrame)
  | ({ state: 'done'; crisis: boolean } & PageFrame);

/** The items the page asks up front (the ones asked only after another answer come with it). */
const askedItemIds = (def: InstrumentDefinition) => def.items.filter((i) => !i.enableWhen).map((i) => i.id);

const errorsByItem = (errors: ScoreError[]) =>
  Object.fromEntries(errors.map((e) => [e.item || '_form', e.message]));

/**
 * The patient's submission, one use case in one transaction: one throttle check, then the link is
 * looked up once and locked, checked, the answers scored and stored with their observation, any
 * safety alert raised, the link used up and the audit rows written, so a double submit stores one
 * response and a response never exists without its alert. An unknown token counts one failure.
 */
export async function submitSelfReport(
  deps: AppDeps,
  input: { token: string; clientIp: string; form: SubmittedForm },
): Promise<SubmitOutcome> {
  const now = deps.now();
  await assertNotThrottled(deps.db, [throttleKey(input.clientIp)], now);
  return deps.db.transaction(async (tx): Promise<SubmitOutcome> => {
    const link = tokenPattern.test(input.token)
      ? await lockLinkByTokenHash(tx, hashToken(input.token))
      : undefined;
    if (!link) {
      await recordFailure(tx, throttleKey(input.clientIp), selfReportThrottle, now);
      await appendAudit(tx, [unknownTokenEvent(input.clientIp)]);
      return { state: 'unknown' };
    }
    const { settings, ...frame } = await frameOf(tx, link);
    const status = linkStatus(link, now);
    if (status !== 'pending') return { state: status, ...frame };
    if (input.form.kind === 'refused')
      return { state: 'refused', reason: input.form.reason, clinicName: frame.clinicName };
    const def = instrumentOr400(link.instrumentId);
    const answers = input.form.answersFor(askedItemIds(def));
    const scored = scoreAnswers(def, answers, settings.measurement);
    if (!scored.ok) {
      return {
        state: 'invalid',
        def,
        expiresAt: link.expiresAt,
        answers,
        errors: errorsByItem(scored.errors),
        ...frame,
      };
    }
    const source = frame.kiosk ? 'kiosk' : 'self-report';
    const stored = await storeScoredResponse(tx, {
      clinicId: link.clinicId,
      patientId: link.patientId,
      def,
      answers,
      result: scored.result,
      source,
      administeredAt: now,
      recordedAt: now,
      recordedBy: null,
      linkId: link.id,
      fallbackClinicianId: link.createdBy,
      raisedBy: { userId: null, userLabel: patientLabel(link), clientIp: input.clientIp },
    });
    await markLinkUsed(tx, link.id, { at: now, responseId: stored.responseId });
    await appendAudit(tx, [
      {
        clinicId: link.clinicId,
        patientId: link.patientId,
        userLabel: patientLabel(link),
        action: 'create',
        entity: 'assessment.response',
        entityId: stored.responseId,
        detail: { instrument: def.id, source, link: link.id, alerts: stored.alertIds.length },
        outcome: 'success',
        clientIp: input.clientIp,
      },
    ]);
    return { state: 'done', crisis: showCrisisResources(scored.result), ...frame };
  });
}
