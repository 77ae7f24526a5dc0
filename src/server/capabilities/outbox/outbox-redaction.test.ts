import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone, maskRecipient, redactMessageText } from './outbox-redaction.js';

describe('masking a recipient', () => {
  it('keeps the first letter and the domain of an address, and the last four digits of a number', () => {
    expect(maskRecipient('email', 'jordan.private@example.com')).toBe('j•••@example.com');
    expect(maskRecipient('sms', '(555) 010-1234')).toBe('•••• 1234');
    expect(maskRecipient('sms', '+44 20 7946 0958')).toBe('•••• 0958');
  });

  it('shows nothing of a value that is not an address or a full number', () => {
    expect(maskEmail('not-an-address')).toBe('•••');
    expect(maskEmail('@example.com')).toBe('•••');
    expect(maskPhone('911')).toBe('••••');
  });
});

describe('redacting message text', () => {
  const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCd';

  it('replaces a self-report link token and any other long token', () => {
    const text = `Open https://arbor.example/r/${token}x now, code ${'Z'.repeat(40)}.`;
    const out = redactMessageText(text, 'email', 'a@example.com');
    expect(out).toBe('Open https://arbor.example/r/[link hidden] now, code [hidden].');
  });

  it('masks every email address and the recipient’s own number, keeping other numbers and dates', () => {
    const error = 'Error: 550 <jordan.private@example.com> rejected; also cc@clinic.example';
    expect(redactMessageText(error, 'email', 'jordan.private@example.com')).toBe(
      'Error: 550 <j•••@example.com> rejected; also c•••@clinic.example',
    );
    const sms = 'Gateway refused 555-010-1234 at 2024-05-01 14:00; crisis line 988';
    expect(redactMessageText(sms, 'sms', '(555) 010-1234')).toBe(
      'Gateway refused •••• 1234 at 2024-05-01 14:00; crisis line 988',
    );
  });
});
