import { describe, expect, it } from 'vitest';
import { getInstrument } from './registry';
import { resolveSettings, threshold } from './resolve-settings';

const madrs = getInstrument('madrs')!;

describe('resolveSettings', () => {
  it('fills defaults and marks them as such', () => {
    const r = resolveSettings(madrs);
    if (!r.ok) throw new Error('expected settings');
    expect(r.settings.mildFrom).toMatchObject({ value: 7, default: 7, isDefault: true });
  });

  it('names an unknown setting and lists the known ones', () => {
    const r = resolveSettings(getInstrument('gad7')!, { cutoff: 3 });
    expect(r).toEqual({
      ok: false,
      errors: [{ setting: 'cutoff', message: 'unknown setting "cutoff" for gad7 (settings: none)' }],
    });
    const phq = resolveSettings(getInstrument('phq9')!, { cutoff: 3 });
    expect(phq).toMatchObject({
      ok: false,
      errors: [
        { setting: 'cutoff', message: 'unknown setting "cutoff" for phq9 (settings: safetyAlertFrom)' },
      ],
    });
  });

  it('rejects a value outside the setting range and cut points out of order', () => {
    expect(resolveSettings(madrs, { mildFrom: 0 })).toMatchObject({
      ok: false,
      errors: [{ setting: 'mildFrom', message: 'setting mildFrom: must be between 1 and 60' }],
    });
    const unordered = resolveSettings(madrs, { mildFrom: 30 });
    expect(unordered.ok).toBe(false);
    if (!unordered.ok)
      expect(unordered.errors[0]!.message).toMatch(/^band "moderate" must start above band "mild"/);
  });
});

describe('threshold', () => {
  it('reads a fixed number or the resolved setting it names', () => {
    const r = resolveSettings(madrs, { mildFrom: 9 });
    if (!r.ok) throw new Error('expected settings');
    expect(threshold(4, r.settings)).toBe(4);
    expect(threshold({ setting: 'mildFrom' }, r.settings)).toBe(9);
    expect(() => threshold({ setting: 'nope' }, r.settings)).toThrow(/missing numeric setting "nope"/);
  });
});
