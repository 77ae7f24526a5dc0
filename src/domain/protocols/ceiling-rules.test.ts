import { describe, expect, it } from 'vitest';
import { ceilingErrorsForStep } from './ceiling-rules';
import type { ProtocolStep } from './protocol-shape';

const base = { id: 'standard', label: 'Standard', citationIds: ['c'] };

describe('ceilingErrorsForStep', () => {
  it('checks a mg/kg dose, the top of its range and its infusion rate', () => {
    const step: ProtocolStep = {
      ...base,
      kind: 'mg-per-kg',
      doseMgPerKg: 0.5,
      durationMin: 20,
      doseRange: { min: 0.5, max: 0.8 },
    };
    expect(ceilingErrorsForStep({ mgPerKg: 0.75, mgPerKgPerHour: 1, citationIds: ['c'] }, step, 2)).toEqual([
      {
        field: 'ceiling.mgPerKg',
        message: "ceiling 0.75 mg/kg is below steps[2] ('standard') doseRange.max of 0.8 mg/kg",
      },
      {
        field: 'ceiling.mgPerKgPerHour',
        message: "ceiling 1 mg/kg/h is below steps[2] ('standard') rate of 1.5 mg/kg/h",
      },
    ]);
  });

  it('tolerates float noise at the ceiling', () => {
    const step: ProtocolStep = { ...base, kind: 'fixed-mg', fixedMg: 0.1 + 0.2, durationMin: 0 };
    expect(ceilingErrorsForStep({ totalMg: 0.3, citationIds: ['c'] }, step, 0)).toEqual([]);
  });

  it('counts intranasal doses in devices × mg per device', () => {
    const step: ProtocolStep = {
      ...base,
      kind: 'devices',
      devices: 3,
      mgPerDevice: 28,
      minutesBetweenDevices: 5,
    };
    expect(ceilingErrorsForStep({ totalMg: 56, citationIds: ['c'] }, step, 0)).toEqual([
      {
        field: 'ceiling.totalMg',
        message: "ceiling 56 mg is below steps[0] ('standard') devices × mgPerDevice of 84 mg",
      },
    ]);
  });
});
