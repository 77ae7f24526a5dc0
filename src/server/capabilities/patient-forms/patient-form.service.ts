import { randomBytes } from 'node:crypto';
import { ESIGN_DISCLOSURE, type ConsentTemplateCode } from '../../../domain/consent/index.js';
import type { MedicationEntry } from '../../../domain/intake/index.js';
import type { FormLinkStatus, FormPurpose } from '../../../contracts/patient-forms.js';
import type { Executor, Tx } from '../../../db/client.js';
import type { Recorder } from '../../shared/actor.js';
import { ApiError, badRequest } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit, type AuditEvent } from '../../shared/audit.js';
import { readStoredClinic } from '../../shared/clinic-settings.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import { linkTokenPattern, patientLinkThrottle, patientLinkThrottleKey } from '../../shared/patient-links.js';
import { hashToken } from '../../shared/session.js';
import { assertNotThrottled, recordFailure } from '../../shared/throttle.js';
import {
  checkIntakeAnswers,
  checkMedications,
  currentIntakeAnswers,
  currentMedications,
  recordIntakeRevision,
  recordMedicationList,
} from '../intake/index.js';
import {
  currentTemplateOf,
  recordPatientSignature,
  renderedTextFor,
  type PatientSignature,
} from '../consent/index.js';
import { formLinkStatus, MAX_BIRTH_DATE_CHECKS } from './form-links.js';
import type { IntakeFormPost } from './intake-form-post.js';
import { lockFormLinkByTokenHash, updateFormLink, type FormLinkRow } from './patient-forms.queries.js';

/**
 * The patient's side of a form link: confirm the date of birth, then fill in the intake (saved as it
 * goes, submitted once) or read and sign a consent form. The token is the first credential and the
 * date of birth the second; the form's posts carry the proof the date check issued. Every step is
 * audited under the link's name, with the caller's address; no token or answer is logged.
 */

/** What every page of the link shows around its content. */
export interface FormFrame {
  clinicName: string;
  purpose: FormPurpose;
  kiosk: boolean;
  expiresAt: Date;
}

type Spent = { state: Exclude<FormLinkStatus, 'pending'>; clinicName: string; kiosk: boolean };
type Unknown = { state: 'unknown' };

export type IntakeContent = {
  purpose: 'intake';
  answers: Record<string, unknown>;
  medications: Array<Record<string, unknown>>;
  noMedications: boolean;
};
export type ConsentContent = {
  purpose: 'consent';
  templateId: string;
  title: string;
  text: string;
  esignDisclosure: string;
};
export type FormContent = IntakeContent | ConsentContent;

export type OpenOutcome = Unknown | Spent | ({ state: 'ask-birth-date' } & FormFrame);
export type CheckOutcome =
  | Unknown
  | Spent
  | ({ state: 'wrong-birth-date'; attemptsLeft: number } & FormFrame)
  | ({ state: 'verified'; proof: string; content: FormContent } & FormFrame);
export type PostOutcome =
  | Unknown
  | Spent
  | ({ state: 'ask-birth-date' } & FormFrame)
  | ({
      state: 'invalid' | 'saved';
      proof: string;
      content: FormContent;
      errors: Record<string, string>;
    } & FormFrame)
  | ({ state: 'done' } & FormFrame);

const linkLabel = (link: FormLinkRow) =>
  `patient (${link.channel === 'kiosk' ? 'kiosk' : 'form'} link ${link.id})`;

const recorderOf = (link: FormLinkRow, clientIp: string): Recorder => ({
  clinicId: link.clinicId,
  userId: null,
  label: linkLabel(link),
  clientIp,
});

const linkEvent = (
  link: FormLinkRow,
  clientIp: string,
  event: Pick<AuditEvent, 'action' | 'detail' | 'outcome'>,
): AuditEvent => ({
  clinicId: link.clinicId,
  patientId: link.patientId,
  userLabel: linkLabel(link),
  entity: 'patient-form.link',
  entityId: link.id,
  clientIp,
  ...event,
});

