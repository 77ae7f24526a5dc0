import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reference, SitePage, SelfCheckInstrument } from '../../domain/site/index.js';
import { escapeHtml } from './html.js';
import { layout, type SiteContext } from './layout.js';
import { fillPlaceholders, renderInline, renderMarkdown } from './markdown.js';
import {
  consultationForm,
  contactWidget,
  costWidget,
  homeHero,
  selfCheckWidget,
  type FormErrors,
  type FormValues,
} from './widgets.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const illustration = (name: string) =>
  readFileSync(path.join(here, 'illustrations', `${name}.svg`), 'utf8').trim();
const neuronSvg = illustration('neuron');
const brainSvg = illustration('brain');

export interface SiteContent {
  pages: SitePage[];
  references: Reference[];
  referencesIntro: string;
  byId: Map<string, Reference>;
  selfCheck: { phq9: SelfCheckInstrument; gad7: SelfCheckInstrument };
}

function cite(content: SiteContent, ids: string[]): string {
  return renderInline(ids.map((id) => `[^${id}]`).join(' '), content.byId);
}

function figures(content: SiteContent): Record<string, string> {
  const c = (...ids: string[]) => cite(content, ids);
  return {
    'figure:neuron': `<figure class="figure">
${neuronSvg}
<figcaption><strong>New dendritic spines after ketamine (drawing).</strong> In rats, a single dose switched on mTOR signalling quickly and increased the number of spines within about a day;${c('li-2010')} in mice, new spines formed within a day, after the first change in behaviour, and were needed for the effect to last.${c('moda-sava-2019')} With daily doses, one mouse study saw the extra spines only after three to five days.${c('pryazhnikov-2018')} These are animal findings; spines cannot yet be measured this way in people.</figcaption>
</figure>`,
    'figure:brain': `<figure class="figure">
${brainSvg}
<figcaption><strong>Schematic, not a scan.</strong> Drawn after resting-state functional MRI (fMRI) studies, which measure how strongly regions work together, not brain structure: connections across the front of the brain were weaker in depression than in healthy volunteers and stronger 24 hours after ketamine in people who responded.${c('abdallah-2017')} Another fMRI study saw a similar shift two days after an infusion that had faded by day 10.${c('evans-2018')}</figcaption>
</figure>`,
  };
}

export interface RenderOptions {
  form?: { values: FormValues; errors: FormErrors };
}

export function renderSitePage(
  ctx: SiteContext,
  content: SiteContent,
  page: SitePage,
  options: RenderOptions = {},
): string {
  const parts: Record<string, string> = { ...figures(content), 'settings:cost': costWidget(ctx) };
  const scripts: string[] = [];
  let before = '';
  let after = '';
  const widget = page.meta.widget;
  if (widget === 'self-check') {
    const sc = selfCheckWidget(ctx, content.selfCheck, (id) => cite(content, [id]));
    before = sc.top;
    parts['widget:self-check'] = sc.bottom;
    scripts.push('self-check.js', 'consultation.js');
  } else if (widget === 'consultation-form') {
    after = `<section aria-labelledby="form-heading"><h2 id="form-heading">Your details</h2>${consultationForm(
      ctx,
      {
        values: options.form?.values,
        errors: options.form?.errors,
      },
    )}</section>`;
    scripts.push('consultation.js');
  } else if (widget === 'contact') {
    after = contactWidget(ctx);
  }
  let body = fillPlaceholders(renderMarkdown(page.body, content.byId), parts);
  if (page.meta.path === '/evidence') {
    const items = content.references
      .map((r) => `<li id="ref-${r.id}">${renderInline(r.text, content.byId)}</li>`)
      .join('\n');
    body = `${renderMarkdown(content.referencesIntro, content.byId)}\n<ol class="references">\n${items}\n</ol>`;
  }
  const heading = widget === 'home' ? homeHero(ctx) : `<h1>${escapeHtml(page.meta.title)}</h1>`;
  const html = `${before}${heading}\n<div class="prose">${body}</div>\n${after}`;
  return layout(ctx, { meta: page.meta, body: html, scripts });
}
