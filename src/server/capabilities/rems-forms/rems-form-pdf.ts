import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { RemsFormView } from '../../../contracts/rems.js';
import { GREY, Writer, formatUtc, toPdfSafeText } from '../../shared/pdf-text.js';

/**
 * The Patient Monitoring Form as a PDF to submit (fax, or to copy into the REMS website): every item of
 * the form's version with its value, items still empty marked, and where to send it. Made from the form
 * view, so what is printed is what the screen shows.
 */
export async function renderRemsFormPdf(form: RemsFormView, generatedAt: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const date = new Date(generatedAt);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setTitle(form.title);
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  const body = { size: 10, leading: 14 };
  const small = { size: 8, leading: 11, color: GREY };
  w.text(toPdfSafeText(form.title), { font: w.bold, size: 13, leading: 17 });
  w.text(
    toPdfSafeText(
      `Form version ${form.templateVersion} - treatment ${form.treatmentDate} - due ${form.dueOn}`,
    ),
    small,
  );
  let section = '';
  for (const item of form.items) {
    if (item.section !== section) {
      section = item.section;
      w.space(6);
      w.text(toPdfSafeText(section), { font: w.bold, size: 11, leading: 15 });
    }
    const value = item.value ?? (item.required ? '____________ (required)' : '____________');
    w.text(toPdfSafeText(`${item.label}: ${value}`), body);
  }
  w.space(8);
  w.text(
    toPdfSafeText(
      `Submit within ${form.submission.withinDays} days of the treatment: online at ${form.submission.online} or by fax to ${form.submission.fax}. REMS phone: ${form.submission.phone}.`,
    ),
    small,
  );
  if (form.submitted)
    w.text(
      toPdfSafeText(
        `Submitted ${form.submitted.on} by ${form.submitted.channel}${form.submitted.confirmation ? `, confirmation ${form.submitted.confirmation}` : ''}.`,
      ),
      small,
    );
  w.text(`Printed ${formatUtc(generatedAt)}.`, small);
  return doc.save({ useObjectStreams: false });
}
