import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkContent,
  markersIn,
  paragraphsOf,
  parsePage,
  parseReferences,
  placeholderPattern,
} from '../../../domain/site/content.js';
import { loadSiteContent, siteContentDir } from './site-content.js';

/** The site's content rule: the evidence pages must cite every paragraph, and every marker must resolve. */
describe('the site content in content/site', () => {
  const pages = readdirSync(siteContentDir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => parsePage(f.replace(/\.md$/, ''), readFileSync(path.join(siteContentDir, f), 'utf8')));
  const references = parseReferences(pages.find((p) => p.meta.path === '/evidence')!.body).references;

  it('marks the three evidence pages (and what-is-ketamine) as evidence pages', () => {
    const evidence = pages
      .filter((p) => p.meta.evidence)
      .map((p) => p.meta.path)
      .sort();
    expect(evidence).toEqual(['/how-it-works', '/what-is-ketamine', '/what-it-treats', '/your-treatment']);
  });

  it('has a reference marker in every paragraph of the evidence pages', () => {
    for (const page of pages.filter((p) => p.meta.evidence)) {
      for (const paragraph of paragraphsOf(page.body)) {
        if (placeholderPattern.test(paragraph.trim())) continue;
        expect(markersIn(paragraph), `${page.slug}: "${paragraph.slice(0, 60)}"`).not.toHaveLength(0);
      }
    }
  });

  it('has no marker that points to no reference, and no reference that nothing cites', () => {
    expect(checkContent(pages, references)).toEqual([]);
    const cited = new Set(pages.flatMap((p) => markersIn(p.body)));
    const figureCitations = ['li-2010', 'moda-sava-2019', 'pryazhnikov-2018', 'abdallah-2017', 'evans-2018'];
    for (const id of figureCitations) cited.add(id);
    expect(references.filter((r) => !cited.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('avoids claims the evidence does not support (imaging claims, a 2-hour effect, placebo parity)', () => {
    const all = pages.map((p) => p.body).join('\n');
    expect(all).not.toMatch(/CT scan of neural activity/i);
    expect(all).not.toMatch(/within 2 hours/i);
    expect(all).not.toMatch(/no better than placebo/i);
  });

  it('loads as the server loads it', () => {
    expect(() => loadSiteContent()).not.toThrow();
  });
});
