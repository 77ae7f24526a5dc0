import { readFileSync } from 'node:fs';
import type { Context } from 'hono';
import {
  createdSelfReportLink,
  kioskBody,
  kioskStarted,
  linkBody,
  selfReportLink,
  selfReportLinksResponse,
  tokenParam,
} from '../../../contracts/self-report.js';
import {
  renderDonePage,
  renderLinkStatePage,
  renderQuestionnairePage,
  type LinkState,
} from '../../../web/portal/render-portal.js';
import { ApiError } from '../../shared/api-error.js';
import { defineRoute, idParam } from '../../shared/http/define-route.js';
import type { AnswerMap } from './measurement-shared.js';
import {
  openSelfReportLink,
  submitSelfReport,
  type SubmitOutcome,
  type SubmittedForm,
} from './self-report-portal.service.js';
import {
  createSelfReportLink,
  listSelfReportLinks,
  revokeSelfReportLink,
  startKiosk,
} from './self-report.service.js';
import { clearSessionCookie, endSession } from '../../shared/session.js';
import { sourcePath } from '../../shared/project-paths.js';
import { patientHtml, readFormPost } from '../../shared/http/patient-page.js';

const portalCss = readFileSync(sourcePath('web', 'portal', 'portal.css'), 'utf8');

const html = patientHtml;

const stateStatus: Record<LinkState, 404 | 410 | 429> = {
  used: 410,
  expired: 410,
  revoked: 410,
  unknown: 404,
  throttled: 429,
};

async function withThrottlePage(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) {
      const response = html(renderLinkStatePage({ state: 'throttled' }), 429);
      for (const [name, value] of Object.entries(error.headers)) response.headers.set(name, value);
      return response;
    }
    if (error instanceof ApiError && error.status === 404)
      return html(renderLinkStatePage({ state: 'unknown' }), 404);
    throw error;
  }
}

/** A form post is small: 60 radio answers fit in well under 4 KB. */
const maxFormBytes = 16 * 1024;

/**
 * Parses the patient's form post. Which items to read is the link's questionnaire, which only the
 * use case knows, so the answers are read through `answersFor`.
 */
async function readSubmittedForm(c: Context): Promise<SubmittedForm> {
  const form = await readFormPost(c, maxFormBytes);
  if (typeof form === 'string') return { kind: 'refused', reason: form };
  return {
    kind: 'form',
    answersFor: (itemIds) => {
      const answers: AnswerMap = {};
      for (const id of itemIds) {
        const values = form.getAll(id);
        // Two values for one question (parameter pollution) or a non-number is no answer, and says so.
        const raw = values.length === 1 ? values[0]! : '';
        answers[id] = /^\d{1,3}$/.test(raw) ? Number(raw) : null;
      }
      return answers;
    },
  };
}

/** The page for the outcome of a submission. */
function submissionPage(outcome: SubmitOutcome, token: string): Response {
  switch (outcome.state) {
    case 'unknown':
      return html(renderLinkStatePage({ state: 'unknown' }), 404);
    case 'used':
    case 'expired':
    case 'revoked':
      // A second tab submitting the same link at the same moment finds it used: it loses cleanly.
      return html(
        renderLinkStatePage({
          state: outcome.state,
          clinicName: outcome.clinicName,
          crisisLine: outcome.crisisLine,
          kiosk: outcome.kiosk,
        }),
        stateStatus[outcome.state],
      );
    case 'refused':
      return html(
        renderLinkStatePage({ state: 'unknown', clinicName: outcome.clinicName }),
        outcome.reason === 'too-large' ? 413 : 415,
      );
    case 'invalid':
      return html(
        renderQuestionnairePage({
          def: outcome.def,
          clinicName: outcome.clinicName,
          action: `/r/${token}`,
          kiosk: outcome.kiosk,
          crisisLine: outcome.crisisLine,
          expiresAt: outcome.expiresAt,
          answers: outcome.answers,
          errors: outcome.errors,
        }),
        400,
      );
    case 'done':
      return html(
        renderDonePage({
          clinicName: outcome.clinicName,
          crisis: outcome.crisis,
          crisisLine: outcome.crisisLine,
          kiosk: outcome.kiosk,
        }),
      );
  }
}

