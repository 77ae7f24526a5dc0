import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * Text on PDF pages with pdf-lib's standard Helvetica fonts: WinAnsi-safe text, UTC times, word
 * wrapping and a writer that moves to a new page when the text reaches the bottom margin. Used by the
 * signed-consent PDF, the session note and the ledger's reports (tables, page numbers).
 */

/** US Letter with one-inch margins. */
export const PDF_PAGE = { width: 612, height: 792, margin: 72 } as const;
export const GREY = rgb(0.35, 0.35, 0.35);
export const BLACK = rgb(0, 0, 0);

// ---------------------------------------------------------------------------------------------
// WinAnsi text
// ---------------------------------------------------------------------------------------------

/** Code points WinAnsi adds to Latin-1 (bytes 0x80–0x9F of Windows-1252). */
const WIN_ANSI_EXTRAS = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e,
  0x0178,
]);

function winAnsi(codePoint: number): boolean {
  return (
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff && codePoint !== 0xad) ||
    WIN_ANSI_EXTRAS.has(codePoint)
  );
}

const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2192': '->',
  '\t': ' ',
};

/** Zero-width characters and the soft hyphen: dropped. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/u;
/** Unicode spaces other than the plain space: a plain space. */
const SPACE = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

/** The text as the PDF can draw it in Helvetica (WinAnsi). Line feeds are kept. */
export function toPdfSafeText(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n').normalize('NFC')) {
    const codePoint = char.codePointAt(0) ?? 0;
    const replacement = REPLACEMENTS[char];
    if (char === '\n') out += char;
    else if (replacement !== undefined) out += replacement;
    else if (INVISIBLE.test(char)) continue;
    else if (SPACE.test(char)) out += ' ';
    else if (winAnsi(codePoint)) out += char;
    else if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0))
      continue; // control characters
    else {
      const bare = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += bare !== '' && [...bare].every((c) => winAnsi(c.codePointAt(0) ?? 0)) ? bare : '?';
    }
  }
  return out;
}

/** An ISO instant as UTC with its offset shown: `2026-03-10 12:00:00 +00:00 (UTC)`. */
export function formatUtc(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date-time: ${iso}`);
  const [date, time] = new Date(ms).toISOString().split('T') as [string, string];
  return `${date} ${time.slice(0, 8)} +00:00 (UTC)`;
}

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------

/** Breaks `text` (one line, already PDF-safe) into lines no wider than `width`. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = text.split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  for (let word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    // A word wider than the line (a long address or code) is broken between characters.
    while (!fits(word)) {
      let cut = word.length - 1;
      while (cut > 1 && !fits(word.slice(0, cut))) cut -= 1;
      lines.push(word.slice(0, cut));
      word = word.slice(cut);
    }
    line = word;
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** A page size and margin; `PDF_PAGE` unless a document asks for another (a wide report: `PDF_LANDSCAPE`). */
export interface PdfPageLayout {
  width: number;
  height: number;
  margin: number;
}

/** US Letter turned sideways with half-inch margins, for tables with many columns. */
export const PDF_LANDSCAPE: PdfPageLayout = { width: 792, height: 612, margin: 36 };

export class Writer {
  page: PDFPage;
  y = 0;
  readonly left: number;
  readonly width: number;

  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    readonly layout: PdfPageLayout = PDF_PAGE,
  ) {
    this.left = layout.margin;
    this.width = layout.width - 2 * layout.margin;
    this.page = this.newPage();
  }

  newPage(): PDFPage {
    this.page = this.doc.addPage([this.layout.width, this.layout.height]);
    this.y = this.layout.height - this.layout.margin;
    return this.page;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < this.layout.margin) this.newPage();
  }

  /** Draws PDF-safe text word-wrapped to the text width, moving to a new page as needed. */
  text(text: string, opts: { font?: PDFFont; size: number; leading: number; color?: typeof BLACK }): void {
    const font = opts.font ?? this.regular;
    for (const line of wrap(text, font, opts.size, this.width)) {
      this.ensure(opts.leading);
      this.page.drawText(line, {
        x: this.left,
        y: this.y - opts.size,
        size: opts.size,
        font,
        color: opts.color ?? BLACK,
      });
      this.y -= opts.leading;
    }
  }

  space(points: number): void {
    this.y -= points;
  }

  rule(): void {
    this.page.drawLine({
      start: { x: this.left, y: this.y },
      end: { x: this.left + this.width, y: this.y },
      thickness: 0.5,
      color: GREY,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Tables and page numbers
// ---------------------------------------------------------------------------------------------

export interface PdfColumn {
  /** Heading, already PDF-safe. */
  label: string;
  /** Share of the text width; the shares of a table's columns are scaled to fill it. */
  weight: number;
  /** Right-aligned (quantities), so the digits line up. */
  numeric?: boolean;
}

/**
 * Draws a table: each cell word-wrapped to its column, a row kept whole on one page, and the heading
 * row drawn again at the top of every page the table continues on. Cells must be PDF-safe text.
 */
export function drawTable(
  w: Writer,
  columns: readonly PdfColumn[],
  rows: readonly (readonly string[])[],
  opts: { size: number; leading: number; gap?: number },
): void {
  const gap = opts.gap ?? 4;
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => (w.width * c.weight) / total);
  const lefts = widths.map((_, i) => w.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const linesOf = (cells: readonly string[], font: PDFFont) =>
    columns.map((_, i) => wrap(cells[i] ?? '', font, opts.size, Math.max(widths[i]! - gap, 1)));
  const drawRow = (cells: readonly string[], font: PDFFont) => {
    const lines = linesOf(cells, font);
    const height = Math.max(...lines.map((l) => l.length)) * opts.leading;
    lines.forEach((cellLines, i) =>
      cellLines.forEach((line, n) => {
        const x = columns[i]!.numeric
          ? lefts[i]! + widths[i]! - gap - font.widthOfTextAtSize(line, opts.size)
          : lefts[i]!;
        w.page.drawText(line, {
          x,
          y: w.y - opts.size - n * opts.leading,
          size: opts.size,
          font,
          color: BLACK,
        });
      }),
    );
    w.y -= height;
  };
  const heading = columns.map((c) => c.label);
  const headingHeight = Math.max(...linesOf(heading, w.bold).map((l) => l.length)) * opts.leading;
  const drawHeading = () => {
    drawRow(heading, w.bold);
    w.space(2);
    w.rule();
    w.space(2);
  };
  w.ensure(headingHeight + opts.leading + 4);
  drawHeading();
  for (const row of rows) {
    const height = Math.max(...linesOf(row, w.regular).map((l) => l.length)) * opts.leading;
    if (w.y - height < w.layout.margin) {
      w.newPage();
      drawHeading();
    }
    drawRow(row, w.regular);
  }
}

/** Writes "Page n of N" (with an optional line before it) at the foot of every page of the document. */
export function numberPages(doc: PDFDocument, font: PDFFont, layout: PdfPageLayout, prefix = ''): void {
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const text = `${prefix}Page ${i + 1} of ${pages.length}`;
    page.drawText(text, {
      x: layout.width - layout.margin - font.widthOfTextAtSize(text, 8),
      y: layout.margin / 2,
      size: 8,
      font,
      color: GREY,
    });
  });
}
