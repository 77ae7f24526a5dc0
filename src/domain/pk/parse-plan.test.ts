import { describe, expect, it } from 'vitest';
import { formatPlanError, parsePlan } from './parse-plan';
import { buildSchedule } from './schedule';

const valid = {
  model: 'domino',
  patient: { weightKg: 70, ageYears: 40, sex: 'female', heightCm: 165 },
  doses: [
    { kind: 'bolus', atMin: 0, mgPerKg: 0.2 },
    { kind: 'infusion', startMin: 0, endMin: 20, mgPerKgPerHour: 0.5 },
    { kind: 'infusion', startMin: 20, endMin: 60, totalMg: 35 },
  ],
};

function errorsOf(input: unknown): string[] {
  const r = parsePlan(input);
  return r.ok ? [] : r.errors.map(formatPlanError);
}

function withDose(i: number, patch: Record<string, unknown>, drop: string[] = []): unknown {
  const doses = valid.doses.map((d, j) => {
    if (j !== i) return d;
    const copy: Record<string, unknown> = { ...d, ...patch };
    for (const k of drop) delete copy[k];
    return copy;
  });
  return { ...valid, doses };
}

describe('parsePlan', () => {
  it('accepts the documented plan file, from text or from an object', () => {
    const fromText = parsePlan(JSON.stringify(valid));
    const fromObject = parsePlan(valid);
    expect(fromText.ok && fromObject.ok).toBe(true);
    if (fromText.ok) expect(fromText.plan).toEqual(valid);
  });

  it('defaults the model to domino', () => {
    const r = parsePlan({ patient: { weightKg: 70 }, doses: [] });
    expect(r.ok && r.plan.model).toBe('domino');
  });

  it.each<[string, unknown, string]>([
    ['unknown model', { ...valid, model: 'marsh' }, 'model: unknown model "marsh"'],
    ['missing patient', { ...valid, patient: undefined }, 'patient: is required'],
    ['missing weight', { ...valid, patient: { ageYears: 40 } }, 'patient.weightKg: is required'],
    ['zero weight', { ...valid, patient: { weightKg: 0 } }, 'patient.weightKg: must be greater than 0'],
    ['string weight', { ...valid, patient: { weightKg: '70' } }, 'patient.weightKg: must be a number'],
    ['NaN weight', { ...valid, patient: { weightKg: NaN } }, 'patient.weightKg: must be a finite number'],
    ['bad sex', { ...valid, patient: { weightKg: 70, sex: 'F' } }, 'patient.sex: must be one of'],
    ['negative bolus', withDose(0, { mgPerKg: -0.2 }), 'doses[0].mgPerKg: must not be negative'],
    ['both mg and mgPerKg', withDose(0, { mg: 14 }), 'doses[0].mgPerKg: give only one of mg, mgPerKg'],
    ['no amount', withDose(0, {}, ['mgPerKg']), 'doses[0]: needs one of mg, mgPerKg'],
    ['end before start', withDose(1, { endMin: 0 }), 'doses[1].endMin: must be greater than startMin'],
    ['end equal start', withDose(2, { endMin: 20 }), 'doses[2].endMin: must be greater than startMin'],
    ['negative start', withDose(1, { startMin: -5 }), 'doses[1].startMin: must not be negative'],
    ['two rates', withDose(2, { mgPerHour: 30 }), 'doses[2].totalMg: give only one of'],
    ['negative rate', withDose(1, { mgPerKgPerHour: -1 }), 'doses[1].mgPerKgPerHour: must not be negative'],
    ['NaN time', withDose(0, { atMin: NaN }), 'doses[0].atMin: must be a finite number'],
    ['infinite rate', withDose(1, { mgPerKgPerHour: Infinity }), 'doses[1].mgPerKgPerHour: must be a finite'],
    ['unknown kind', withDose(0, { kind: 'oral' }), 'doses[0].kind: must be bolus or infusion'],
    ['typo in amount field', withDose(0, { mgperkg: 0.2 }, ['mgPerKg']), 'doses[0].mgperkg: unknown field'],
    ['doses not an array', { ...valid, doses: {} }, 'doses: must be an array'],
    ['bad ke0', { ...valid, ke0PerMin: 0 }, 'ke0PerMin: must be greater than 0'],
    ['unknown top-level field', { ...valid, weight: 70 }, 'weight: unknown field'],
  ])('%s', (_name, input, expected) => {
    const errors = errorsOf(input);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.startsWith(expected))).toBe(true);
  });

  it('rejects invalid JSON and non-objects', () => {
    expect(errorsOf('{ not json')[0]).toMatch(/^not valid JSON/);
    expect(errorsOf('[1,2]')[0]).toBe('plan must be a JSON object');
  });

  it('reports every problem, in document order', () => {
    const errors = errorsOf({
      model: 'x',
      patient: { weightKg: -1 },
      doses: [
        { kind: 'bolus', atMin: 0, mg: -1 },
        { kind: 'infusion', startMin: 5, endMin: 1, mgPerHour: 1 },
      ],
    });
    expect(errors.map((e) => e.split(':')[0])).toEqual([
      'model',
      'patient.weightKg',
      'doses[0].mg',
      'doses[1].endMin',
    ]);
  });
});

describe('buildSchedule', () => {
  it('turns the documented plan into breakpoints with boluses and total rates', () => {
    const r = parsePlan(valid);
    if (!r.ok) throw new Error('plan should parse');
    const s = buildSchedule(r.plan);
    expect(Array.from(s.timesMin)).toEqual([0, 20, 60]);
    expect(Array.from(s.bolusMg)).toEqual([14, 0, 0]);
    expect(s.rateAfterMgPerMin[0]).toBeCloseTo((0.5 * 70) / 60, 14);
    expect(s.rateAfterMgPerMin[1]).toBeCloseTo(35 / 40, 14);
    expect(s.rateAfterMgPerMin[2]).toBe(0);
  });

  it('adds overlapping infusions and gives an exact 0 in pauses', () => {
    const r = parsePlan({
      patient: { weightKg: 70 },
      doses: [
        { kind: 'infusion', startMin: 0, endMin: 30, mgPerHour: 0.1 },
        { kind: 'infusion', startMin: 10, endMin: 30, mgPerHour: 0.2 },
        { kind: 'infusion', startMin: 40, endMin: 50, mgPerHour: 0.3 },
        { kind: 'bolus', atMin: 45, mg: 5 },
        { kind: 'bolus', atMin: 45, mg: 2 },
      ],
    });
    if (!r.ok) throw new Error('plan should parse');
    const s = buildSchedule(r.plan);
    expect(Array.from(s.timesMin)).toEqual([0, 10, 30, 40, 45, 50]);
    expect(s.rateAfterMgPerMin[1]).toBeCloseTo(0.3 / 60, 15);
    expect(s.rateAfterMgPerMin[2]).toBe(0);
    expect(s.bolusMg[4]).toBe(7);
    expect(s.rateAfterMgPerMin[5]).toBe(0);
  });
});
