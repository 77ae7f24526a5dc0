import { describe, expect, it } from 'vitest';
import { checkContent, ContentError, paragraphsOf, parsePage, parseReferences } from './content';

const page = (slug: string, body: string, extra = '') =>
  parsePage(
    slug,
    `---\ntitle: A page\ndescription: A description that is long enough to pass the length check, surely.\npath: /${slug}\n${extra}---\n${body}`,
  );

describe('site content parsing', () => {
  it('reads front matter and refuses a page without it', () => {
    const p = page('how-it-works', 'Text.', 'evidence: true\nnav: How\norder: 3\n');
    expect(p.meta).toMatchObject({
      title: 'A page',
      path: '/how-it-works',
      evidence: true,
      nav: 'How',
      order: 3,
    });
    expect(() => parsePage('x', 'no front matter')).toThrow(ContentError);
  });

  it('refuses descriptions search engines would cut or flag', () => {
    expect(() => parsePage('x', '---\ntitle: T\ndescription: short\npath: /x\n---\n')).toThrow(/description/);
  });

  it('numbers references in the order of the references page and refuses duplicates', () => {
    const { references, rest } = parseReferences(
      'Intro.\n\n[^b]: Second source.\n[^a]: First? No, second line.\n',
    );
    expect(references.map((r) => [r.id, r.number])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
    expect(rest.trim()).toBe('Intro.');
    expect(() => parseReferences('[^a]: one\n[^a]: two')).toThrow(/twice/);
  });

  it('finds paragraphs in lists, loose or tight', () => {
    expect(paragraphsOf('One.\n\n- tight item\n- another\n\n1. **Bold** step [^x]\n')).toEqual([
      'One.',
      'tight item',
      'another',
      '**Bold** step [^x]',
    ]);
  });
});

describe('the content rule (every evidence paragraph cites a known reference)', () => {
  const refs = parseReferences('[^known]: A source.').references;

  it('passes when every evidence paragraph cites a known reference', () => {
    expect(
      checkContent(
        [page('e', 'Claim. [^known]\n\n- item [^known]\n\n{{figure:neuron}}\n', 'evidence: true\n')],
        refs,
      ),
    ).toEqual([]);
  });

  it('fails for an evidence paragraph without a marker', () => {
    const problems = checkContent(
      [page('e', 'Cited. [^known]\n\nUncited claim.\n', 'evidence: true\n')],
      refs,
    );
    expect(problems).toEqual([{ page: 'e', problem: expect.stringContaining('Uncited claim') }]);
  });

  it('fails for a list item without a marker', () => {
    expect(
      checkContent([page('e', '- cited [^known]\n- not cited\n', 'evidence: true\n')], refs),
    ).toHaveLength(1);
  });

  it('fails for a marker that points to no reference, on any page', () => {
    const problems = checkContent([page('p', 'Text [^missing].\n')], refs);
    expect(problems[0]?.problem).toMatch(/\[\^missing\] has no reference entry/);
  });

  it('does not require markers on pages that are not evidence pages', () => {
    expect(checkContent([page('p', 'Just a promise.\n')], refs)).toEqual([]);
  });
});
