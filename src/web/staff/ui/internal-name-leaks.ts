/**
 * Patterns of internal names that must not reach a clinician's screen: dotted field paths in
 * parentheses, source file names, repository paths, raw anchors and snake_case enum values. Tests scan
 * rendered text with it; it is not used at run time.
 */
export const internalNamePatterns: ReadonlyArray<readonly [string, RegExp]> = [
  ['dotted field path in parentheses', /\(\s*[a-z]\w*(\.\w+)+\s*\)/i],
  ['source file name', /\b[\w-]+\.(ts|tsx|js|md)\b/],
  ['repository path', /\bdocs\//],
  ['raw anchor', /#[a-z][\w-]*/],
  ['snake_case enum value', /\b[a-z]+_[a-z_]+\b/],
];

const entities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  '#x27': "'",
};

/** The visible text of rendered markup: tags and attributes removed, React's entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_m, e: string) => entities[e] ?? '');
}

/** Which patterns a text matches, each with the first match, e.g. `source file name: dosing.md`. */
export function internalNameLeaks(text: string): string[] {
  return internalNamePatterns.flatMap(([name, re]) => {
    const m = re.exec(text);
    return m ? [`${name}: ${m[0]}`] : [];
  });
}
