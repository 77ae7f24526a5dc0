import { PDFDocument, StandardFonts } from 'pdf-lib';
import { auditActor, type Actor } from '../../shared/actor.js';
import { conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { readStoredClinic } from '../../shared/clinic-settings.js';
import { BLACK, GREY, PDF_PAGE, Writer, formatUtc, toPdfSafeText } from '../../shared/pdf-text.js';
import { loadSessionFacts } from './session-facts.js';
import { findSession } from './session.queries.js';

/**
 * The signed session note as a PDF: the text exactly as signed (its SHA-256 printed with it), who
 * signed and co-signed and when, and every amendment after it with its reason. Made on request from
 * the stored entries, so a reprint years later shows the same words.
 */

export interface SessionNotePdfInput {
  clinicName: string;
  patient: { name: string; mrn: string; birthDate: string };
  signed: { text: string; sha256: string; by: string; at: string };
  cosigned: { by: string; at: string } | null;
  amendments: Array<{ text: string; reason: string; by: string; at: string }>;
  generatedAt: string;
}

export async function renderSessionNotePdf(input: SessionNotePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const date = new Date(input.generatedAt);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setTitle('Treatment session note');
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  const body = { size: 11, leading: 15 };
  const small = { size: 9, leading: 12, color: GREY };
  w.text(toPdfSafeText(input.clinicName), { font: w.bold, size: 14, leading: 18 });
  w.text('Treatment session note', { font: w.bold, size: 12, leading: 16 });
  w.text(
    toPdfSafeText(`${input.patient.name} - MRN ${input.patient.mrn} - born ${input.patient.birthDate}`),
    body,
  );
  w.space(6);
  w.rule();
  w.space(8);
  for (const line of input.signed.text.split('\n')) w.text(toPdfSafeText(line), { ...body, color: BLACK });
  w.space(8);
  w.text(toPdfSafeText(`Signed by ${input.signed.by} at ${formatUtc(input.signed.at)}`), {
    ...body,
    font: w.bold,
  });
  w.text(
    toPdfSafeText(
      input.cosigned
        ? `Co-signed by ${input.cosigned.by} at ${formatUtc(input.cosigned.at)}`
        : 'Not yet co-signed',
    ),
    { ...body, font: w.bold },
  );
  for (const a of input.amendments) {
    w.space(8);
    w.text(toPdfSafeText(`Amendment by ${a.by} at ${formatUtc(a.at)} - reason: ${a.reason}`), {
      ...body,
      font: w.bold,
    });
    for (const line of a.text.split('\n')) w.text(toPdfSafeText(line), body);
  }
  w.space(10);
  w.text(`SHA-256 of the signed text: ${input.signed.sha256}`, small);
  w.text(
    `Printed ${formatUtc(input.generatedAt)}. Page size ${PDF_PAGE.width}x${PDF_PAGE.height} pt.`,
    small,
  );
  return doc.save({ useObjectStreams: false });
}

export async function sessionNotePdf(deps: AppDeps, actor: Actor, id: string): Promise<Uint8Array> {
  const session = await findSession(deps.db, actor.clinicId, id);
  if (!session) throw notFound('Session');
  const facts = await loadSessionFacts(deps.db, session, deps.now());
  const signed = facts.chart.signed;
  if (!signed) throw conflict('The note is printed once it is signed');
  const clinic = await readStoredClinic(deps.db, actor.clinicId);
  const pdf = await renderSessionNotePdf({
    clinicName: clinic?.settings.site.displayName || clinic?.name || 'Clinic',
    patient: facts.patient,
    signed: { text: signed.text, sha256: signed.sha256, by: signed.by.label, at: signed.at.toISOString() },
    cosigned: facts.chart.cosigned
      ? { by: facts.chart.cosigned.by.label, at: facts.chart.cosigned.at.toISOString() }
      : null,
    amendments: facts.chart.amendments.map((a) => ({
      text: a.text,
      reason: a.reason,
      by: a.by.label,
      at: a.at.toISOString(),
    })),
    generatedAt: deps.now().toISOString(),
  });
  await deps.audit.record({
    ...auditActor(actor),
    patientId: session.patientId,
    action: 'export',
    entity: 'session.note',
    entityId: id,
    outcome: 'success',
  });
  return pdf;
}
