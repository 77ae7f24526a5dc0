import { describe, expect, it } from 'vitest';
import { CITATIONS } from './citations';
import {
  ESKETAMINE_MDD_SUICIDAL,
  ESKETAMINE_TRD,
  ESKETAMINE_TRD_65_PLUS,
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

  it('marks the escalated step’s 40 min as assumed: Cusin 2017 infused over 45 min', () => {
    const escalated = IV_DEPRESSION.steps.find((s) => s.id === 'escalated')!;
    const tags = escalated.citationIds.map((id) => IV_DEPRESSION.citations.find((c) => c.id === id));
    expect(tags).toContainEqual(
      expect.objectContaining({ id: 'escalated-infusion-time-40-min-assumed', tag: 'unverified' }),
    );
    expect(escalated.notes).toContain('45 min');
  });

  it('marks the chronic-pain step’s 4 h as assumed: Cohen 2018 gives no single duration', () => {
    expect(IV_CHRONIC_PAIN.steps[0]!.citationIds).toContain('pain-infusion-time-4-h-assumed');
    expect(CITATIONS['pain-infusion-time-4-h-assumed'].tag).toBe('unverified');
  });

  it('never tags a source of the 1.0 mg/kg ceiling primary', () => {
    for (const p of [IV_DEPRESSION, IV_DEPRESSION_CAN_BIND_MAINTENANCE]) {
      const primaryAboutCeiling = p.citations.filter(
        (c) => c.tag === 'primary' && /ceiling/i.test(c.supports),
      );
      expect(primaryAboutCeiling.map((c) => c.id)).toEqual([]);
    }
  });

  it('cites the secondary 65-and-over source on every dose of the 65-and-over protocol', () => {
    for (const s of ESKETAMINE_TRD_65_PLUS.steps) expect(s.citationIds).toContain('spravato-elderly-mims');
  });

  it('does not ask for sessions without response before 84 mg: the label counts sessions given', () => {
    for (const rule of [...ESKETAMINE_TRD.escalation, ...ESKETAMINE_TRD_65_PLUS.escalation])
      expect(rule.minPriorSessionsWithoutResponse, rule.id).toBe(0);
  });

  // That each reference lands on a register entry is checked for every file by src/test/citations-in-repo.test.ts.
  it('tags every citation as the clinical source register does', () => {
    // The evidence level of each citation, as reviewed against the register's entries.
    const expected: Record<string, string> = {
      'murrough-2013': 'primary',
      'shiroma-2014': 'primary',
      'elekt-d-2023': 'primary',
      'fava-2018-rapid': 'primary',
      'cusin-2017': 'primary',
      'askp-dose-range': 'secondary',
      'no-standard-ladder': 'unverified',
      'clinical-md-defaults': 'primary',
      'can-bind-2020': 'primary',
      'feder-2021': 'primary',
      'feder-2014': 'secondary',
      'infusion-time-40-min-assumed': 'unverified',
      'escalated-infusion-time-40-min-assumed': 'unverified',
      'pain-infusion-time-4-h-assumed': 'unverified',
      'cohen-2018': 'secondary',
      'medscape-crps': 'secondary',
      'spravato-pi': 'primary',
      'spravato-elderly-mims': 'secondary',
      'sanacora-2017-ibw': 'secondary',
      'no-adjusted-body-weight': 'unverified',
      'devine-1974': 'secondary',
    };
    for (const c of Object.values(CITATIONS)) if (expected[c.id]) expect(c.tag, c.id).toBe(expected[c.id]);
  });
});
