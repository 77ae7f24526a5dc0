import { describe, expect, it } from 'vitest';
import { IV_DEPRESSION, ESKETAMINE_TRD } from './protocol-library';
import { validateProtocol, type Protocol } from './protocol-schema';

/** A mutable deep copy of a library protocol to break on purpose. */
const draft = (p: Protocol = IV_DEPRESSION): Protocol => structuredClone(p);

function fieldsOf(input: unknown): string[] {
  const r = validateProtocol(input);
  return r.ok ? [] : r.errors.map((e) => e.field);
}

describe('validateProtocol', () => {
  it('accepts a coherent protocol', () => {
    expect(validateProtocol(draft()).ok).toBe(true);
  });

  it.each<[string, (p: Protocol) => void, string]>([
    [
      'a ceiling below a step',
      (p) => {
        p.ceiling.mgPerKg = 0.6;
      },
      'ceiling.mgPerKg',
    ],
    [
      'a negative duration',
      (p) => {
        const s = p.steps[0];
        if (s && s.kind === 'mg-per-kg') s.durationMin = -5;
      },
      'steps[0].durationMin',
    ],
    [
      'a zero dose',
      (p) => {
        const s = p.steps[1];
        if (s && s.kind === 'mg-per-kg') s.doseMgPerKg = 0;
      },
      'steps[1].doseMgPerKg',
    ],
    [
      'a missing name',
      (p) => {
        p.name = '';
      },
      'name',
    ],
    [
      'a version of 0',
      (p) => {
        p.version = 0;
      },
      'version',
    ],
    [
      'a duplicate step id',
      (p) => {
        const s = p.steps[1];
        if (s) s.id = 'standard';
      },
      'steps[1].id',
    ],
    [
      'an unknown citation',
      (p) => {
        p.steps[0]?.citationIds.push('made-up-2099');
      },
      'steps[0].citationIds[3]',
    ],
    [
      'an escalation to an unknown step',
      (p) => {
        const r = p.escalation[0];
        if (r) r.toStepId = 'missing';
      },
      'escalation[0].toStepId',
    ],
    [
      'an escalation that lowers the dose',
      (p) => {
        const r = p.escalation[0];
        if (r) {
          r.fromStepId = 'escalated';
          r.toStepId = 'standard';
        }
      },
      'escalation[0].toStepId',
    ],
    [
      'a phase naming an unknown step',
      (p) => {
        p.schedule.phases[0]?.stepIds.push('ghost');
      },
      'schedule.phases[0].stepIds[2]',
    ],
    [
      'a frequency range upside down',
      (p) => {
        const ph = p.schedule.phases[0];
        if (ph) ph.frequency = { kind: 'per-week', min: 3, max: 2 };
      },
      'schedule.phases[0].frequency.min',
    ],
    [
      'a ceiling with no limit',
      (p) => {
        delete p.ceiling.mgPerKg;
      },
      'ceiling',
    ],
    [
      'a devices step on an IV protocol',
      (p) => {
        p.steps.push({
          id: 'spray',
          label: 'spray',
          kind: 'devices',
          devices: 1,
          mgPerDevice: 28,
          minutesBetweenDevices: 5,
          citationIds: ['cusin-2017'],
        });
      },
      'steps[2].kind',
    ],
    [
      'a step dose outside its own range',
      (p) => {
        const s = p.steps[0];
        if (s && s.kind === 'mg-per-kg') s.doseRange = { min: 0.6, max: 0.9 };
      },
      'steps[0].doseMgPerKg',
    ],
    [
      'a dose range with min above max',
      (p) => {
        const s = p.steps[0];
        if (s && s.kind === 'mg-per-kg') s.doseRange = { min: 0.9, max: 0.4 };
      },
      'steps[0].doseRange.min',
    ],
  ])('rejects %s, naming the field', (_what, breakIt, field) => {
    const p = draft();
    breakIt(p);
    expect(fieldsOf(p)).toContain(field);
  });

  it('rejects a rate step with zero duration (a rate needs time)', () => {
    const p = draft();
    p.steps[0] = {
      id: 'standard',
      label: 'rate',
      kind: 'mg-per-kg-per-hour',
      doseMgPerKgPerHour: 0.5,
      durationMin: 0,
      citationIds: ['cusin-2017'],
    };
    expect(fieldsOf(p)).toContain('steps[0].durationMin');
  });

  it('rejects a rate step whose total over its duration breaks an mg/kg ceiling', () => {
    const p = draft();
    p.steps[0] = {
      id: 'standard',
      label: 'rate',
      kind: 'mg-per-kg-per-hour',
      doseMgPerKgPerHour: 0.5,
      durationMin: 180,
      citationIds: ['cusin-2017'],
    };
    p.escalation = [];
    const r = validateProtocol(p);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toContainEqual({ field: 'ceiling.mgPerKg', message: expect.stringContaining('1.5') });
  });

  it('rejects fractional devices, mg steps on intranasal protocols and devices above the mg ceiling', () => {
    const p = draft(ESKETAMINE_TRD);
    const s = p.steps[0];
    if (s && s.kind === 'devices') s.devices = 1.5;
    expect(fieldsOf(p)).toContain('steps[0].devices');

    const q = draft(ESKETAMINE_TRD);
    q.ceiling.totalMg = 56;
    expect(fieldsOf(q)).toContain('ceiling.totalMg');

    const r = draft(ESKETAMINE_TRD);
    r.steps.push({
      id: 'iv',
      label: 'iv',
      kind: 'fixed-mg',
      fixedMg: 20,
      durationMin: 0,
      citationIds: ['spravato-pi'],
    });
    expect(fieldsOf(r)).toContain('steps[2].kind');

    const t = draft(ESKETAMINE_TRD);
    delete t.ceiling.totalMg;
    t.ceiling.mgPerKg = 1;
    expect(fieldsOf(t)).toContain('ceiling.totalMg');
  });

  it('rejects a relapse rule pointing at an unknown phase', () => {
    const p = draft();
    p.schedule.onRelapse = { returnToPhaseId: 'nowhere', citationIds: ['can-bind-2020'] };
    p.citations.push({ id: 'can-bind-2020', source: 'x', supports: '', reference: '', tag: 'primary' });
    expect(fieldsOf(p)).toEqual(['schedule.onRelapse.returnToPhaseId']);
  });

  it('rejects non-objects and reports the wrong type', () => {
    expect(validateProtocol(null).ok).toBe(false);
    expect(fieldsOf({ ...draft(), route: 'oral' })).toContain('route');
  });
});
