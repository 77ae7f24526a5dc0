import { PDFDocument, StandardFonts, rgb, type PDFPage } from 'pdf-lib';
import { BLACK, GREY, PDF_PAGE, Writer, formatUtc, toPdfSafeText } from '../../shared/pdf-text.js';

export { formatUtc, toPdfSafeText };

/**
 * The signed-consent PDF: the consent text exactly as the patient read it, the signatures (typed names,
 * the drawn signature as vector lines, times, addresses) and, on every page, a footer naming the template
 * version and the SHA-256 of the signed text, so a printed page can be matched to its record.
 *
 * Text is real PDF text in the standard Helvetica fonts, which use WinAnsi encoding. Characters WinAnsi
 * cannot show, and typographic punctuation that has a plain twin, are replaced before drawing
 * (`toPdfSafeText`: curly quotes → straight, dashes → "-", "…" → "...", odd spaces → space, letters with
 * marks WinAnsi lacks → the bare letter, anything else → "?"). The PDF says so on its last page. The hash
 * is always of the original text (`renderConsentText` output as UTF-8), never of what the PDF shows.
 *
 * Pure: no I/O; the same input gives the same bytes (the PDF dates are set to `generatedAt`).
 */

export interface ConsentPdfSignature {
  role: 'patient' | 'clinician';
  /** The typed name. */
  name: string;
  /** ISO instant. */
  signedAt: string;
  method: 'typed+drawn' | 'typed';
  clientIp: string;
  /** The drawn signature in the signing pad's pixels, y downwards. */
  strokes?: readonly (readonly (readonly [number, number])[])[];
  /** The signing pad's size; the bounding box of the strokes when absent. */
  box?: { width: number; height: number };
}

export interface ConsentPdfInput {
  title: string;
  /** The rendered consent text (`renderConsentText`): blocks separated by empty lines. */
  text: string;
  clinicName: string;
  patient: { name: string; mrn: string; birthDate: string };
  template: { code: string; version: number; sha256: string };
  signatures: readonly ConsentPdfSignature[];
  /** ISO instant. */
  generatedAt: string;
}

/** US Letter in points, 1-inch margins. */
export const CONSENT_PDF_PAGE = PDF_PAGE;

const FOOTER_Y = 40;
const BODY = { size: 11, leading: 15, gap: 7 };
const HEADING = { size: 12, leading: 16, gap: 5 };
const SMALL = { size: 9, leading: 12 };
const SIGNATURE_BOX = { width: 220, height: 80 };

/** A numbered heading as `renderConsentText` writes it: one short line, "3. Side effects". */
function isHeading(block: string): boolean {
  return !block.includes('\n') && block.length <= 120 && /^\d+\. \S/.test(block);
}

type Stroke = readonly (readonly [number, number])[];

function drawSignatureStrokes(
  page: PDFPage,
  at: { x: number; top: number },
  strokes: readonly Stroke[],
  pad: { width: number; height: number } | undefined,
): void {
  const points = strokes.flat();
  const padWidth = pad?.width ?? Math.max(1, ...points.map((p) => p[0]));
  const padHeight = pad?.height ?? Math.max(1, ...points.map((p) => p[1]));
  if (!(padWidth > 0 && padHeight > 0)) return;
  const scale = Math.min(SIGNATURE_BOX.width / padWidth, SIGNATURE_BOX.height / padHeight);
  const offsetX = (SIGNATURE_BOX.width - padWidth * scale) / 2;
  const offsetY = (SIGNATURE_BOX.height - padHeight * scale) / 2;
  const clamp = (v: number, max: number) => Math.min(Math.max(Number.isFinite(v) ? v : 0, 0), max);
  // Box-local coordinates, y downwards as on the pad; drawSvgPath flips them under `at`.
  const local = ([x, y]: readonly [number, number]) =>
    [offsetX + clamp(x, padWidth) * scale, offsetY + clamp(y, padHeight) * scale] as const;
  const r = (v: number) => Math.round(v * 100) / 100;
  for (const stroke of strokes) {
    if (stroke.length === 1 && stroke[0]) {
      const [x, y] = local(stroke[0]);
      page.drawCircle({ x: at.x + x, y: at.top - y, size: 0.8, color: BLACK });
      continue;
    }
    if (stroke.length < 2) continue;
    const path = stroke
      .map((point, i) => {
        const [x, y] = local(point);
        return `${i === 0 ? 'M' : 'L'} ${r(x)} ${r(y)}`;
      })
      .join(' ');
    page.drawSvgPath(path, { x: at.x, y: at.top, borderColor: BLACK, borderWidth: 1.2 });
  }
}

const ROLE_LABEL = { patient: 'Patient', clinician: 'Clinician' } as const;
const METHOD_LABEL = {
  'typed+drawn': 'typed name and drawn signature',
  typed: 'typed name',
} as const;

