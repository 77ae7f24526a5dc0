import type { Context, Handler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { consultationRequestBody } from '../../../contracts/enquiries.js';
import { formToRequest, type SitePage } from '../../../domain/site/index.js';
import type { FormErrors, FormValues } from '../../../web/site/widgets.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { ApiError } from '../../shared/api-error.js';
import { clientAddress } from '../../shared/http/client-address.js';
import { parseJsonStrict } from '../../shared/http/parse-json.js';
import { assertNotThrottled, recordFailure, type ThrottlePolicy } from '../../shared/throttle.js';
import { createEnquiry } from './enquiries.service.js';
import { siteClinic } from './site-clinic.js';

/** Five requests per address per hour; then an hour's pause. Counted in PostgreSQL (shared by servers). */
export const consultationRateLimit: ThrottlePolicy = { maxFailures: 5, windowMinutes: 60, lockMinutes: 60 };
const maxFormBytes = 16 * 1024;

/** Renders a site page with the form's values and errors (the no-script path of the form). */
export type SendFormPage = (
  c: Context,
  page: SitePage,
  status: 400 | 429,
  form: { values: FormValues; errors: FormErrors },
) => Promise<Response>;

/**
 * Refuses cross-site posts. Browsers send Sec-Fetch-Site on every request; with the server's
 * Referrer-Policy no-referrer a same-site form post carries `Origin: null`, so Origin alone is
 * only trusted when it names a host. Clients that send neither (curl, tests) are not browsers.
 */
function sameOrigin(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  const origin = c.req.header('origin');
  if (!origin) return true;
  if (origin === 'null') return false;
  try {
    const host = c.req.header('x-forwarded-host') ?? new URL(c.req.url).host;
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The posted request as JSON-shaped fields, whether it came as JSON or as an HTML form. */
async function readConsultationBody(
  c: Context,
): Promise<{ wantsJson: boolean; raw: Record<string, unknown>; formValues: FormValues }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    const parsed = parseJsonStrict(await c.req.text());
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ApiError(400, 'invalid_request', 'Send a JSON object', [
        { field: 'body', message: 'must be an object' },
      ]);
    }
    return { wantsJson: true, raw: parsed as Record<string, unknown>, formValues: {} };
  }
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody();
    const form: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) if (typeof value === 'string') form[key] = value;
    return { wantsJson: false, raw: formToRequest(form), formValues: { ...form, website: undefined } };
  }
  throw new ApiError(415, 'unsupported_media_type', 'Send the form, or JSON', [
    { field: 'content-type', message: 'must be a form or application/json' },
  ]);
}

/** Field problems named by the request's own field names (`phone`, `selfCheck.gad7Total`). */
function problemsOf(issues: readonly { code: string; path: PropertyKey[]; message: string }[]) {
  return issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : 'body',
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown field(s): ${(issue as unknown as { keys: string[] }).keys.join(', ')}`
        : issue.message,
  }));
}

/** Refuses bodies over 16 KiB before they are read. */
export const consultationBodyLimit = bodyLimit({
  maxSize: maxFormBytes,
  onError: (c) =>
    c.json(
      {
        error: {
          code: 'payload_too_large',
          message: 'The request is too large',
          fields: [{ field: 'body', message: 'too large' }],
        },
      },
      413,
    ),
});

/**
 * POST /site/consultation: a JSON client gets JSON answers; a plain HTML form gets the form page
 * again with its errors, or a redirect to the thank-you page. A filled honeypot is a silent success.
 */
export function consultationHandler(
  deps: AppDeps,
  formPage: SitePage | undefined,
  sendPage: SendFormPage,
): Handler {
  return async (c) => {
    // An HTML form cannot be refused by content type alone (browsers send it cross-site), so check Origin.
    if (!sameOrigin(c)) throw new ApiError(403, 'cross_origin', 'Cross-origin request refused');
    const { wantsJson, raw, formValues } = await readConsultationBody(c);

    const ip = clientAddress(c, deps.trustProxy);
    const key = `site-consultation:${ip}`;
    try {
      await assertNotThrottled(deps.db, [key], deps.now());
    } catch (error) {
      if (wantsJson || !formPage || !(error instanceof ApiError)) throw error;
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return sendPage(c, formPage, 429, {
        values: formValues,
        errors: { form: 'Too many requests from your connection. Please wait an hour, or call us.' },
      });
    }

    const result = consultationRequestBody.safeParse(raw);
    if (!result.success) {
      const fields = problemsOf(result.error.issues);
      if (wantsJson || !formPage) {
        return c.json(
          {
            error: {
              code: 'invalid_request',
              message: 'Some fields are invalid',
              fields: fields.map((f) => ({ ...f, field: `body.${f.field}` })),
            },
          },
          400,
        );
      }
      const errors: FormErrors = {};
      for (const f of fields) errors[f.field.split('.')[0]!] ??= f.message;
      return sendPage(c, formPage, 400, { values: formValues, errors });
    }

    await recordFailure(deps.db, key, consultationRateLimit, deps.now());
    const done = () => (wantsJson ? c.json({ ok: true }, 201) : c.redirect('/consultation/thanks', 303));
    // A filled honeypot is a bot: answer as if it worked, keep nothing.
    if (result.data.website && result.data.website.trim() !== '') return done();

    const clinic = await siteClinic(deps);
    if (!clinic.id) {
      throw new ApiError(503, 'not_ready', 'This clinic is not accepting requests yet. Please call us.');
    }
    const crisis = clinic.settings.crisisLine;
    const name = clinic.settings.site.displayName || clinic.name;
    await createEnquiry(deps, { id: clinic.id, name, crisis }, result.data, ip);
    return done();
  };
}
