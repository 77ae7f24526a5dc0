import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  clinicSettingsSchema,
  isPublicHttpsUrl,
  readClinicSettings,
  readClinicSettingsChecked,
} from './clinic-settings.js';

const defaults = clinicSettingsSchema.parse({});

describe('reading stored settings', () => {
  it('reads any stored document without throwing, as settings the schema accepts', () => {
    const sections = Object.keys(clinicSettingsSchema.shape);
    const stored = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(
        fc.oneof(fc.constantFrom(...sections), fc.string({ maxLength: 8 })),
        fc.oneof(fc.jsonValue(), fc.dictionary(fc.string({ maxLength: 24 }), fc.jsonValue(), { maxKeys: 4 })),
        { maxKeys: 5 },
      ),
    );
    fc.assert(
      fc.property(stored, (document) => {
        const { settings, problems } = readClinicSettingsChecked(document);
        expect(clinicSettingsSchema.safeParse(settings).success).toBe(true);
        if (problems.length === 0) expect(clinicSettingsSchema.safeParse(document ?? {}).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('replaces only the field that fails, or its section when the field alone is not enough', () => {
    const { settings, problems } = readClinicSettingsChecked({
      timeZone: 'Nowhere/Special',
      security: { sessionIdleMinutes: 10, lockMinutes: 0 },
      site: { tagline: 'Ours', locations: [{ name: 'A' }] },
      measurement: { madrsMildFrom: 40, madrsModerateFrom: 30 },
    });
    expect(settings.timeZone).toBe(defaults.timeZone);
    expect(settings.security).toEqual({ ...defaults.security, sessionIdleMinutes: 10 });
    expect(settings.site.tagline).toBe('Ours');
    expect(settings.site.locations).toEqual(defaults.site.locations);
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining([
        'settings.timeZone',
        'settings.security.lockMinutes',
        'settings.site.locations',
      ]),
    );
    expect(problems.some((p) => p.field.startsWith('settings.measurement'))).toBe(true);
    expect(clinicSettingsSchema.safeParse(settings).success).toBe(true);
  });

  it('reads valid stored settings as they are, with no problems', () => {
    const stored = { timeZone: 'Europe/Lisbon', security: { sessionIdleMinutes: 20 } };
    expect(readClinicSettingsChecked(stored).problems).toEqual([]);
    expect(readClinicSettings(stored).timeZone).toBe('Europe/Lisbon');
  });
});

describe('the rules of single settings', () => {
  it('knows IANA time zones by their canonical name and nothing else', () => {
    expect(canonicalTimeZone('America/New_York')).toBe('America/New_York');
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    for (const name of ['Mars/Olympus', '', '+01:00', 'America/New_York\u0000', ' UTC', '../etc/passwd']) {
      expect(canonicalTimeZone(name), name).toBeUndefined();
    }
  });

  it('takes as public https addresses only absolute https URLs with a host and no credentials', () => {
    for (const url of ['https://book.example', 'https://book.example/a?b=c#d', 'HTTPS://Book.Example/x']) {
      expect(isPublicHttpsUrl(url), url).toBe(true);
    }
    for (const url of [
      '//evil.example',
      '/\\evil.example',
      'https:/evil.example',
      'https:evil.example',
      'https:\\\\evil.example',
      'https://user@evil.example',
      'https://evil.example/a b',
      'http://evil.example',
      'javascript:alert(1)',
      '',
    ]) {
      expect(isPublicHttpsUrl(url), url).toBe(false);
    }
  });
});
