import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import type { ConsentView, signBody } from '../../../contracts/consent.js';
import {
  DEFAULT_CONSENT_TEMPLATES,
  ESIGN_DISCLOSURE,
  checkSignature,
  consentStatus,
  renderConsentText,
  type ConsentStatus,
  type ConsentTemplate,
  type ConsentTemplateCode,
} from '../../../domain/consent/index.js';
import { auditActor, type Actor, type Recorder } from '../../shared/actor.js';
import { badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { readStoredClinic } from '../../shared/clinic-settings.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import { renderConsentPdf } from './consent-pdf.js';
import {
  consentsOf,
  currentTemplates,
  findConsent,
  findDocument,
  findTemplate,
  insertConsent,
  insertDocument,
  insertTemplates,
  updateConsent,
  userLabel,
  type ConsentRow,
  type ConsentTemplateRow,
} from './consent.queries.js';

/**
 * Informed consent. The patient reads the rendered text and signs on a clinic tablet (typed legal name,
 * drawn signature, agreement to sign electronically); a clinician countersigns, which makes the PDF of
 * the exact signed text. What was signed is stored with its SHA-256 and never changes (database guard);
 * a withdrawal is recorded, not a deletion. A new template version supersedes earlier consents.
 */

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const asTemplate = (row: ConsentTemplateRow): ConsentTemplate => ({
  code: row.code as ConsentTemplateCode,
  title: row.title,
  version: row.version,
  sections: row.sections as ConsentTemplate['sections'],
  sources: row.sources as ConsentTemplate['sources'],
});

/** The shipped templates a clinic does not have yet, as version 1, in the caller's transaction. */
export async function addDefaultConsentTemplates(tx: Executor, clinicId: string): Promise<void> {
  await insertTemplates(
    tx,
    Object.values(DEFAULT_CONSENT_TEMPLATES).map((t) => ({
      clinicId,
      code: t.code,
      version: t.version,
      title: t.title,
      sections: t.sections,
      sources: t.sources,
    })),
  );
}

export async function listTemplates(deps: AppDeps, actor: Actor) {
  let rows = await currentTemplates(deps.db, actor.clinicId);
  if (rows.length === 0) {
    // A clinic made before consent existed gets the shipped templates on first use.
    await deps.db.transaction((tx) => addDefaultConsentTemplates(tx, actor.clinicId));
    rows = await currentTemplates(deps.db, actor.clinicId);
  }
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code as ConsentTemplateCode,
      version: r.version,
      title: r.title,
      sections: (r.sections as ConsentTemplate['sections']).map((s) => ({
        heading: s.heading,
        paragraphs: [...s.paragraphs],
      })),
      effectiveAt: r.effectiveAt.toISOString(),
    })),
    esignDisclosure: ESIGN_DISCLOSURE,
  };
}

async function statusOf(db: Executor, clinicId: string, row: ConsentRow, now: Date): Promise<ConsentStatus> {
  const clinic = await readStoredClinic(db, clinicId);
  const current = (await currentTemplates(db, clinicId)).find((t) => t.code === row.templateCode);
  return consentStatus(
    {
      signedAt: row.patientSignedAt.toISOString(),
      countersignedAt: row.countersignedAt?.toISOString() ?? null,
      withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
      templateCode: row.templateCode as ConsentTemplateCode,
      templateVersion: row.templateVersion,
      currentVersionOfTemplate: current?.version ?? row.templateVersion,
      expiryDays: clinic?.settings.intake.consentExpiryDays ?? null,
    },
    now,
  );
}

/** The status of the patient's latest consent of a template code, or null when none was signed. */
export async function consentStatusFor(
  db: Executor,
  clinicId: string,
  patientId: string,
  code: ConsentTemplateCode,
  now: Date,
): Promise<ConsentStatus | null> {
  const latest = (await consentsOf(db, clinicId, patientId)).find((c) => c.consent.templateCode === code);
  return latest ? statusOf(db, clinicId, latest.consent, now) : null;
}

async function views(deps: AppDeps, actor: Actor, patientId: string): Promise<ConsentView[]> {
  const rows = await consentsOf(deps.db, actor.clinicId, patientId);
  const out: ConsentView[] = [];
  for (const r of rows) {
    const c = r.consent;
    out.push({
      id: c.id,
      templateCode: c.templateCode as ConsentTemplateCode,
      templateVersion: c.templateVersion,
      title: r.title,
      textSha256: c.textSha256,
      status: await statusOf(deps.db, actor.clinicId, c, deps.now()),
      patientTypedName: c.patientTypedName,
      patientSignedAt: c.patientSignedAt.toISOString(),
      collectedBy: c.collectedBy ? { id: c.collectedBy, label: r.collectedByLabel ?? 'Unknown user' } : null,
      countersignedBy: c.countersignedBy
        ? { id: c.countersignedBy, label: r.countersignedByLabel ?? 'Unknown user' }
        : null,
      countersignedAt: c.countersignedAt?.toISOString() ?? null,
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
      withdrawnReason: c.withdrawnReason,
      hasPdf: r.hasPdf,
    });
  }
  return out;
}

