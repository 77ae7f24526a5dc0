import { describe, expect, it } from 'vitest';
import { SESSION_KIND_PROFILES, sessionKindProfile } from './session-kinds.js';
import { SESSION_KINDS } from './session-types.js';

describe('session kinds', () => {
  it('has a profile for every kind, keyed by its own kind', () => {
    for (const kind of SESSION_KINDS) expect(sessionKindProfile(kind).kind).toBe(kind);
    expect(Object.keys(SESSION_KIND_PROFILES).sort()).toEqual([...SESSION_KINDS].sort());
  });

  it('keeps the esketamine specifics as data: BP at 40 min and before leaving, devices 5 min apart, the clock from the first device', () => {
    const esk = sessionKindProfile('esketamine');
    expect(esk.vitals).toMatchObject({ kind: 'after-first-dose', atMinutes: [40], beforeDischarge: true });
    expect(esk).toMatchObject({ hasPump: false, deviceSpacingMinutes: 5, observationFrom: 'first-dose' });
    expect(esk.fasting).toMatchObject({ kind: 'fixed', foodHours: 2, liquidMinutes: 30 });
  });

  it('gives IV ketamine a pump, the clinic’s fasting rule and an Aldrete at discharge', () => {
    const iv = sessionKindProfile('iv_ketamine');
    expect(iv).toMatchObject({
      hasPump: true,
      observationFrom: 'infusion-stop',
      fasting: { kind: 'clinic-setting' },
    });
    expect(iv.discharge).toContain('aldrete');
  });
});