export async function renderConsentPdf(input: ConsentPdfInput): Promise<Uint8Array> {
  const { template } = input;
  if (!/^[0-9a-f]{64}$/i.test(template.sha256)) throw new RangeError('template.sha256 must be 64 hex digits');
  const sha256 = template.sha256.toLowerCase();
  const generated = formatUtc(input.generatedAt);

  const doc = await PDFDocument.create();
  const generatedAt = new Date(input.generatedAt);
  doc.setTitle(input.title);
  doc.setAuthor(input.clinicName);
  doc.setSubject(`Signed consent: ${template.code} version ${template.version}`);
  doc.setKeywords(['consent', template.code, `v${template.version}`, `sha256:${sha256}`]);
  doc.setCreator('Arbor');
  doc.setProducer('Arbor (pdf-lib)');
  doc.setCreationDate(generatedAt);
  doc.setModificationDate(generatedAt);

  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, regular, bold);
  const safe = toPdfSafeText;
  const body = { size: BODY.size, leading: BODY.leading };

  // Heading: clinic, title, patient.
  w.text(safe(input.clinicName), { size: 10, leading: 14, color: GREY });
  w.space(4);
  const title = safe(input.title).replace(/\s+/g, ' ').trim();
  w.text(title, { font: bold, size: 16, leading: 20 });
  w.space(2);
  w.text(
    safe(
      `Patient: ${input.patient.name} · MRN: ${input.patient.mrn} · Date of birth: ${input.patient.birthDate}`,
    ),
    { size: 10, leading: 14 },
  );
  w.space(6);
  w.rule();
  w.space(12);

  // The consent text, block by block. Its first block repeats the title already drawn above.
  const blocks = safe(input.text)
    .split(/\n[ ]*\n+/)
    .map((b) => b.replace(/^\n+|\n+$/g, ''))
    .filter((b) => b.trim() !== '');
  if (blocks[0]?.replace(/\s+/g, ' ').trim() === title) blocks.shift();
  for (const block of blocks) {
    if (isHeading(block)) {
      w.ensure(HEADING.leading + 2 * BODY.leading); // keep a heading with its first lines
      w.space(HEADING.gap);
      w.text(block, { font: bold, size: HEADING.size, leading: HEADING.leading });
      w.space(2);
      continue;
    }
    for (const line of block.split('\n')) w.text(line.trim(), body);
    w.space(BODY.gap);
  }

  // Signatures.
  w.space(8);
  w.ensure(HEADING.leading + 4 * SMALL.leading);
  w.text('Signatures', { font: bold, size: HEADING.size, leading: HEADING.leading });
  w.space(4);
  for (const signature of input.signatures) {
    const strokes = signature.strokes?.filter((s) => s.length > 0) ?? [];
    const drawn = signature.method === 'typed+drawn' && strokes.length > 0;
    w.ensure(BODY.leading + (drawn ? SIGNATURE_BOX.height + 6 : 0) + 4 * SMALL.leading + 10);
    w.text(`${ROLE_LABEL[signature.role]} signature`, { font: bold, size: BODY.size, leading: BODY.leading });
    if (drawn) {
      const top = w.y - 2;
      w.page.drawRectangle({
        x: w.left,
        y: top - SIGNATURE_BOX.height,
        width: SIGNATURE_BOX.width,
        height: SIGNATURE_BOX.height,
        borderColor: rgb(0.75, 0.75, 0.75),
        borderWidth: 0.5,
      });
      drawSignatureStrokes(w.page, { x: w.left, top }, strokes, signature.box);
      w.space(SIGNATURE_BOX.height + 6);
    }
    const small = { size: SMALL.size, leading: SMALL.leading };
    w.text(safe(`Name (typed): ${signature.name}`), small);
    w.text(`Signed: ${formatUtc(signature.signedAt)}`, small);
    w.text(`Method: ${METHOD_LABEL[signature.method]}`, small);
    w.text(safe(`IP address: ${signature.clientIp}`), small);
    w.space(10);
  }

  // What the document is, and how to check it.
  w.space(4);
  const small = { size: SMALL.size, leading: SMALL.leading, color: GREY };
  w.ensure(5 * SMALL.leading);
  w.text(safe(`Form: ${template.code} version ${template.version}`), small);
  w.text(`SHA-256 of the signed text (UTF-8): ${sha256}`, small);
  w.text(`Generated: ${generated}`, small);
  w.text(
    'The SHA-256 is of the consent text exactly as shown to the signer. In this PDF, characters the PDF ' +
      'font cannot show were replaced with plain ones (for example curly quotes with straight quotes).',
    small,
  );

  // Footers, now that the page count is known.
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const footer = safe(
      `Template ${template.code} v${template.version} · SHA-256 ${sha256.slice(0, 16)} · ` +
        `page ${i + 1} of ${pages.length} · generated ${generated}`,
    );
    let size = 8;
    while (size > 5 && regular.widthOfTextAtSize(footer, size) > w.width) size -= 0.5;
    page.drawText(footer, { x: CONSENT_PDF_PAGE.margin, y: FOOTER_Y, size, font: regular, color: GREY });
  });

  return doc.save();
}
