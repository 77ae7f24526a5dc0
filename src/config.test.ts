import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

describe('ARBOR_PUBLIC_URL', () => {
  it('is read as an origin, without a trailing slash', () => {
    expect(readConfig({ ARBOR_PUBLIC_URL: 'https://arbor.example.org/' }).publicUrl).toBe(
      'https://arbor.example.org',
    );
    expect(readConfig({ ARBOR_PUBLIC_URL: 'https://Arbor.Example.org:8443' }).publicUrl).toBe(
      'https://arbor.example.org:8443',
    );
    expect(readConfig({ ARBOR_PUBLIC_URL: 'http://localhost:3000' }).publicUrl).toBe('http://localhost:3000');
    expect(readConfig({}).publicUrl).toBeUndefined();
  });

  it('stops the start with the fix named when it is not an https origin', () => {
    for (const value of [
      'arbor.example.org',
      '//arbor.example.org',
      'https://arbor.example.org/app',
      'https://user:pw@arbor.example.org',
      'https://arbor.example.org/?x=1',
      'javascript:alert(1)',
      'http://arbor.example.org',
      'ftp://arbor.example.org',
    ]) {
      expect(() => readConfig({ ARBOR_PUBLIC_URL: value }), value).toThrow(/ARBOR_PUBLIC_URL/);
    }
  });
});

describe('ARBOR_SMS_DRIVER', () => {
  it('leaves text messages in the outbox unless twilio is chosen with its three settings', () => {
    expect(readConfig({}).sms).toBeUndefined();
    expect(readConfig({ ARBOR_SMS_DRIVER: 'outbox' }).sms).toBeUndefined();
    expect(
      readConfig({
        ARBOR_SMS_DRIVER: 'twilio',
        ARBOR_TWILIO_ACCOUNT_SID: 'AC1',
        ARBOR_TWILIO_AUTH_TOKEN: 't',
        ARBOR_SMS_FROM: '+15550001111',
      }).sms,
    ).toEqual({ accountSid: 'AC1', authToken: 't', from: '+15550001111', apiUrl: undefined });
  });

  it('stops the start naming what is missing or wrong', () => {
    expect(() => readConfig({ ARBOR_SMS_DRIVER: 'twilio', ARBOR_TWILIO_ACCOUNT_SID: 'AC1' })).toThrow(
      'ARBOR_SMS_DRIVER=twilio also needs ARBOR_TWILIO_AUTH_TOKEN, ARBOR_SMS_FROM',
    );
    expect(() => readConfig({ ARBOR_SMS_DRIVER: 'pigeon' })).toThrow("must be 'outbox' or 'twilio'");
  });
});
