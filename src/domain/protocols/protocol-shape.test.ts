import { describe, expect, it } from 'vitest';
import { stepSchema } from './protocol-shape';

const base = { id: 'standard', label: 'Standard', citationIds: ['c'] };

describe('stepSchema', () => {
  it('allows a push (duration 0) for a mg/kg dose but not for a rate', () => {
    expect(
      stepSchema.safeParse({ ...base, kind: 'mg-per-kg', doseMgPerKg: 0.5, durationMin: 0 }).success,
    ).toBe(true);
    const rate = stepSchema.safeParse({
      ...base,
      kind: 'mg-per-kg-per-hour',
      doseMgPerKgPerHour: 0.5,
      durationMin: 0,
    });
    expect(rate.success).toBe(false);
    expect(rate.error?.issues[0]?.message).toBe('durationMin must be > 0');
  });

  it('needs a range to run from min to max and devices to be whole', () => {
    const range = stepSchema.safeParse({
      ...base,
      kind: 'fixed-mg',
      fixedMg: 30,
      durationMin: 0,
      doseRange: { min: 40, max: 20 },
    });
    expect(range.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['doseRange.min', 'doseRange.min must be ≤ doseRange.max'],
    ]);
    const devices = stepSchema.safeParse({
      ...base,
      kind: 'devices',
      devices: 1.5,
      mgPerDevice: 28,
      minutesBetweenDevices: 5,
    });
    expect(devices.error?.issues[0]?.message).toBe('devices must be a whole number');
  });
});
