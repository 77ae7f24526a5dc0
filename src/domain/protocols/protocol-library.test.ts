import { describe, expect, it } from 'vitest';
import {
  ESKETAMINE_MDD_SUICIDAL,
  ESKETAMINE_TRD,
  IV_CHRONIC_PAIN,
  IV_DEPRESSION,
  IV_DEPRESSION_CAN_BIND_MAINTENANCE,
  IV_PTSD_FEDER_2021,
  PROTOCOL_LIBRARY,
  findLibraryProtocol,
} from './protocol-library';
import { validateProtocol } from './protocol-schema';

describe('protocol library', () => {
  it.each(PROTOCOL_LIBRARY.map((p) => [p.id, p] as const))('%s is valid, version 1 and frozen', (_id, p) => {
    expect(validateProtocol(p)).toEqual({ ok: true, protocol: p });
    expect(p.version).toBe(1);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.steps[0])).toBe(true);
  });

  it('has unique ids', () => {
    const ids = PROTOCOL_LIBRARY.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(findLibraryProtocol('iv-depression')).toBe(IV_DEPRESSION);
    expect(findLibraryProtocol('nope')).toBeUndefined();
  });

  it('cites every step, rule, ceiling and phase with a citation the protocol carries', () => {
    for (const p of PROTOCOL_LIBRARY) {
      const known = new Set(p.citations.map((c) => c.id));
      const used = [
        ...p.steps.flatMap((s) => s.citationIds),
        ...p.escalation.flatMap((r) => r.citationIds),
        ...p.ceiling.citationIds,
        ...p.schedule.phases.flatMap((ph) => ph.citationIds),
      ];
      expect(used.length).toBeGreaterThan(0);
      for (const id of used) expect(known.has(id), `${p.id} cites ${id}`).toBe(true);
    }
  });

  it('cannot be edited in place', () => {
    expect(() => {
      (IV_DEPRESSION.ceiling as { mgPerKg?: number }).mgPerKg = 5;
    }).toThrow(TypeError);
    expect(IV_DEPRESSION.ceiling.mgPerKg).toBe(1);
  });

  it('encodes the IV depression defaults of docs/clinical-sources.md#candidate-rule-defaults', () => {
    const [standard, escalated] = IV_DEPRESSION.steps;
    expect(standard).toMatchObject({ kind: 'mg-per-kg', doseMgPerKg: 0.5, durationMin: 40 });
    expect(escalated).toMatchObject({ kind: 'mg-per-kg', doseMgPerKg: 0.75, durationMin: 40 });
    expect(IV_DEPRESSION.escalation).toEqual([
      expect.objectContaining({
        fromStepId: 'standard',
        toStepId: 'escalated',
        minPriorSessionsWithoutResponse: 3,
      }),
    ]);
    expect(IV_DEPRESSION.ceiling.mgPerKg).toBe(1.0);
    expect(IV_DEPRESSION.schedule.phases[0]).toMatchObject({
      frequency: { kind: 'per-week', min: 2, max: 3 },
      weeks: { min: 2, max: 3 },
      sessions: { min: 6, max: 6 },
    });
  });

  it('marks the 1.0 mg/kg ceiling as resting on secondary and unverified sources', () => {
    const tags = IV_DEPRESSION.ceiling.citationIds.map(
      (id) => IV_DEPRESSION.citations.find((c) => c.id === id)?.tag,
    );
    expect(tags).toEqual(['secondary', 'unverified']);
  });

  it('encodes the CAN-BIND taper and the relapse rule', () => {
    const phases = IV_DEPRESSION_CAN_BIND_MAINTENANCE.schedule.phases;
    expect(phases.map((p) => p.frequency)).toEqual([
      { kind: 'per-week', min: 3, max: 3 },
      { kind: 'every-n-weeks', weeks: 1 },
      { kind: 'every-n-weeks', weeks: 2 },
      { kind: 'every-n-months', months: 1 },
    ]);
    expect(phases.map((p) => p.months ?? p.weeks)).toEqual([
      { min: 3, max: 4 },
      { min: 1, max: 1 },
      { min: 2, max: 2 },
      { min: 3, max: 3 },
    ]);
    expect(IV_DEPRESSION_CAN_BIND_MAINTENANCE.schedule.onRelapse?.returnToPhaseId).toBe(
      'maintenance-fortnightly',
    );
  });

  it('encodes the Feder 2021 PTSD design: 6 × 0.5 mg/kg, 3 a week for 2 weeks', () => {
    expect(IV_PTSD_FEDER_2021.steps[0]).toMatchObject({ doseMgPerKg: 0.5 });
    expect(IV_PTSD_FEDER_2021.schedule.phases[0]).toMatchObject({
      frequency: { kind: 'per-week', min: 3, max: 3 },
      weeks: { min: 2, max: 2 },
      sessions: { min: 6, max: 6 },
    });
  });

  it('encodes chronic pain as 0.5–2 mg/kg/h with a 2 mg/kg/h ceiling', () => {
    expect(IV_CHRONIC_PAIN.steps[0]).toMatchObject({
      kind: 'mg-per-kg-per-hour',
      doseMgPerKgPerHour: 0.5,
      doseRange: { min: 0.5, max: 2 },
    });
    expect(IV_CHRONIC_PAIN.ceiling.mgPerKgPerHour).toBe(2);
  });

  it('doses esketamine in 28 mg devices with 56 and 84 mg steps and an 84 mg ceiling', () => {
    for (const p of [ESKETAMINE_TRD, ESKETAMINE_MDD_SUICIDAL]) {
      expect(p.route).toBe('intranasal');
      for (const s of p.steps)
        expect(s).toMatchObject({ kind: 'devices', mgPerDevice: 28, minutesBetweenDevices: 5 });
      expect(p.ceiling.totalMg).toBe(84);
    }
    expect(ESKETAMINE_TRD.steps.map((s) => (s.kind === 'devices' ? s.devices * s.mgPerDevice : 0))).toEqual([
      56, 84,
    ]);
  });
});
