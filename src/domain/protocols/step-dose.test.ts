import { describe, expect, it } from 'vitest';
import type { ProtocolStep } from './protocol-shape';
import { STEP_DOSE_FIELD, STEP_DOSE_UNIT, stepDoseValue } from './step-dose';

const base = { id: 's', label: 'S', citationIds: ['c'] };
const steps: ProtocolStep[] = [
  { ...base, kind: 'mg-per-kg', doseMgPerKg: 0.5, durationMin: 40 },
  { ...base, kind: 'mg-per-kg-per-hour', doseMgPerKgPerHour: 0.3, durationMin: 240 },
  { ...base, kind: 'fixed-mg', fixedMg: 35, durationMin: 0 },
  { ...base, kind: 'fixed-mg-per-hour', fixedMgPerHour: 22, durationMin: 60 },
  { ...base, kind: 'devices', devices: 3, mgPerDevice: 28, minutesBetweenDevices: 5 },
];

describe('step doses', () => {
  it('reads each kind of step from the field named for it', () => {
    for (const s of steps) {
      expect(stepDoseValue(s)).toBe((s as unknown as Record<string, number>)[STEP_DOSE_FIELD[s.kind]]);
    }
    expect(steps.map(stepDoseValue)).toEqual([0.5, 0.3, 35, 22, 3]);
  });

  it('has a unit for every kind', () => {
    expect(steps.map((s) => STEP_DOSE_UNIT[s.kind])).toEqual(['mg/kg', 'mg/kg/h', 'mg', 'mg/h', 'device']);
  });
});
