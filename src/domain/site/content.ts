import { marked, type Token, type Tokens } from 'marked';

/**
 * The site's pages are Markdown files with a small front matter block and reference markers
 * written as `[^id]`. Reference entries live on the references page as `[^id]: text` lines. This
 * module parses both and checks them; it knows nothing about files, HTTP or HTML layout.
 */

export interface FrontMatter {
  title: string;
  description: string;
  /** URL path of the page, e.g. `/how-it-works`. */
  path: string;
  /** Navigation label; pages without one are not in the main menu. */
  nav?: string;
  order: number;
  /** Evidence pages must cite every paragraph, so no health claim reaches the public unsourced. */
  evidence: boolean;
  /** Extra page parts the renderer adds, e.g. `self-check` or `consultation-form`. */
  widget?: string;
}

export interface SitePage {
  slug: string;
  meta: FrontMatter;
  body: string;
}

export interface Reference {
  id: string;
  number: number;
  /** Markdown inline text of the entry. */
  text: string;
}

export const markerPattern = /\[\^([a-z0-9][a-z0-9-]*)\]/g;
const definitionPattern = /^\[\^([a-z0-9][a-z0-9-]*)\]:\s*(.+)$/;

export class ContentError extends Error {}

/** Splits `---` front matter (one `key: value` per line) from the Markdown body. */
export function parsePage(slug: string, source: string): SitePage {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new ContentError(`${slug}: missing front matter`);
  const fields: Record<string, string> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon < 1) throw new ContentError(`${slug}: bad front matter line "${line}"`);
    fields[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  const need = (key: string): string => {
    const value = fields[key];
    if (!value) throw new ContentError(`${slug}: front matter needs "${key}"`);
    return value;
  };
  const path = need('path');
  if (!/^\/([a-z0-9-]+(\/[a-z0-9-]+)*)?$/.test(path))
    throw new ContentError(`${slug}: path "${path}" must be /lower-case-words`);
  const description = need('description');
  // Search engines cut descriptions near 160 characters; too short ones are flagged by audits.
  if (description.length < 50 || description.length > 170) {
    throw new ContentError(`${slug}: description must be 50–170 characters (is ${description.length})`);
  }
  const meta: FrontMatter = {
    title: need('title'),
    description,
    path,
    order: Number(fields.order ?? '100'),
    evidence: fields.evidence === 'true',
    ...(fields.nav ? { nav: fields.nav } : {}),
    ...(fields.widget ? { widget: fields.widget } : {}),
  };
  return { slug, meta, body: match[2]! };
}

/** Reads `[^id]: text` lines from the references page; numbering follows their order there. */
export function parseReferences(body: string): { references: Reference[]; rest: string } {
  const references: Reference[] = [];
  const rest: string[] = [];
  const seen = new Set<string>();
  for (const line of body.split(/\r?\n/)) {
    const match = definitionPattern.exec(line);
    if (!match) {
      rest.push(line);
      continue;
    }
    const id = match[1]!;
    if (seen.has(id)) throw new ContentError(`references: "${id}" is defined twice`);
    seen.add(id);
    references.push({ id, number: references.length + 1, text: match[2]!.trim() });
  }
  return { references, rest: rest.join('\n') };
}

export function markersIn(text: string): string[] {
  return [...text.matchAll(markerPattern)].map((m) => m[1]!);
}

/** Text of every paragraph (also those inside list items and block quotes), in order. */
export function paragraphsOf(markdown: string): string[] {
  const out: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'paragraph') out.push((token as Tokens.Paragraph).text);
      else if (token.type === 'list') {
        for (const item of (token as Tokens.List).items) {
          // A tight list item holds a text token rather than a paragraph; treat it as one.
          const blocks = item.tokens.filter((t) => t.type !== 'text' && t.type !== 'space');
          if (blocks.length === 0) out.push(item.text);
          else walk(item.tokens);
        }
      } else if ('tokens' in token && Array.isArray(token.tokens) && token.type === 'blockquote')
        walk(token.tokens);
    }
  };
  walk(marked.lexer(markdown));
  return out;
}

/** Lines that the renderer replaces with a figure or widget are not prose and need no marker. */
export const placeholderPattern = /^\{\{[a-z]+:[a-z0-9-]+\}\}$/;

export interface ContentProblem {
  page: string;
  problem: string;
}

/**
 * The site's content rule: on evidence pages every paragraph carries a reference marker (a health claim
 * without a source must not reach the public), and on every page every marker names an entry of the
 * references page.
 */
export function checkContent(pages: SitePage[], references: Reference[]): ContentProblem[] {
  const known = new Set(references.map((r) => r.id));
  const problems: ContentProblem[] = [];
  for (const page of pages) {
    for (const id of markersIn(page.body)) {
      if (!known.has(id))
        problems.push({ page: page.slug, problem: `marker [^${id}] has no reference entry` });
    }
    if (!page.meta.evidence) continue;
    for (const paragraph of paragraphsOf(page.body)) {
      const text = paragraph.trim();
      if (placeholderPattern.test(text)) continue;
      if (markersIn(text).length === 0) {
        problems.push({
          page: page.slug,
          problem: `paragraph without a reference marker: "${text.slice(0, 80)}…"`,
        });
      }
    }
  }
  const paths = new Map<string, string>();
  for (const page of pages) {
    const other = paths.get(page.meta.path);
    if (other) problems.push({ page: page.slug, problem: `path ${page.meta.path} is also used by ${other}` });
    paths.set(page.meta.path, page.slug);
  }
  return problems;
}
