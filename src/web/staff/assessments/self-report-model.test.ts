import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../format';
import { defaultSendChannel, linkRecipientText, linkStateText, queuedLinkNotice } from './self-report-model';

const expiresAt = '2030-01-15T10:00:00.000Z';

describe('self-report wording', () => {
  it('defaults to email only when the patient has an address', () => {
    expect(defaultSendChannel({ email: 'a@example.test' })).toBe('email');
    expect(defaultSendChannel({ email: null })).toBe('copy');
  });

  it('confirms a queued link with its channel, recipient and expiry', () => {
    const link = { recipientHint: '•••• 4242', expiresAt };
    expect(queuedLinkNotice('sms', link)).toBe(
      `Link queued by SMS to •••• 4242; it expires ${formatDateTime(expiresAt)}.`,
    );
    expect(queuedLinkNotice('email', link)).toMatch(/^Link queued by email to /);
  });

  it('shows the masked recipient when there is one', () => {
    expect(linkRecipientText({ channel: 'email', recipientHint: 'q•••@example.test' })).toBe(
      'email (q•••@example.test)',
    );
    expect(linkRecipientText({ channel: 'copy', recipientHint: null })).toBe('copy');
  });

  it('says until when a pending link works', () => {
    expect(linkStateText({ status: 'pending', expiresAt })).toBe(
      `pending until ${formatDateTime(expiresAt)}`,
    );
    expect(linkStateText({ status: 'used', expiresAt })).toBe('used');
  });
});
