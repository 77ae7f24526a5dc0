import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSENT_TEMPLATES, renderConsentText } from '../../../domain/consent/index.js';
import {
  formatUtc,
  renderConsentPdf,
  toPdfSafeText,
  type ConsentPdfInput,
  type ConsentPdfSignature,
} from './consent-pdf.js';
import { extractPages } from './pdf-text.test-helper.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const FOOTER = /Template \S+ v\d+ · SHA-256 [0-9a-f]{16} · page (\d+) of (\d+) · generated [^\n]+/g;

/** The decoded content streams of a page, so the drawing operators can be counted. */
function pageOperators(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  return streams
    .map((s) =>
      s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : '',
    )
    .join('\n');
}
const lineOperators = (ops: string) => ops.match(/^-?[\d.]+ -?[\d.]+ l$/gm)?.length ?? 0;

const STROKES: ConsentPdfSignature['strokes'] = [
  [
    [20, 120],
    [60, 30],
    [100, 120],
    [140, 40],
  ],
  [
    [180, 100],
    [260, 90],
    [340, 60],
  ],
  [[370, 20]],
];
const SEGMENTS = 3 + 2;

function pdfInput(text: string, change: Partial<ConsentPdfInput> = {}): ConsentPdfInput {
  return {
    title: 'Consent to treatment with IV ketamine',
    text,
    clinicName: 'Arbor Demo Clinic',
    patient: { name: 'Jane Q. Patient', mrn: 'MRN-000123', birthDate: '1984-02-29' },
    template: { code: 'iv-ketamine', version: 1, sha256: sha256(text) },
    signatures: [
      {
        role: 'patient',
        name: 'Jane Q. Patient',
        signedAt: '2026-03-10T09:15:30.250-05:00',
        method: 'typed+drawn',
        clientIp: '203.0.113.7',
        strokes: STROKES,
        box: { width: 400, height: 150 },
      },
      {
        role: 'clinician',
        name: 'Dr. Alex Rivera',
        signedAt: '2026-03-10T14:20:00Z',
        method: 'typed',
        clientIp: '2001:db8::42',
      },
    ],
    generatedAt: '2026-03-10T14:21:00Z',
    ...change,
  };
}

const LONG_TEXT = renderConsentText(DEFAULT_CONSENT_TEMPLATES['iv-ketamine'], {
  clinicName: 'Arbor Demo Clinic',
  patientName: 'Jane Q. Patient',
});

