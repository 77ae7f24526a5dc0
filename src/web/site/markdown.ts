import { Marked, type Tokens } from 'marked';
import { markerPattern, type Reference } from '../../domain/site/index.js';
import { escapeHtml } from './html.js';

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z]+;/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function createMarked(): Marked {
  const instance = new Marked({ gfm: true });
  instance.use({
    renderer: {
      heading(
        this: { parser: { parseInline: (t: Tokens.Heading['tokens']) => string } },
        token: Tokens.Heading,
      ) {
        // `## Title {#id}` sets the anchor explicitly, so links survive a reworded heading.
        const explicit = /\s*\{#([a-z0-9-]+)\}\s*$/.exec(token.text);
        const inner = this.parser.parseInline(token.tokens).replace(/\s*\{#[a-z0-9-]+\}\s*$/, '');
        const id = explicit ? explicit[1]! : slugify(inner);
        return `<h${token.depth} id="${id}">${inner}</h${token.depth}>\n`;
      },
    },
  });
  return instance;
}

const marked = createMarked();

/** Turns `[^id]` into a numbered link to the references page; unknown ids are left visible as text. */
export function linkMarkers(markdown: string, references: Map<string, Reference>): string {
  return markdown.replace(/(\s*)\[\^([a-z0-9][a-z0-9-]*)\]/g, (whole, _space: string, id: string) => {
    const ref = references.get(id);
    if (!ref) return whole;
    return `<sup class="ref"><a href="/evidence#ref-${id}"><span class="visually-hidden">Reference </span>${ref.number}</a></sup>`;
  });
}

export function renderMarkdown(markdown: string, references: Map<string, Reference>): string {
  return marked.parse(linkMarkers(markdown, references), { async: false });
}

export function renderInline(markdown: string, references: Map<string, Reference>): string {
  return marked.parseInline(linkMarkers(markdown, references), { async: false });
}

/** Replaces `<p>{{kind:name}}</p>` placeholders with rendered parts; unknown ones render nothing. */
export function fillPlaceholders(html: string, parts: Record<string, string>): string {
  return html.replace(/<p>\{\{([a-z]+:[a-z0-9-]+)\}\}<\/p>\n?/g, (_m, key: string) => parts[key] ?? '');
}

export { markerPattern, escapeHtml };