export async function listConsents(deps: AppDeps, actor: Actor, patientId: string) {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const items = await views(deps, actor, patientId);
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'read',
    entity: 'consent',
    detail: { count: items.length },
    outcome: 'success',
  });
  return { items };
}

const patientName = (p: { legalGivenName: string; legalFamilyName: string }) =>
  `${p.legalGivenName} ${p.legalFamilyName}`;

/** What the patient gives when signing: the form version read, typed name, drawing, e-sign agreement. */
export type PatientSignature = z.infer<typeof signBody>;

/**
 * Stores the patient's signature of the current version of a template, in the caller's transaction
 * (patient row locked by the caller). The text is rendered on the server, hashed and stored as signed;
 * a template that is not the current version, a name that is not the patient's, or a consent already
 * awaiting countersignature for the same version is refused, each naming the field. `where` says how it
 * was collected: by a staff member at the clinic, or through the patient's own form link.
 */
export async function recordPatientSignature(
  tx: Executor,
  deps: AppDeps,
  recorder: Recorder,
  patient: { id: string; legalGivenName: string; legalFamilyName: string },
  signature: PatientSignature,
  where: { ip: string; userAgent: string; collectedBy: string | null; formLinkId: string | null },
): Promise<{ consentId: string }> {
  const clinicId = recorder.clinicId;
  const template = await findTemplate(tx, clinicId, signature.templateId);
  if (!template)
    throw badRequest([{ field: 'body.templateId', message: 'is not a consent form of this clinic' }]);
  const current = (await currentTemplates(tx, clinicId)).find((t) => t.code === template.code);
  if (current?.id !== template.id)
    throw conflict('This consent form has a newer version; sign the current one');
  const checked = checkSignature({
    typedName: signature.typedName,
    expectedName: patientName(patient),
    drawnSignature: signature.drawnSignature,
    esignConsent: signature.esignConsent,
  });
  if (!checked.ok)
    throw badRequest(checked.problems.map((p) => ({ field: `body.${p.field}`, message: p.message })));
  const open = (await consentsOf(tx, clinicId, patient.id)).find(
    (c) => c.consent.templateId === template.id && !c.consent.withdrawnAt && !c.consent.countersignedAt,
  );
  if (open) throw conflict('This form is already signed and waiting for a clinician’s countersignature');
  const text = await renderedTextFor(tx, clinicId, template, patient);
  const now = deps.now();
  const row = await insertConsent(tx, {
    clinicId,
    patientId: patient.id,
    templateId: template.id,
    templateCode: template.code,
    templateVersion: template.version,
    renderedText: text,
    textSha256: sha256(text),
    patientTypedName: checked.value.typedName,
    patientSignature: checked.value.drawnSignature,
    esignConsentAt: now,
    patientSignedAt: now,
    patientClientIp: where.ip,
    patientUserAgent: where.userAgent.slice(0, 300),
    collectedBy: where.collectedBy,
    formLinkId: where.formLinkId,
  });
  await appendAudit(tx, [
    {
      ...auditActor(recorder),
      patientId: patient.id,
      action: 'create',
      entity: 'consent',
      entityId: row.id,
      detail: {
        template: template.code,
        version: template.version,
        sha256: row.textSha256,
        ...(where.formLinkId ? { link: where.formLinkId } : {}),
      },
      outcome: 'success',
    },
  ]);
  return { consentId: row.id };
}

/** The text the patient reads and signs: the template rendered for this clinic and this patient. */
export async function renderedTextFor(
  tx: Executor,
  clinicId: string,
  template: ConsentTemplateRow,
  patient: { legalGivenName: string; legalFamilyName: string },
): Promise<string> {
  const clinic = await readStoredClinic(tx, clinicId);
  return renderConsentText(asTemplate(template), {
    clinicName: clinic?.settings.site.displayName || clinic?.name || 'the clinic',
    patientName: patientName(patient),
  });
}

/** The current version of one consent form of the clinic (the shipped ones are added on first use). */
export async function currentTemplateOf(tx: Executor, clinicId: string, code: ConsentTemplateCode) {
  let rows = await currentTemplates(tx, clinicId);
  if (rows.length === 0) {
    await addDefaultConsentTemplates(tx, clinicId);
    rows = await currentTemplates(tx, clinicId);
  }
  return rows.find((t) => t.code === code) ?? null;
}

