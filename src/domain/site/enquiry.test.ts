import { describe, expect, it } from 'vitest';
import { consultationRequestSchema, formToRequest } from './enquiry';

const valid = { name: 'Ada Lovelace', email: 'ada@example.test', consent: true };

describe('consultation request validation', () => {
  it('accepts a minimal request and defaults the contact preference to email', () => {
    const parsed = consultationRequestSchema.parse(valid);
    expect(parsed.contactPreference).toBe('email');
  });

  it('names the failing field', () => {
    const result = consultationRequestSchema.safeParse({ ...valid, email: 'not-an-email' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['email']);
  });

  it('requires consent and a phone number when phone contact is chosen', () => {
    const noConsent = consultationRequestSchema.safeParse({ ...valid, consent: false });
    expect(noConsent.error?.issues.map((i) => i.path.join('.'))).toEqual(['consent']);
    const noPhone = consultationRequestSchema.safeParse({ ...valid, contactPreference: 'phone' });
    expect(noPhone.error?.issues.map((i) => i.path.join('.'))).toEqual(['phone']);
  });

  it('refuses unknown fields and out-of-range self-check totals', () => {
    expect(consultationRequestSchema.safeParse({ ...valid, diagnosis: 'x' }).success).toBe(false);
    expect(
      consultationRequestSchema.safeParse({
        ...valid,
        selfCheck: { phq9Total: 28, gad7Total: 3, phq9Item9Positive: false },
      }).success,
    ).toBe(false);
  });

  it('turns a posted HTML form into the same shape, with self-check totals only when included', () => {
    const base = {
      name: 'A',
      email: 'a@example.test',
      consent: 'yes',
      phone: '',
      phq9Total: '12',
      gad7Total: '8',
      phq9Item9: 'no',
    };
    expect(formToRequest(base)).not.toHaveProperty('selfCheck');
    expect(formToRequest({ ...base, includeSelfCheck: 'yes' }).selfCheck).toEqual({
      phq9Total: 12,
      gad7Total: 8,
      phq9Item9Positive: false,
    });
    expect(consultationRequestSchema.parse(formToRequest(base)).phone).toBeUndefined();
  });
});
