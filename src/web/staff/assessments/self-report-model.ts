import type { SelfReportLink } from '../../../contracts/self-report';
import { formatDateTime } from '../format';

export type SendChannel = 'email' | 'sms' | 'copy';

/** Email when the patient has an address; otherwise the link is shown once to hand over. */
export function defaultSendChannel(patient: { email: string | null }): SendChannel {
  return patient.email ? 'email' : 'copy';
}

/** The confirmation after a link went to the outbox (a "copy" link is shown instead). */
export function queuedLinkNotice(
  channel: SendChannel,
  link: { recipientHint: string | null; expiresAt: string },
): string {
  return `Link queued by ${channel === 'email' ? 'email' : 'SMS'} to ${link.recipientHint}; it expires ${formatDateTime(link.expiresAt)}.`;
}

/** The channel with its masked recipient, e.g. "email (q•••@example.test)". */
export function linkRecipientText(link: Pick<SelfReportLink, 'channel' | 'recipientHint'>): string {
  return `${link.channel}${link.recipientHint ? ` (${link.recipientHint})` : ''}`;
}

/** A pending link says until when it works; any other state speaks for itself. */
export function linkStateText(link: { status: string; expiresAt: string }): string {
  return link.status === 'pending' ? `pending until ${formatDateTime(link.expiresAt)}` : link.status;
}
