import type { FormLink, FormLinkStatus, FormPurpose } from '../../../contracts/patient-forms.js';
import type { ConsentTemplateCode } from '../../../domain/consent/index.js';
import type { FormLinkRow } from './patient-forms.queries.js';

/** Rules of patient form links shared by the staff side and the patient's pages. */

/** Five wrong dates of birth lock a link: enough for typos, too few to guess a date. */
export const MAX_BIRTH_DATE_CHECKS = 5;

export function formLinkStatus(row: FormLinkRow, now: Date): FormLinkStatus {
  if (row.usedAt) return 'used';
  if (row.revokedAt) return 'revoked';
  if (row.lockedAt) return 'locked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

export function formLinkDto(row: FormLinkRow, now: Date): FormLink {
  return {
    id: row.id,
    patientId: row.patientId,
    purpose: row.purpose as FormPurpose,
    consentTemplateCode: (row.consentTemplateCode as ConsentTemplateCode | null) ?? null,
    channel: row.channel as FormLink['channel'],
    recipientHint: row.recipientHint,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    openedAt: row.openedAt?.toISOString() ?? null,
    usedAt: row.usedAt?.toISOString() ?? null,
    status: formLinkStatus(row, now),
  };
}

/** The address the patient opens. */
export const formPath = (token: string) => `/f/${token}`;
export const formUrl = (origin: string, token: string) => `${origin.replace(/\/$/, '')}${formPath(token)}`;

/** What the form is, in the patient's words (no clinical detail, nothing about the person). */
export function formWords(purpose: FormPurpose): string {
  return purpose === 'intake' ? 'your health questionnaire' : 'your treatment consent form';
}

/** The message names the clinic and the kind of form only: no patient name, no other PHI. */
export function formLinkMessage(
  channel: 'email' | 'sms',
  input: { clinicName: string; purpose: FormPurpose; url: string; expiresAt: Date },
): { subject?: string; body: string } {
  const expires = `${input.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const what = formWords(input.purpose);
  if (channel === 'sms') {
    return { body: `${input.clinicName}: please complete ${what}: ${input.url} (expires ${expires}).` };
  }
  return {
    subject: `${input.clinicName}: please complete ${what}`,
    body: `Hello,\n\n${input.clinicName} asks you to complete ${what} before your first treatment:\n\n${input.url}\n\nYou will be asked for your date of birth first. You can save and come back to it until it expires on ${expires}. If you did not expect this message, you can ignore it.`,
  };
}
