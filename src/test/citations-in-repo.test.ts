import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Sources must live in the project. Clinical facts are cited to the register docs/clinical-sources.md
 * (or to the public source directly), never to a reference file outside the repository or to an issue
 * number, and every link into the register must land on an entry that exists.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const self = path
  .relative(root, fileURLToPath(import.meta.url))
  .split(path.sep)
  .join('/');

const SCANNED = ['src', 'content', 'docs', 'bench', 'scripts', 'e2e', 'README.md'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'data', '.test-data']);
const REGISTER = 'docs/clinical-sources.md';
/** Files larger than this are data, not source or prose. */
const MAX_BYTES = 2 * 1024 * 1024;

const FORBIDDEN: readonly { what: string; pattern: RegExp }[] = [
  { what: 'a citation of clinical.md, which is not in the repository', pattern: /clinical\.md/i },
  { what: 'a path to reference material outside the repository', pattern: /shared\/reference/i },
  { what: 'an issue-number citation', pattern: /\bissue #?\d+/i },
  {
    what: 'a pk.md/security.md section citation that is not a docs/ path (notes not in the repository)',
    pattern: /(?<!\bdocs\/)\b(?:pk|security)\.md\s*§/i,
  },
  {
    what: 'a clinic-core.md/peers.md citation that is not a docs/ path (notes not in the repository)',
    pattern: /(?<!\bdocs\/)\b(?:clinic-core|peers)\.md/i,
  },
];

function forbiddenIn(line: string): string[] {
  return FORBIDDEN.filter(({ pattern }) => pattern.test(line)).map(({ what }) => what);
}

/**
 * A link into the register, written from anywhere (`docs/clinical-sources.md#x`) or from docs/
 * (`clinical-sources.md#x`). A placeholder such as `clinical-sources.md#<anchor>` in a how-to is not a link.
 */
const REGISTER_LINK = /clinical-sources\.md#(?!<)([A-Za-z0-9_-]*)/g;

interface TextFile {
  /** Repository-relative path with forward slashes. */
  file: string;
  text: string;
}

function walk(relative: string, out: TextFile[]): void {
  const absolute = path.join(root, relative);
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    return; // a scanned folder that does not exist yet has nothing to check
  }
  if (stats.isDirectory()) {
    for (const entry of readdirSync(absolute).sort()) {
      if (SKIPPED_DIRS.has(entry)) continue;
      walk(path.join(relative, entry), out);
    }
    return;
  }
  const file = relative.split(path.sep).join('/');
  if (!stats.isFile() || file === self || stats.size > MAX_BYTES) return;
  const text = readFileSync(absolute, 'utf8');
  if (text.includes('\0')) return; // binary
  out.push({ file, text });
}

function scannedFiles(): TextFile[] {
  const out: TextFile[] = [];
  for (const entry of SCANNED) walk(entry, out);
  return out;
}

/** The slug GitHub gives a Markdown heading (lower case; punctuation dropped; spaces become hyphens). */
function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor the register defines: explicit `<a id="…">` / `<a name="…">` and heading slugs. */
function registerAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const m of markdown.matchAll(/<a\s+(?:id|name)="([A-Za-z0-9_-]+)"/g)) anchors.add(m[1]!);
  for (const m of markdown.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) anchors.add(headingSlug(m[1]!));
  return anchors;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

describe('citations in the repository', () => {
  const files = scannedFiles();
  const register = files.find((f) => f.file === REGISTER);

  it('scans the source and documentation folders, including the register', () => {
    expect(register, `${REGISTER} is missing`).toBeDefined();
    expect(files.some((f) => f.file.startsWith('src/'))).toBe(true);
    expect(files.some((f) => f.file.startsWith('content/'))).toBe(true);
    expect(files.some((f) => f.file === 'README.md')).toBe(true);
    expect(files.some((f) => f.file.includes('node_modules/') || f.file === self)).toBe(false);
  });

  it('cites no clinical.md, no reference file outside the repository and no issue number', () => {
    const found: string[] = [];
    for (const { file, text } of files) {
      text.split('\n').forEach((line, i) => {
        for (const what of forbiddenIn(line)) {
          found.push(`${file}:${i + 1}: ${what}: ${line.trim().slice(0, 160)}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it('tells a bare reference-note citation from a docs/ path', () => {
    for (const bare of [
      "source: 'pk.md §2'",
      '(project PK reference pk.md §1, §2, §6)',
      'OWASP ASVS 5.0 §6.2 (security.md §3)',
      'Security.md § 2',
      'see clinic-core.md',
      'as in peers.md, section 4',
      'reference/pk.md §1',
    ]) {
      expect(forbiddenIn(bare), bare).not.toEqual([]);
    }
    for (const allowed of [
      'docs/pk.md',
      'docs/pk.md §2',
      'see docs/security.md',
      'docs/security.md §3',
      'docs/clinic-core.md',
      'docs/peers.md',
      '[docs/pk.md](pk.md)',
      'docs/clinical-sources.md#pk-ke0',
    ]) {
      expect(forbiddenIn(allowed), allowed).toEqual([]);
    }
  });

  it('links only to entries of docs/clinical-sources.md that exist', () => {
    const anchors = registerAnchors(register!.text);
    const links: string[] = [];
    const broken: string[] = [];
    for (const { file, text } of files) {
      for (const m of text.matchAll(REGISTER_LINK)) {
        const anchor = m[1]!;
        links.push(anchor);
        if (!anchors.has(anchor)) broken.push(`${file}:${lineOf(text, m.index!)}: #${anchor}`);
      }
    }
    // Links inside the register itself: [text](#anchor).
    for (const m of register!.text.matchAll(/\]\(#([^)\s]*)\)/g)) {
      links.push(m[1]!);
      if (!anchors.has(m[1]!)) broken.push(`${REGISTER}:${lineOf(register!.text, m.index!)}: #${m[1]}`);
    }
    expect(links.length, 'no links into the register were found: is the scan working?').toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });

  it('gives every register entry a unique explicit anchor', () => {
    const ids = [...register!.text.matchAll(/<a\s+id="([A-Za-z0-9_-]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // Each explicit anchor is followed by the heading it names, so a link lands on an entry.
    for (const m of register!.text.matchAll(/<a\s+id="([A-Za-z0-9_-]+)"><\/a>\s*\n(?:\s*\n)*([^\n]*)/g)) {
      expect(m[2], `anchor ${m[1]} is not followed by a heading`).toMatch(/^#{2,6}\s/);
    }
  });
});