describe('renderConsentPdf', () => {
  it('writes every paragraph of the consent text, in order, as real text across several pages', async () => {
    const input = pdfInput(LONG_TEXT);
    const pages = await extractPages(await renderConsentPdf(input));
    expect(pages.length).toBeGreaterThan(1);

    // Each page carries its footer: template, hash prefix, page n of N, generation time.
    pages.forEach((page, i) => {
      const footers = [...page.matchAll(FOOTER)];
      expect(footers).toHaveLength(1);
      expect(footers[0]?.[0]).toBe(
        `Template iv-ketamine v1 · SHA-256 ${input.template.sha256.slice(0, 16)} · page ${i + 1} of ` +
          `${pages.length} · generated 2026-03-10 14:21:00 +00:00 (UTC)`,
      );
    });

    const all = squash(pages.map((page) => page.replace(FOOTER, ' ')).join('\n'));
    let from = 0;
    for (const block of toPdfSafeText(LONG_TEXT).split(/\n\n+/)) {
      const paragraph = squash(block);
      if (paragraph === '') continue;
      const at = all.indexOf(paragraph, from);
      expect(at, `missing or out of order: ${paragraph.slice(0, 60)}…`).toBeGreaterThanOrEqual(0);
      from = at + paragraph.length;
    }

    expect(all).toContain('Jane Q. Patient');
    expect(all).toContain('Dr. Alex Rivera');
    expect(all).toContain(input.template.sha256);
    expect(all).toContain('MRN: MRN-000123');
    // Times in UTC with the offset shown; the patient signed at 09:15:30 -05:00.
    expect(all).toContain('Signed: 2026-03-10 14:15:30 +00:00 (UTC)');
    expect(all).toContain('Signed: 2026-03-10 14:20:00 +00:00 (UTC)');
    expect(all).toContain('IP address: 203.0.113.7');
    expect(all).toContain('IP address: 2001:db8::42');
  });

  it('fits a short form on one page', async () => {
    const text = 'Short consent\n\n1. About\n\nOne paragraph.\n';
    const pages = await extractPages(await renderConsentPdf(pdfInput(text, { title: 'Short consent' })));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('page 1 of 1');
  });

  it('draws the signature as vector lines scaled into its box', async () => {
    const withDrawing = await PDFDocument.load(await renderConsentPdf(pdfInput(LONG_TEXT)));
    const [patient, clinician] = pdfInput(LONG_TEXT).signatures as [ConsentPdfSignature, ConsentPdfSignature];
    const typedOnly = await PDFDocument.load(
      await renderConsentPdf(
        pdfInput(LONG_TEXT, { signatures: [{ ...patient, method: 'typed', strokes: undefined }, clinician] }),
      ),
    );
    const lastPage = (doc: PDFDocument) => pageOperators(doc.getPages().at(-1) as PDFPage);
    const drawn = lastPage(withDrawing);
    const typed = lastPage(typedOnly);
    // The signature box is a rectangle (3 line operators), each stroke of n points adds n - 1 more.
    expect(lineOperators(drawn) - lineOperators(typed)).toBe(3 + SEGMENTS);

    // The pad (400 × 150) is scaled by 220/400 vs 80/150 → 0.5333 and centred in the 220 × 80 box,
    // in box-local coordinates with y downwards (the path is drawn under a flip).
    expect(drawn).toContain('14 64 m\n35.33 16 l\n56.67 64 l\n78 21.33 l\nS');
    const paths = [...drawn.matchAll(/1 0 0 -1 0 0 cm\n([\s\S]*?)\nS$/gm)].map((m) => m[1] ?? '');
    expect(paths).toHaveLength(2);
    for (const [, x, y] of paths.join('\n').matchAll(/^(-?[\d.]+) (-?[\d.]+) [ml]$/gm)) {
      expect(Number(x)).toBeGreaterThanOrEqual(0);
      expect(Number(x)).toBeLessThanOrEqual(220);
      expect(Number(y)).toBeGreaterThanOrEqual(0);
      expect(Number(y)).toBeLessThanOrEqual(80);
    }
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const input = pdfInput(LONG_TEXT);
    expect(
      Buffer.from(await renderConsentPdf(input)).equals(Buffer.from(await renderConsentPdf(input))),
    ).toBe(true);
  });

  it('draws text Helvetica cannot encode, after substitution, while the hash stays that of the original', async () => {
    const original =
      'Consent “quoted” — it’s fine… café Łódź ≥ 2 naïve 😀\n\n1. Notes\n\nA\u00a0non-breaking space and a\u200bzero-width one.\n';
    const input = pdfInput(original, { title: 'Consent “quoted”' });
    expect(input.template.sha256).toBe(sha256(original));
    const all = squash((await extractPages(await renderConsentPdf(input))).join('\n'));
    expect(all).toContain('Consent "quoted" - it\'s fine... café ?ódz >= 2 naïve ?');
    expect(all).toContain('A non-breaking space and azero-width one.');
  });

  it('wraps a word longer than a line instead of overflowing', async () => {
    const long = 'x'.repeat(400);
    const pages = await extractPages(await renderConsentPdf(pdfInput(`Title\n\n${long}\n`)));
    expect(pages.join('').replace(/[^x]/g, '')).toContain(long);
  });

  it('refuses a malformed hash or time', async () => {
    await expect(
      renderConsentPdf(pdfInput('x', { template: { code: 'iv-ketamine', version: 1, sha256: 'abc' } })),
    ).rejects.toThrow(RangeError);
    await expect(renderConsentPdf(pdfInput('x', { generatedAt: 'today' }))).rejects.toThrow(RangeError);
  });
});

describe('toPdfSafeText and formatUtc', () => {
  it('replaces typographic punctuation with ASCII and drops what cannot be shown', () => {
    expect(toPdfSafeText('‘a’ “b” c–d e—f g… h\u00a0i\u2009j k\u00adl ≤≥ → −1\r\nnext\tcol')).toBe(
      '\'a\' "b" c-d e-f g... h i j kl <=>= -> -1\nnext col',
    );
    expect(toPdfSafeText('café naïve € ™ • Ş ł 中 😀')).toBe('café naïve € ™ • S ? ? ?');
    expect(toPdfSafeText(LONG_TEXT)).toBe(LONG_TEXT); // the defaults are plain ASCII
  });

  it('writes instants in UTC with the offset shown', () => {
    expect(formatUtc('2026-03-10T13:30:45.999+02:00')).toBe('2026-03-10 11:30:45 +00:00 (UTC)');
    expect(() => formatUtc('not a time')).toThrow(RangeError);
  });
});