async function frameOf(db: Executor, link: FormLinkRow): Promise<FormFrame> {
  const clinic = await readStoredClinic(db, link.clinicId);
  return {
    clinicName: clinic?.settings.site.displayName || clinic?.name || 'Your clinic',
    purpose: link.purpose as FormPurpose,
    kiosk: link.channel === 'kiosk',
    expiresAt: link.expiresAt,
  };
}

/**
 * Finds and locks the link behind a token inside the caller's transaction. An unknown token counts a
 * failure against the caller's address and is audited as a denied access.
 */
async function lockByToken(tx: Tx, token: string, clientIp: string, now: Date) {
  const link = linkTokenPattern.test(token) ? await lockFormLinkByTokenHash(tx, hashToken(token)) : undefined;
  if (!link) {
    await recordFailure(tx, patientLinkThrottleKey(clientIp), patientLinkThrottle, now);
    await appendAudit(tx, [
      {
        action: 'access-denied',
        entity: 'patient-form.link',
        detail: { reason: 'unknown-token' },
        outcome: 'failure',
        clientIp,
      },
    ]);
  }
  return link;
}

/** Runs one step of a link in a transaction after the address throttle: unknown and spent links end here. */
async function withLink<T>(
  deps: AppDeps,
  input: { token: string; clientIp: string },
  step: (tx: Tx, link: FormLinkRow, frame: FormFrame, now: Date) => Promise<T>,
): Promise<T | Unknown | Spent> {
  const now = deps.now();
  await assertNotThrottled(deps.db, [patientLinkThrottleKey(input.clientIp)], now);
  return deps.db.transaction(async (tx) => {
    const link = await lockByToken(tx, input.token, input.clientIp, now);
    if (!link) return { state: 'unknown' } as const;
    const frame = await frameOf(tx, link);
    const status = formLinkStatus(link, now);
    if (status !== 'pending') {
      await appendAudit(tx, [
        linkEvent(link, input.clientIp, { action: 'read', detail: { state: status }, outcome: 'failure' }),
      ]);
      return { state: status, clinicName: frame.clinicName, kiosk: frame.kiosk };
    }
    return step(tx, link, frame, now);
  });
}

/** Opening the link: nothing about the patient is shown before the date of birth is confirmed. */
export async function openFormLink(deps: AppDeps, token: string, clientIp: string): Promise<OpenOutcome> {
  return withLink(deps, { token, clientIp }, async (tx, link, frame, now) => {
    if (!link.openedAt) await updateFormLink(tx, link.id, { openedAt: now });
    await appendAudit(tx, [
      linkEvent(link, clientIp, { action: 'read', detail: { state: 'open' }, outcome: 'success' }),
    ]);
    return { state: 'ask-birth-date' as const, ...frame };
  });
}

/** A date typed as YYYY-MM-DD (the date input) or MM/DD/YYYY (typed by hand), as YYYY-MM-DD. */
export function normaliseBirthDate(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw.trim());
  if (us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  return null;
}

async function contentOf(tx: Tx, link: FormLinkRow): Promise<FormContent> {
  if (link.purpose === 'intake') {
    const intake = await currentIntakeAnswers(tx, link.clinicId, link.patientId);
    const medications = await currentMedications(tx, link.clinicId, link.patientId);
    return {
      purpose: 'intake',
      answers: (intake?.answers ?? {}) as Record<string, unknown>,
      medications: medications as unknown as Array<Record<string, unknown>>,
      noMedications: false,
    };
  }
  const template = await currentTemplateOf(
    tx,
    link.clinicId,
    link.consentTemplateCode as ConsentTemplateCode,
  );
  if (!template) throw new ApiError(409, 'conflict', 'The clinic no longer has this consent form');
  const patient = await loadClinicPatient(tx, link.clinicId, link.patientId);
  return {
    purpose: 'consent',
    templateId: template.id,
    title: template.title,
    text: await renderedTextFor(tx, link.clinicId, template, patient),
    esignDisclosure: ESIGN_DISCLOSURE,
  };
}

/** A new proof for this link; only its hash is kept, and it replaces any earlier one. */
async function issueProof(tx: Tx, link: FormLinkRow): Promise<string> {
  const proof = randomBytes(32).toString('base64url');
  await updateFormLink(tx, link.id, { proofHash: hashToken(proof) });
  return proof;
}

