import { readFileSync } from 'node:fs';
import { signBody } from '../../../contracts/consent.js';
import {
  createdFormLink,
  formLink,
  formLinkBody,
  formLinksResponse,
} from '../../../contracts/patient-forms.js';
import { tokenParam } from '../../../contracts/self-report.js';
import {
  renderBirthDatePage,
  renderConsentFormPage,
  renderFormDonePage,
  renderFormStatePage,
  renderIntakeFormPage,
  type FormFrameProps,
} from '../../../web/portal/render-portal.js';
import { ApiError } from '../../shared/api-error.js';
import { defineRoute, idParam } from '../../shared/http/define-route.js';
import { patientHtml, readFormPost } from '../../shared/http/patient-page.js';
import { sourcePath } from '../../shared/project-paths.js';
import { clearSessionCookie, endSession } from '../../shared/session.js';
import { createFormLink, listFormLinks, revokeFormLink } from './form-links.service.js';
import { formPath } from './form-links.js';
import { readIntakeFormPost } from './intake-form-post.js';
import {
  checkBirthDate,
  openFormLink,
  postConsent,
  postIntake,
  type FormFrame,
  type PostOutcome,
} from './patient-form.service.js';

const signaturePadJs = readFileSync(sourcePath('web', 'portal', 'signature-pad.js'), 'utf8');

/** An intake post with every row filled stays well under this; a drawn signature adds up to ~100 KB. */
const maxFormBytes = 256 * 1024;

const spentStatus = { used: 410, expired: 410, revoked: 410, locked: 410, unknown: 404 } as const;

const frameProps = (frame: FormFrame, token: string): FormFrameProps => ({
  ...frame,
  action: formPath(token),
});

/** Too many attempts from this address: a page, with the Retry-After the throttle set. */
async function withThrottlePage(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 429) throw error;
    const response = patientHtml(renderFormStatePage({ state: 'throttled' }), 429);
    for (const [name, value] of Object.entries(error.headers)) response.headers.set(name, value);
    return response;
  }
}

function spentPage(outcome: { state: keyof typeof spentStatus; clinicName?: string; kiosk?: boolean }) {
  return patientHtml(renderFormStatePage(outcome), spentStatus[outcome.state]);
}

/** The page for a step's outcome; `announceSave` is false for the form's first showing after the date check. */
function postPage(outcome: PostOutcome, token: string, extraRows?: number, announceSave = true): Response {
  if (outcome.state === 'unknown' || (outcome.state in spentStatus && !('purpose' in outcome)))
    return spentPage(outcome as Parameters<typeof spentPage>[0]);
  switch (outcome.state) {
    case 'ask-birth-date':
      return patientHtml(renderBirthDatePage({ frame: frameProps(outcome, token) }));
    case 'done':
      return patientHtml(renderFormDonePage({ frame: outcome }));
    case 'invalid':
    case 'saved': {
      const frame = frameProps(outcome, token);
      const status = outcome.state === 'invalid' ? 400 : 200;
      if (outcome.content.purpose === 'intake') {
        const { answers, medications, noMedications } = outcome.content;
        return patientHtml(
          renderIntakeFormPage({
            frame,
            proof: outcome.proof,
            answers,
            medications,
            noMedications,
            errors: outcome.errors,
            saved: announceSave && outcome.state === 'saved',
            extraRows,
          }),
          status,
        );
      }
      const { purpose: _purpose, ...consent } = outcome.content;
      return patientHtml(
        renderConsentFormPage({ frame, proof: outcome.proof, ...consent, errors: outcome.errors }),
        status,
      );
    }
    default:
      return spentPage(outcome);
  }
}

/** The drawn signature arrives as JSON in a hidden field; zod's problems are named as the page shows them. */
function readSignature(form: URLSearchParams) {
  let drawn: unknown = null;
  const raw = form.get('drawnSignature') ?? '';
  if (raw !== '') {
    try {
      drawn = JSON.parse(raw);
    } catch {
      drawn = 'unreadable';
    }
  }
  const problems: Record<string, string> = {};
  if (form.get('esignConsent') !== 'yes')
    problems.esignConsent =
      'Read the agreement to use electronic records and tick the box, or ask staff for a paper form.';
  if (drawn === null) problems.drawnSignature = 'Draw your signature in the box.';
  const parsed = signBody.safeParse({
    templateId: form.get('templateId') ?? '',
    typedName: form.get('typedName') ?? '',
    drawnSignature: drawn,
    esignConsent: true,
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '_form');
      problems[field] ??=
        field === 'typedName'
          ? 'Type your full legal name.'
          : field === 'drawnSignature'
            ? 'Draw your signature in the box again.'
            : issue.message;
    }
  return { signature: parsed.success ? parsed.data : null, problems, typedName: form.get('typedName') ?? '' };
}

