import type { CrisisLine, SiteSettings } from '../../domain/clinic/index.js';
import type { FrontMatter } from '../../domain/site/index.js';
import { escapeHtml, jsonForScript } from './html.js';

/** Everything a page needs to know about the clinic that serves it and where its assets live. */
export interface SiteContext {
  clinicName: string;
  site: SiteSettings;
  crisis: CrisisLine;
  /** Origin for canonical and Open Graph URLs, e.g. https://clinic.example. */
  origin: string;
  asset: (name: string) => string;
  nav: { path: string; label: string }[];
}

export function displayName(ctx: SiteContext): string {
  return ctx.site.displayName || ctx.clinicName;
}

/** What the site says where the clinic has not set a detail, instead of inventing one. */
export const MISSING_CONTACT = 'Contact details have not been added yet.';
export const MISSING_HOURS = 'Opening hours have not been added yet.';

export function hasContactDetails(site: SiteSettings): boolean {
  return Boolean(site.phone || site.email || site.address || site.locations.length > 0);
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

export function crisisBlock(
  ctx: SiteContext,
  options: { id?: string; hidden?: boolean; heading?: string; alert?: boolean } = {},
): string {
  const { crisis } = ctx;
  const text = crisis.text
    ? ` or text <a href="sms:${escapeHtml(crisis.text.replace(/[^0-9+]/g, ''))}">${escapeHtml(crisis.text)}</a>`
    : '';
  return `<section class="crisis"${options.id ? ` id="${options.id}"` : ''}${options.hidden ? ' hidden' : ''}${options.alert ? ' role="alert"' : ''} aria-labelledby="${options.id ?? 'crisis'}-heading">
<h2 id="${options.id ?? 'crisis'}-heading">${escapeHtml(options.heading ?? 'If you are in crisis, get help now')}</h2>
<p>Call <a href="${telHref(crisis.phone)}">${escapeHtml(crisis.phone)}</a>${text} (${escapeHtml(crisis.label)}), free and open day and night.</p>
${crisis.note ? `<p>${escapeHtml(crisis.note)}</p>` : ''}
</section>`;
}

export function clinicJsonLd(ctx: SiteContext): Record<string, unknown> {
  const { site } = ctx;
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalClinic',
    name: displayName(ctx),
    url: `${ctx.origin}/`,
    ...(site.phone ? { telephone: site.phone } : {}),
    ...(site.email ? { email: site.email } : {}),
    ...(site.address ? { address: site.address } : {}),
    ...(site.hours ? { openingHours: site.hours } : {}),
    medicalSpecialty: 'Psychiatric',
    availableService: [
      { '@type': 'MedicalTherapy', name: 'Intravenous ketamine infusion' },
      { '@type': 'MedicalTherapy', name: 'Esketamine nasal spray' },
    ],
    ...(site.locations.length > 1
      ? {
          department: site.locations.map((l) => ({
            '@type': 'MedicalClinic',
            name: l.name,
            address: l.address,
          })),
        }
      : {}),
  };
}

function logo(ctx: SiteContext): string {
  const name = escapeHtml(displayName(ctx));
  if (ctx.site.logoUrl) {
    return `<img src="${escapeHtml(ctx.site.logoUrl)}" alt="${name}" width="160" height="40">`;
  }
  return `<span class="logo-mark" aria-hidden="true"></span><span class="logo-text">${escapeHtml(ctx.site.logoText || displayName(ctx))}</span><span class="visually-hidden"> – ${name}, home</span>`;
}

export interface PageShell {
  meta: FrontMatter;
  body: string;
  scripts?: string[];
}

export function layout(ctx: SiteContext, page: PageShell): string {
  const { meta } = page;
  const name = displayName(ctx);
  const url = `${ctx.origin}${meta.path}`;
  const title = meta.path === '/' ? `${name} – ${meta.title}` : `${meta.title} | ${name}`;
  const navItems = ctx.nav
    .map((item) => {
      const current = item.path === meta.path ? ' aria-current="page"' : '';
      return `<li><a href="${item.path}"${current}>${escapeHtml(item.label)}</a></li>`;
    })
    .join('');
  const bookHref = ctx.site.bookingUrl || '/consultation';
  const locations = ctx.site.locations
    .map(
      (l) =>
        `<li><strong>${escapeHtml(l.name)}</strong><br>${escapeHtml(l.address)}${l.hours ? `<br>${escapeHtml(l.hours)}` : ''}</li>`,
    )
    .join('');
  const scripts = (page.scripts ?? [])
    .map((s) => `<script type="module" src="${ctx.asset(s)}"></script>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(meta.description)}">
<link rel="canonical" href="${escapeHtml(url)}">
<meta name="theme-color" content="${ctx.site.primaryColour}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${escapeHtml(name)}">
<meta property="og:title" content="${escapeHtml(meta.title)}">
<meta property="og:description" content="${escapeHtml(meta.description)}">
<meta property="og:url" content="${escapeHtml(url)}">
<meta property="og:locale" content="en_US">
<meta name="twitter:card" content="summary">
<link rel="icon" href="${ctx.asset('icon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${ctx.asset('site.css')}">
<script type="application/ld+json">${jsonForScript(clinicJsonLd(ctx))}</script>
${scripts}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap header-row">
<a class="logo" href="/">${logo(ctx)}</a>
<a class="button button-small header-cta" href="${escapeHtml(bookHref)}">Request a consultation</a>
</div>
<nav class="wrap site-nav" aria-label="Main"><ul>${navItems}</ul></nav>
</header>
<main id="main" class="wrap">
${page.body}
</main>
<footer class="site-footer">
<div class="wrap footer-grid">
${crisisBlock(ctx, { id: 'footer-crisis', heading: 'In crisis? Help is available now' })}
<section aria-labelledby="footer-contact-heading">
<h2 id="footer-contact-heading">${escapeHtml(name)}</h2>
${
  hasContactDetails(ctx.site)
    ? `<p>${ctx.site.phone ? `Phone <a href="${telHref(ctx.site.phone)}">${escapeHtml(ctx.site.phone)}</a><br>` : ''}${ctx.site.email ? `Email <a href="mailto:${escapeHtml(ctx.site.email)}">${escapeHtml(ctx.site.email)}</a><br>` : ''}${escapeHtml(ctx.site.hours)}</p>
<ul class="plain">${locations}</ul>`
    : `<p class="missing-detail">${escapeHtml(MISSING_CONTACT)}</p>`
}
</section>
<section aria-labelledby="footer-links-heading">
<h2 id="footer-links-heading">About this site</h2>
<ul class="plain">
<li><a href="/evidence">Evidence and references</a></li>
<li><a href="/contact">Contact, hours and locations</a></li>
<li><a href="/privacy">Privacy notice</a></li>
</ul>
<p class="small">This site explains ketamine treatment. It is not medical advice and does not replace a consultation.</p>
</section>
</div>
</footer>
</body>
</html>
`;
}