export const selfReportRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/patients/:id/self-report-links',
    summary: 'Send (email, SMS) or hand over (copy) a single-use self-report link for one questionnaire',
    tag: 'self-report',
    auth: 'staff',
    action: 'selfreport.send',
    params: idParam,
    body: linkBody,
    response: createdSelfReportLink,
    successStatus: 201,
    handler: async ({ params, body, ctx, actor }) =>
      createSelfReportLink(ctx.deps, actor, params.id, body, new URL(ctx.c.req.url).origin),
  }),
  defineRoute({
    method: 'get',
    path: '/api/patients/:id/self-report-links',
    summary: 'A patient’s self-report links and their state (pending, used, expired, revoked)',
    tag: 'self-report',
    auth: 'staff',
    action: 'selfreport.send',
    params: idParam,
    response: selfReportLinksResponse,
    handler: async ({ params, ctx, actor }) => listSelfReportLinks(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/self-report-links/:id/revoke',
    summary: 'Cancel a pending self-report link',
    tag: 'self-report',
    auth: 'staff',
    action: 'selfreport.send',
    params: idParam,
    response: selfReportLink,
    handler: async ({ params, ctx, actor }) => revokeSelfReportLink(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/patients/:id/kiosk',
    summary:
      'Start kiosk mode on this device: ends the staff session and returns the questionnaire page to open',
    tag: 'self-report',
    auth: 'staff',
    action: 'selfreport.send',
    params: idParam,
    body: kioskBody,
    response: kioskStarted,
    successStatus: 201,
    handler: async ({ params, body, ctx, actor }) => {
      const started = await startKiosk(ctx.deps, actor, params.id, body, (tx) =>
        endSession(tx, actor.sessionTokenHash, 'kiosk-mode'),
      );
      clearSessionCookie(ctx.c, ctx.deps.trustProxy);
      return started;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/portal/assets/portal.css',
    summary: 'Stylesheet of the patient self-report pages',
    tag: 'self-report',
    auth: 'public',
    produces: 'text/css',
    handler: async () =>
      new Response(portalCss, {
        headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/r/:token',
    summary:
      'The patient’s questionnaire page for a self-report link (HTML), or a clear page when it cannot be used',
    tag: 'self-report',
    auth: 'public',
    params: tokenParam,
    produces: 'text/html',
    handler: async ({ params, ctx }) =>
      withThrottlePage(async () => {
        const link = await openSelfReportLink(ctx.deps, params.token, ctx.clientIp);
        if (link.state === 'unknown') return html(renderLinkStatePage({ state: 'unknown' }), 404);
        if (link.state !== 'open') {
          return html(
            renderLinkStatePage({
              state: link.state,
              clinicName: link.clinicName,
              crisisLine: link.crisisLine,
              kiosk: link.kiosk,
            }),
            stateStatus[link.state],
          );
        }
        return html(
          renderQuestionnairePage({
            def: link.def,
            clinicName: link.clinicName,
            action: `/r/${params.token}`,
            kiosk: link.kiosk,
            crisisLine: link.crisisLine,
            expiresAt: link.expiresAt,
          }),
        );
      }),
  }),
  defineRoute({
    method: 'post',
    path: '/r/:token',
    summary:
      'The patient submits the questionnaire (form post); crisis resources are shown at once when needed',
    tag: 'self-report',
    auth: 'public',
    params: tokenParam,
    produces: 'text/html',
    formBody: true,
    handler: async ({ params, ctx }) =>
      withThrottlePage(async () => {
        const form = await readSubmittedForm(ctx.c);
        const outcome = await submitSelfReport(ctx.deps, {
          token: params.token,
          clientIp: ctx.clientIp,
          form,
        });
        return submissionPage(outcome, params.token);
      }),
  }),
];