/**
 * The date-of-birth check. A wrong date counts against the link (five lock it) and the address; the
 * right one issues the proof and returns the form to show.
 */
export async function checkBirthDate(
  deps: AppDeps,
  input: { token: string; clientIp: string; birthDate: string },
): Promise<CheckOutcome> {
  return withLink(deps, input, async (tx, link, frame, now) => {
    const patient = await loadClinicPatient(tx, link.clinicId, link.patientId);
    if (normaliseBirthDate(input.birthDate) !== patient.birthDate) {
      const failedChecks = link.failedChecks + 1;
      const locked = failedChecks >= MAX_BIRTH_DATE_CHECKS;
      await updateFormLink(tx, link.id, { failedChecks, ...(locked ? { lockedAt: now } : {}) });
      await recordFailure(tx, patientLinkThrottleKey(input.clientIp), patientLinkThrottle, now);
      await appendAudit(tx, [
        linkEvent(link, input.clientIp, {
          action: 'access-denied',
          detail: { reason: 'birth-date-mismatch', failedChecks, locked },
          outcome: 'failure',
        }),
      ]);
      if (locked) return { state: 'locked' as const, clinicName: frame.clinicName, kiosk: frame.kiosk };
      return {
        state: 'wrong-birth-date' as const,
        attemptsLeft: MAX_BIRTH_DATE_CHECKS - failedChecks,
        ...frame,
      };
    }
    const proof = await issueProof(tx, link);
    const content = await contentOf(tx, link);
    await appendAudit(tx, [
      linkEvent(link, input.clientIp, {
        action: 'read',
        detail: { state: 'verified', form: link.purpose },
        outcome: 'success',
      }),
    ]);
    return { state: 'verified' as const, proof, content, ...frame };
  });
}

/** A post whose proof does not match goes back to the date question (nothing is stored). */
const proofMatches = (link: FormLinkRow, proof: string) =>
  link.proofHash !== null && proof.length > 0 && hashToken(proof) === link.proofHash;

/** Problems from the intake and medication rules, keyed by the question (or 'med') the page shows them at. */
function errorsOf(error: ApiError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of error.fields ?? []) {
    const parts = problem.field.replace(/^body\./, '').split('.');
    const key = parts[0] === 'answers' ? parts[1]! : parts[0] === 'medications' ? 'med' : parts[0]!;
    const row =
      parts[0] === 'medications' && parts[1] !== undefined ? `Medicine ${Number(parts[1]) + 1}: ` : '';
    const message = problem.message === 'is required' ? 'Please answer this question.' : problem.message;
    errors[key] ??= `${row}${message}`;
  }
  if (Object.keys(errors).length === 0) errors._form = error.message;
  return errors;
}

/** Every problem of the post at once (answers, medicines, the medicines question), so the page shows them together. */
function checkIntakePost(deps: AppDeps, post: IntakeFormPost, kind: 'draft' | 'submitted') {
  const problems: Array<{ field: string; message: string }> = [];
  const collect = <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) throw error;
      problems.push(...(error.fields ?? []));
      return undefined;
    }
  };
  const answers = collect(() => checkIntakeAnswers(deps, { answers: post.answers, kind }, ''));
  const medications = collect(() => checkMedications(post.medications, ''));
  if (kind === 'submitted' && post.medications.length === 0 && !post.noMedications)
    problems.push({
      field: 'medications',
      message: 'List the medicines you take, or tick “I take no medicines”.',
    });
  if (problems.length > 0 || !answers || !medications) throw badRequest(problems);
  return { answers, medications: medications as MedicationEntry[] };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves the patient's intake: 'save' keeps a draft (the link stays open), 'submit' checks every
 * required answer, stores the submitted revision and the medication list, and uses the link up. A
 * problem stores nothing and returns the page with each problem at its question.
 */
