import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { consultationRequestSchema, formToRequest } from '../../../domain/site/lead.js';
import type { SitePage } from '../../../domain/site/content.js';
import type { SiteContext } from '../../../web/site/layout.js';
import { renderSitePage, type SiteContent } from '../../../web/site/render-page.js';
import type { FormErrors, FormValues } from '../../../web/site/widgets.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { ApiError } from '../../shared/api-error.js';
import { clientAddress } from '../../http/client-address.js';
import { parseJsonStrict } from '../../http/parse-json.js';
import { assertNotThrottled, recordFailure, type ThrottlePolicy } from '../../shared/throttle.js';
import { createLead } from './enquiries.service.js';
import { SiteAssets } from './site-assets.js';
import { siteClinic, type SiteClinic } from './site-clinic.js';
import { loadSiteContent } from './site-content.js';

/** Five requests per address per hour; then an hour's pause. Counted in PostgreSQL (shared by servers). */
export const consultationRateLimit: ThrottlePolicy = { maxFailures: 5, windowMinutes: 60, lockMinutes: 60 };
const maxFormBytes = 16 * 1024;

function originOf(c: Context, clinic: SiteClinic, trustProxy: boolean): string {
  if (clinic.settings.site.publicUrl) return clinic.settings.site.publicUrl;
  const url = new URL(c.req.url);
  const proto = trustProxy
    ? (c.req.header('x-forwarded-proto') ?? url.protocol.replace(':', ''))
    : url.protocol.replace(':', '');
  const host = (trustProxy ? c.req.header('x-forwarded-host') : undefined) ?? url.host;
  return `${proto}://${host}`;
}

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

/**
 * The public education site (docs/site.md): server-rendered pages at the site root, its assets, robots
 * and sitemap, and the consultation endpoint. Mounted after the API and before the staff app.
 */
export function mountSite(app: Hono, deps: AppDeps, options: { content?: SiteContent } = {}): void {
  const content = options.content ?? loadSiteContent();
  const assets = new SiteAssets();
  const byPath = new Map(content.pages.map((p) => [p.meta.path, p]));

  const contextFor = async (c: Context): Promise<{ ctx: SiteContext; clinic: SiteClinic }> => {
    const clinic = await siteClinic(deps);
    const site = clinic.settings.site;
    return {
      clinic,
      ctx: {
        clinicName: clinic.name,
        site,
        crisis: clinic.settings.crisisLine,
        origin: originOf(c, clinic, deps.trustProxy),
        asset: (name) => assets.url(name, site),
        nav: content.pages.filter((p) => p.meta.nav).map((p) => ({ path: p.meta.path, label: p.meta.nav! })),
      },
    };
  };

  const sendPage = async (
    c: Context,
    page: SitePage,
    status: 200 | 400 | 429 | 503 = 200,
    form?: { values: FormValues; errors: FormErrors },
  ) => {
    const { ctx } = await contextFor(c);
    c.header('Cache-Control', 'no-cache');
    return c.html(renderSitePage(ctx, content, page, form ? { form } : {}), status);
  };

  for (const page of content.pages) {
    app.get(page.meta.path, (c) => sendPage(c, page));
  }

  app.get('/site/assets/:name', async (c) => {
    const clinic = await siteClinic(deps);
    const asset = assets.get(c.req.param('name'), clinic.settings.site);
    if (!asset) return c.text('Not found', 404);
    // Versioned by content hash in the query, so a year-long immutable cache is safe.
    c.header(
      'Cache-Control',
      c.req.query('v') === asset.version ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    c.header('Content-Type', asset.type);
    return c.body(asset.body);
  });

  app.get('/robots.txt', async (c) => {
    const { ctx } = await contextFor(c);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.text(
      `User-agent: *\nAllow: /\nDisallow: /app/\nDisallow: /api/\nDisallow: /site/consultation\n\nSitemap: ${ctx.origin}/sitemap.xml\n`,
    );
  });

  app.get('/sitemap.xml', async (c) => {
    const { ctx } = await contextFor(c);
    const urls = content.pages
      .filter((p) => p.meta.widget !== 'thanks')
      .map((p) => `  <url><loc>${ctx.origin}${p.meta.path}</loc></url>`)
      .join('\n');
    c.header('Content-Type', 'application/xml; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
    );
  });

  const formPage = byPath.get('/consultation');
  app.post(
    '/site/consultation',
    bodyLimit({
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
    }),
    async (c) => {
      // An HTML form cannot be refused by content type alone (browsers send it cross-site), so check Origin.
      if (!sameOrigin(c)) throw new ApiError(403, 'cross_origin', 'Cross-origin request refused');
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      const wantsJson = type.startsWith('application/json');
      let raw: Record<string, unknown>;
      let formValues: FormValues = {};
      if (wantsJson) {
        const parsed = parseJsonStrict(await c.req.text());
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
          throw new ApiError(400, 'invalid_request', 'Send a JSON object', [
            { field: 'body', message: 'must be an object' },
          ]);
        }
        raw = parsed as Record<string, unknown>;
      } else if (
        type.startsWith('application/x-www-form-urlencoded') ||
        type.startsWith('multipart/form-data')
      ) {
        const body = await c.req.parseBody();
        const form: Record<string, string> = {};
        for (const [key, value] of Object.entries(body)) if (typeof value === 'string') form[key] = value;
        formValues = { ...form, website: undefined };
        raw = formToRequest(form);
      } else {
        throw new ApiError(415, 'unsupported_media_type', 'Send the form, or JSON', [
          { field: 'content-type', message: 'must be a form or application/json' },
        ]);
      }

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

      const result = consultationRequestSchema.safeParse(raw);
      if (!result.success) {
        const fields = result.error.issues.map((issue) => ({
          field: issue.path.length ? issue.path.map(String).join('.') : 'body',
          message:
            issue.code === 'unrecognized_keys'
              ? `unknown field(s): ${(issue as { keys: string[] }).keys.join(', ')}`
              : issue.message,
        }));
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
      await createLead(
        deps,
        {
          id: clinic.id,
          name: clinic.settings.site.displayName || clinic.name,
          crisis: clinic.settings.crisisLine,
        },
        result.data,
        ip,
      );
      return done();
    },
  );
}