/** The patient signs the current consent form at the clinic, on a tablet under a staff session. */
export async function signConsent(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  body: PatientSignature,
  client: { ip: string; userAgent: string },
): Promise<ConsentView> {
  await deps.db.transaction(async (tx) => {
    const patient = await loadClinicPatient(tx, actor.clinicId, patientId, { forUpdate: true });
    await recordPatientSignature(tx, deps, actor, patient, body, {
      ...client,
      collectedBy: actor.userId,
      formLinkId: null,
    });
  });
  return (await views(deps, actor, patientId))[0]!;
}

async function loadConsent(tx: Executor, actor: Actor, id: string) {
  const row = await findConsent(tx, actor.clinicId, id, true);
  if (!row) throw notFound('Consent');
  return row;
}

/** A clinician countersigns; the PDF of the exact signed text is made and stored in the same transaction. */
export async function countersignConsent(deps: AppDeps, actor: Actor, id: string): Promise<ConsentView> {
  const patientId = await deps.db.transaction(async (tx) => {
    const row = await loadConsent(tx, actor, id);
    if (row.withdrawnAt) throw conflict('This consent was withdrawn');
    if (row.countersignedAt) throw conflict('This consent is already countersigned');
    const now = deps.now();
    const signed = await updateConsent(tx, row.id, {
      countersignedBy: actor.userId,
      countersignedAt: now,
      countersignClientIp: actor.clientIp,
    });
    const patient = await loadClinicPatient(tx, actor.clinicId, row.patientId);
    const template = await findTemplate(tx, actor.clinicId, row.templateId);
    const clinic = await readStoredClinic(tx, actor.clinicId);
    const drawn = row.patientSignature as { width: number; height: number; strokes: [number, number][][] };
    const pdf = await renderConsentPdf({
      title: template!.title,
      text: row.renderedText,
      clinicName: clinic?.settings.site.displayName || clinic?.name || 'Clinic',
      patient: { name: patientName(patient), mrn: patient.mrn, birthDate: patient.birthDate },
      template: { code: row.templateCode, version: row.templateVersion, sha256: row.textSha256 },
      signatures: [
        {
          role: 'patient',
          name: row.patientTypedName,
          signedAt: row.patientSignedAt.toISOString(),
          method: 'typed+drawn',
          clientIp: row.patientClientIp ?? 'unknown',
          strokes: drawn.strokes,
          box: { width: drawn.width, height: drawn.height },
        },
        {
          role: 'clinician',
          name: await userLabel(tx, actor.userId),
          signedAt: signed.countersignedAt!.toISOString(),
          method: 'typed',
          clientIp: actor.clientIp,
        },
      ],
      generatedAt: now.toISOString(),
    });
    await insertDocument(tx, {
      clinicId: actor.clinicId,
      consentId: row.id,
      pdf,
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
      createdAt: now,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId: row.patientId,
        action: 'update',
        entity: 'consent',
        entityId: row.id,
        detail: { countersigned: true, pdfBytes: pdf.length },
        outcome: 'success',
      },
    ]);
    return row.patientId;
  });
  return (await views(deps, actor, patientId)).find((v) => v.id === id)!;
}

/** The patient withdraws consent (told to staff, who record it); treatment needs a new consent. */
export async function withdrawConsent(
  deps: AppDeps,
  actor: Actor,
  id: string,
  reason: string,
): Promise<ConsentView> {
  const patientId = await deps.db.transaction(async (tx) => {
    const row = await loadConsent(tx, actor, id);
    if (row.withdrawnAt) throw conflict('This consent is already withdrawn');
    await updateConsent(tx, row.id, {
      withdrawnAt: deps.now(),
      withdrawnReason: reason,
      withdrawnRecordedBy: actor.userId,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId: row.patientId,
        action: 'update',
        entity: 'consent',
        entityId: row.id,
        detail: { withdrawn: true, reason },
        outcome: 'success',
      },
    ]);
    return row.patientId;
  });
  return (await views(deps, actor, patientId)).find((v) => v.id === id)!;
}

export async function consentPdf(deps: AppDeps, actor: Actor, id: string): Promise<Uint8Array> {
  const row = await findConsent(deps.db, actor.clinicId, id);
  if (!row) throw notFound('Consent');
  const document = await findDocument(deps.db, actor.clinicId, id);
  if (!document) throw conflict('The PDF is made when a clinician countersigns');
  await deps.audit.record({
    ...auditActor(actor),
    patientId: row.patientId,
    action: 'export',
    entity: 'consent.pdf',
    entityId: id,
    outcome: 'success',
  });
  return document.pdf;
}