export async function postIntake(
  deps: AppDeps,
  input: { token: string; clientIp: string; proof: string; post: IntakeFormPost; submit: boolean },
): Promise<PostOutcome> {
  const content: IntakeContent = { purpose: 'intake', ...input.post };
  try {
    return await withLink(deps, input, async (tx, link, frame, now) => {
      if (link.purpose !== 'intake' || !proofMatches(link, input.proof))
        return { state: 'ask-birth-date' as const, ...frame };
      const kind = input.submit ? 'submitted' : 'draft';
      const { answers, medications } = checkIntakePost(deps, input.post, kind);
      await loadClinicPatient(tx, link.clinicId, link.patientId, { forUpdate: true });
      const recorder = recorderOf(link, input.clientIp);
      const current = await currentIntakeAnswers(tx, link.clinicId, link.patientId);
      if (input.submit || !current || !sameJson(current.answers, answers))
        await recordIntakeRevision(
          tx,
          deps,
          recorder,
          link.patientId,
          { answers, kind, enteredVia: 'patient', formLinkId: link.id },
          answers,
        );
      const listed = await currentMedications(tx, link.clinicId, link.patientId);
      if (!sameJson(listed, medications) && (medications.length > 0 || input.submit))
        await recordMedicationList(tx, deps, recorder, link.patientId, medications, 'Entered by the patient');
      if (!input.submit)
        return { state: 'saved' as const, proof: input.proof, content, errors: {}, ...frame };
      await updateFormLink(tx, link.id, { usedAt: now, proofHash: null });
      await appendAudit(tx, [
        linkEvent(link, input.clientIp, {
          action: 'status-change',
          detail: { to: 'used' },
          outcome: 'success',
        }),
      ]);
      return { state: 'done' as const, ...frame };
    });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 400) throw error;
    return invalidPage(deps, input, content, errorsOf(error));
  }
}

/** The page again with the problems: the frame is read outside the rolled-back transaction. */
async function invalidPage(
  deps: AppDeps,
  input: { token: string; proof: string },
  content: FormContent,
  errors: Record<string, string>,
): Promise<PostOutcome> {
  const link = await deps.db.transaction((tx) => lockFormLinkByTokenHash(tx, hashToken(input.token)));
  if (!link) return { state: 'unknown' };
  return { state: 'invalid', proof: input.proof, content, errors, ...(await frameOf(deps.db, link)) };
}

/**
 * The patient signs the consent form they read (its version id travels with the form). The same
 * signature rules as at the clinic apply; the link is used up by the signature.
 */
export async function postConsent(
  deps: AppDeps,
  input: {
    token: string;
    clientIp: string;
    userAgent: string;
    proof: string;
    signature: PatientSignature | null;
    problems: Record<string, string>;
  },
): Promise<PostOutcome> {
  try {
    return await withLink(deps, input, async (tx, link, frame, now) => {
      if (link.purpose !== 'consent' || !proofMatches(link, input.proof))
        return { state: 'ask-birth-date' as const, ...frame };
      const content = await contentOf(tx, link);
      if (!input.signature || Object.keys(input.problems).length > 0)
        return { state: 'invalid' as const, proof: input.proof, content, errors: input.problems, ...frame };
      const patient = await loadClinicPatient(tx, link.clinicId, link.patientId, { forUpdate: true });
      const { consentId } = await recordPatientSignature(
        tx,
        deps,
        recorderOf(link, input.clientIp),
        patient,
        input.signature,
        {
          ip: input.clientIp,
          userAgent: input.userAgent,
          collectedBy: null,
          formLinkId: link.id,
        },
      );
      await updateFormLink(tx, link.id, { usedAt: now, proofHash: null });
      await appendAudit(tx, [
        linkEvent(link, input.clientIp, {
          action: 'status-change',
          detail: { to: 'used', consent: consentId },
          outcome: 'success',
        }),
      ]);
      return { state: 'done' as const, ...frame };
    });
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 409)) throw error;
    const content = await deps.db.transaction(async (tx) => {
      const link = await lockFormLinkByTokenHash(tx, hashToken(input.token));
      return link ? contentOf(tx, link) : null;
    });
    if (!content) return { state: 'unknown' };
    const errors = error.status === 409 ? { _form: error.message } : errorsOf(error);
    return invalidPage(deps, input, content, errors);
  }
}