export const patientFormRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/patients/:id/form-links',
    summary:
      'Send (email, SMS), hand over (copy) or open on this tablet (kiosk) a single-use link to the intake or a consent form',
    tag: 'patient-forms',
    auth: 'staff',
    action: 'intake.send',
    params: idParam,
    body: formLinkBody,
    response: createdFormLink,
    successStatus: 201,
    handler: async ({ params, body, ctx, actor }) => {
      const created = await createFormLink(
        ctx.deps,
        actor,
        params.id,
        body,
        new URL(ctx.c.req.url).origin,
        (tx) => endSession(tx, actor.sessionTokenHash, 'kiosk-mode'),
      );
      if (body.channel === 'kiosk') clearSessionCookie(ctx.c, ctx.deps.trustProxy);
      return created;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/patients/:id/form-links',
    summary: 'A patient’s form links and their state (pending, used, expired, revoked, locked)',
    tag: 'patient-forms',
    auth: 'staff',
    action: 'intake.send',
    params: idParam,
    response: formLinksResponse,
    handler: async ({ params, ctx, actor }) => listFormLinks(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/form-links/:id/revoke',
    summary: 'Cancel a pending form link',
    tag: 'patient-forms',
    auth: 'staff',
    action: 'intake.send',
    params: idParam,
    response: formLink,
    handler: async ({ params, ctx, actor }) => revokeFormLink(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/portal/assets/signature-pad.js',
    summary: 'The signature pad of the patient’s consent page',
    tag: 'patient-forms',
    auth: 'public',
    produces: 'text/javascript',
    handler: async () =>
      new Response(signaturePadJs, {
        headers: {
          'Content-Type': 'text/javascript; charset=utf-8',
          'Cache-Control': 'public, max-age=3600',
        },
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/f/:token',
    summary:
      'The patient’s form link (HTML): first the date-of-birth question, or a clear page when it cannot be used',
    tag: 'patient-forms',
    auth: 'public',
    params: tokenParam,
    produces: 'text/html',
    handler: async ({ params, ctx }) =>
      withThrottlePage(async () => {
        const outcome = await openFormLink(ctx.deps, params.token, ctx.clientIp);
        if (outcome.state !== 'ask-birth-date') return spentPage(outcome);
        return patientHtml(renderBirthDatePage({ frame: frameProps(outcome, params.token) }));
      }),
  }),
  defineRoute({
    method: 'post',
    path: '/f/:token',
    summary:
      'The patient confirms their date of birth, saves or sends the intake, or signs the consent form (form post)',
    tag: 'patient-forms',
    auth: 'public',
    params: tokenParam,
    produces: 'text/html',
    formBody: true,
    handler: async ({ params, ctx }) =>
      withThrottlePage(async () => {
        const form = await readFormPost(ctx.c, maxFormBytes);
        if (typeof form === 'string')
          return patientHtml(renderFormStatePage({ state: 'unknown' }), form === 'too-large' ? 413 : 415);
        const base = { token: params.token, clientIp: ctx.clientIp };
        const step = form.get('step');
        if (step === 'birth-date') {
          const outcome = await checkBirthDate(ctx.deps, { ...base, birthDate: form.get('birthDate') ?? '' });
          if (outcome.state === 'wrong-birth-date')
            return patientHtml(
              renderBirthDatePage({
                frame: frameProps(outcome, params.token),
                attemptsLeft: outcome.attemptsLeft,
              }),
              400,
            );
          if (outcome.state !== 'verified') return spentPage(outcome);
          return postPage({ ...outcome, state: 'saved', errors: {} }, params.token, undefined, false);
        }
        const proof = form.get('proof') ?? '';
        if (step === 'intake') {
          const action = form.get('action');
          const outcome = await postIntake(ctx.deps, {
            ...base,
            proof,
            post: readIntakeFormPost(form),
            submit: action === 'submit',
          });
          return postPage(outcome, params.token, action === 'more' ? 6 : undefined);
        }
        if (step === 'consent') {
          const read = readSignature(form);
          const outcome = await postConsent(ctx.deps, { ...base, userAgent: ctx.userAgent, proof, ...read });
          return postPage(outcome, params.token);
        }
        return patientHtml(renderFormStatePage({ state: 'unknown' }), 400);
      }),
  }),
];
