import { describe, expect, it } from 'vitest';
import { clinicSettingsSchema } from '../../../domain/clinic/index.js';
import type { SiteContext } from '../../../web/site/layout.js';
import { renderSitePage } from '../../../web/site/render-page.js';
import { loadSiteContent } from './site-content.js';

const content = loadSiteContent();
const settings = clinicSettingsSchema.parse({
  site: { displayName: 'Birch & <Co>', publicUrl: 'https://clinic.example' },
});
const ctx: SiteContext = {
  clinicName: 'Birch',
  site: settings.site,
  crisis: settings.crisisLine,
  origin: 'https://clinic.example',
  asset: (name) => `/site/assets/${name}?v=test`,
  nav: content.pages.filter((p) => p.meta.nav).map((p) => ({ path: p.meta.path, label: p.meta.nav! })),
};
const render = (path: string) =>
  renderSitePage(
    ctx,
    content,
    content.pages.find((p) => p.meta.path === path)!,
  );

describe('the site renderer', () => {
  it('links every marker to its numbered entry on the references page', () => {
    const html = render('/how-it-works');
    const zanos = content.byId.get('zanos-2018')!;
    expect(html).toContain(
      `<a href="/evidence#ref-zanos-2018"><span class="visually-hidden">Reference </span>${zanos.number}</a>`,
    );
    expect(html).not.toMatch(/\[\^[a-z]/);
    const evidence = render('/evidence');
    for (const ref of content.references) expect(evidence).toContain(`id="ref-${ref.id}"`);
  });

  it('writes canonical, Open Graph and MedicalClinic JSON-LD, escaping clinic settings', () => {
    const html = render('/');
    expect(html).toContain('<link rel="canonical" href="https://clinic.example/">');
    expect(html).toContain('<meta property="og:url" content="https://clinic.example/">');
    expect(html).toContain('Birch &amp; &lt;Co&gt;');
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
    expect(JSON.parse(ld!)).toMatchObject({
      '@type': 'MedicalClinic',
      name: 'Birch & <Co>',
      url: 'https://clinic.example/',
    });
    expect(ld).not.toContain('<Co>');
  });

  it('has no inline style or inline executable script, so the strict CSP holds', () => {
    for (const page of content.pages) {
      const html = render(page.meta.path);
      expect(html).not.toMatch(/\sstyle=/);
      expect(html).not.toMatch(/<style/);
      expect(html).not.toMatch(/\son[a-z]+=/);
      for (const tag of html.match(/<script[^>]*>/g) ?? []) {
        expect(tag).toMatch(/type="(application\/ld\+json|application\/json)"|src="\/site\/assets\//);
      }
    }
  });

  it('puts the hidden crisis panel before the self-check heading and names the crisis line', () => {
    const html = render('/am-i-a-candidate');
    expect(html.indexOf('id="self-check-crisis"')).toBeLessThan(html.indexOf('<h1>'));
    expect(html).toContain('href="tel:988"');
    expect(html.match(/name="phq9-item\d"/g)?.length).toBe(9 * 4);
  });

  it('draws both illustrations with accessible names, the imaging method and the schematic label', () => {
    const html = render('/how-it-works');
    expect(html).toContain('aria-labelledby="neuron-title neuron-desc"');
    expect(html).toContain('SCHEMATIC');
    expect(html).toMatch(/resting-state fMRI/);
    expect(html).not.toMatch(/CT scan of/i);
  });
});
