import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  checkContent,
  ContentError,
  parsePage,
  parseReferences,
  selfCheckInstruments,
  type SitePage,
} from '../../../domain/site/index.js';
import type { SiteContent } from '../../../web/site/render-page.js';
import { projectRoot } from '../../shared/project-paths.js';

export const siteContentDir = path.join(projectRoot, 'content', 'site');

/** Reads and checks every page once; a broken reference stops the server rather than shipping. */
export function loadSiteContent(dir = siteContentDir): SiteContent {
  const pages: SitePage[] = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parsePage(f.replace(/\.md$/, ''), readFileSync(path.join(dir, f), 'utf8')));
  const refPage = pages.find((p) => p.meta.path === '/evidence');
  if (!refPage) throw new ContentError('content/site needs a references page at /evidence');
  const { references, rest } = parseReferences(refPage.body);
  const problems = checkContent(pages, references);
  if (problems.length) {
    throw new ContentError(
      `site content problems:\n${problems.map((p) => `  ${p.page}: ${p.problem}`).join('\n')}`,
    );
  }
  pages.sort((a, b) => a.meta.order - b.meta.order);
  return {
    pages,
    references,
    referencesIntro: rest,
    byId: new Map(references.map((r) => [r.id, r])),
    selfCheck: selfCheckInstruments(),
  };
}
