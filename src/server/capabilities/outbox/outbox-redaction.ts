import type { OutboxChannel } from '../../../contracts/outbox.js';

/**
 * What of a queued message may reach the outbox page (minimum necessary, 45 CFR 164.502(b)): enough to
 * tell messages apart and see why one failed, never enough to reach the patient or open their link.
 */

const mask = '•••';

/** `jordan@example.com` → `j•••@example.com`; anything that is not an address → `•••`. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return mask;
  return `${address.slice(0, 1)}${mask}@${address.slice(at + 1)}`;
}

/** `(555) 010-1234` → `•••• 1234`; fewer than seven digits shows none of them. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? `•••• ${digits.slice(-4)}` : '••••';
}

export function maskRecipient(channel: OutboxChannel, recipient: string): string {
  return channel === 'email' ? maskEmail(recipient) : maskPhone(recipient);
}

/** A self-report link (`/r/<token>`, src/server/capabilities/measurement) and any other long token. */
const linkToken = /\/r\/[A-Za-z0-9_-]{16,}/g;
const longToken = /[A-Za-z0-9_-]{32,}/g;
const emailAddress = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+\.[A-Za-z]{2,}/g;
const phoneLike = /\+?\d[\d\s().-]{5,}\d/g;

/**
 * Text of a message (subject, body, last delivery error) as the outbox page may show it: every link
 * token replaced, every email address masked, and the recipient's own number masked wherever it appears.
 */
export function redactMessageText(text: string, channel: OutboxChannel, recipient: string): string {
  const recipientDigits = channel === 'sms' ? recipient.replace(/\D/g, '') : '';
  let out = text.replace(linkToken, '/r/[link hidden]').replace(longToken, '[hidden]');
  out = out.replace(emailAddress, (address) => maskEmail(address));
  if (recipientDigits.length >= 7) {
    out = out.replace(phoneLike, (number) => {
      const digits = number.replace(/\D/g, '');
      return digits.endsWith(recipientDigits.slice(-7)) ? maskPhone(number) : number;
    });
  }
  return out;
}
