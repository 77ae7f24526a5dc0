import type { Context, Hono } from 'hono';
import type { SitePage } from '../../../domain/site/index.js';
import type { SiteContext } from '../../../web/site/layout.js';
import { renderSitePage, type SiteContent } from '../../../web/site/render-page.js';
import type { FormErrors, FormValues } from '../../../web/site/widgets.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { consultationBodyLimit, consultationHandler } from './consultation-form.js';
import { SiteAssets } from './site-assets.js';
import { siteClinic, type SiteClinic } from './site-clinic.js';
import { loadSiteContent } from './site-content.js';

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

  app.post(
    '/site/consultation',
    consultationBodyLimit,
    consultationHandler(deps, byPath.get('/consultation'), sendPage),
  );
}
