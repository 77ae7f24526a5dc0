import { describe, expect, it } from 'vitest';
import { evaluateScreening, stableValue, type ScreeningRequest } from './evaluate-screening.js';
import { CLEAN_INTAKE, med } from './intake.test-helper.js';
import { SCREENING_RULES } from './screening-rules.js';

const NOW = new Date('2026-03-02T10:00:00.000Z');

function request(over: Partial<ScreeningRequest> = {}): ScreeningRequest {
  return {
    product: 'esketamine',
    intake: { ...CLEAN_INTAKE },
    medications: [],
    vitals: { systolic: 120, diastolic: 80, measuredAt: '2026-03-02T09:00:00.000Z' },
    phq9Item9: 0,
    remsEnrolled: true,
    settings: null,
    ...over,
  };
}

describe('evaluateScreening', () => {
  it('runs every enabled rule for the product, in rule order, and nothing for the other product', () => {
    const e = evaluateScreening(request(), NOW);
    const expected = SCREENING_RULES.filter((r) => r.products.includes('esketamine')).map((r) => r.id);
    expect(e.results.map((r) => r.id)).toEqual(expected);
    expect(e.results.map((r) => r.id)).not.toContain('iv-ketamine-hypersensitivity');
    expect(e.results.every((r) => r.status === 'clear')).toBe(true);
    expect(e.evaluatedAt).toBe('2026-03-02T10:00:00.000Z');
    expect(e.ruleVersions['esketamine-rems-not-enrolled']).toBe(1);

    const iv = evaluateScreening(request({ product: 'iv_ketamine' }), NOW);
    expect(iv.results.map((r) => r.id)).not.toContain('esketamine-rems-not-enrolled');
    expect(iv.results.map((r) => r.id)).not.toContain('interstitial-cystitis');
    expect(iv.results.map((r) => r.id)).toContain('iv-ketamine-hypersensitivity');
    // The REMS is not an IV input, so the IV snapshot does not hold it.
    expect(iv.inputSnapshot).not.toHaveProperty(['rems.enrolled']);
  });

  it('sorts fired results into hard stops, relatives and flags, and collects missing ones', () => {
    const e = evaluateScreening(
      request({
        intake: {
          ...CLEAN_INTAKE,
          aneurysm_or_avm: 'yes',
          pregnancy: 'possibly',
          psychosis_history: 'unsure',
        },
        medications: [med('Xanax', 0.5, 2), med('Adderall', 20, 1)],
        vitals: { systolic: 141, diastolic: 90, measuredAt: '2026-03-02T09:00:00.000Z' },
        phq9Item9: 1,
        remsEnrolled: null,
      }),
      NOW,
    );
    expect(e.hardStops.map((r) => r.id)).toEqual(['esketamine-aneurysm-or-avm']);
    expect(e.relatives.map((r) => r.id)).toEqual(['blood-pressure-esketamine', 'pregnancy-or-breastfeeding']);
    expect(e.flags.map((r) => r.id)).toEqual([
      'benzodiazepine-load',
      'psychostimulant-blood-pressure',
      'cns-depressant-sedation',
      'phq9-item9-suicide-risk',
    ]);
    expect(e.missing.map((r) => r.id)).toEqual(['esketamine-rems-not-enrolled', 'psychosis']);
  });

  it('records each result with version, source and the threshold used', () => {
    const e = evaluateScreening(
      request({
        settings: { 'benzodiazepine-load': { enabled: true, threshold: 5 } },
        medications: [med('diazepam', 6, 1)],
      }),
      NOW,
    );
    const bz = e.results.find((r) => r.id === 'benzodiazepine-load')!;
    expect(bz).toMatchObject({ version: 1, severity: 'flag', status: 'fired', source: { tag: 'primary' } });
    expect(bz.threshold).toMatchObject({ key: 'maxDiazepamEquivalentMgPerDay', value: 5 });
    expect(e.results.find((r) => r.id === 'psychosis')!.threshold).toBeNull();
  });

  it('leaves out rules a clinic switched off, but never a hard stop', () => {
    const e = evaluateScreening(
      request({
        settings: { lamotrigine: { enabled: false }, 'esketamine-rems-not-enrolled': { enabled: false } },
        remsEnrolled: false,
      }),
      NOW,
    );
    expect(e.results.map((r) => r.id)).not.toContain('lamotrigine');
    expect(e.hardStops.map((r) => r.id)).toEqual(['esketamine-rems-not-enrolled']);
    expect(e.settingsProblems.map((p) => p.field)).toEqual(['esketamine-rems-not-enrolled.enabled']);
  });

  it('uses a clinic benzodiazepine table when given', () => {
    const e = evaluateScreening(
      request({
        medications: [med('lorazepam', 1, 1)],
        benzoTable: {
          source: { tag: 'secondary', anchor: 'benzodiazepine-equivalents', citation: 'clinic' },
          entries: [{ generic: 'lorazepam', equivalentTo10mgDiazepam: 2, tag: 'secondary' }],
        },
      }),
      NOW,
    );
    expect(e.results.find((r) => r.id === 'benzodiazepine-load')!.status).toBe('clear');
    expect(
      evaluateScreening(request({ medications: [med('lorazepam', 1, 1)] }), NOW).flags.map((r) => r.id),
    ).toContain('benzodiazepine-load');
  });

  it('rules reading the same path read the same value, even with a clinic table that adds a drug', () => {
    const e = evaluateScreening(
      request({
        medications: [med('bromazepam', 3, 2)],
        benzoTable: {
          source: { tag: 'secondary', anchor: 'benzodiazepine-equivalents', citation: 'clinic' },
          entries: [{ generic: 'bromazepam', equivalentTo10mgDiazepam: 5, tag: 'unverified' }],
        },
      }),
      NOW,
    );
    const reads = e.results
      .filter((r) => 'medications.benzodiazepine' in r.read)
      .map((r) => JSON.stringify(r.read['medications.benzodiazepine']));
    expect(reads).toHaveLength(2);
    expect(new Set(reads).size).toBe(1);
    expect(e.flags.map((r) => r.id)).toEqual(['benzodiazepine-load', 'cns-depressant-sedation']);
  });

  it('the snapshot holds exactly the paths read, sorted, as JSON would store them', () => {
    const e = evaluateScreening(
      request({ medications: [med('sertraline', 100, 1), med('Xanax', 0.5, 2)] }),
      NOW,
    );
    const paths = Object.keys(e.inputSnapshot);
    expect(paths).toEqual([...paths].sort());
    const declared = new Set(
      SCREENING_RULES.filter((r) => r.products.includes('esketamine')).flatMap((r) => [...r.reads]),
    );
    expect(new Set(paths)).toEqual(declared);
    expect(e.inputSnapshot['medications.benzodiazepine']).toEqual([
      { asNeeded: false, doseMg: 0.5, drug: 'Xanax', timesPerDay: 2 },
    ]);
    // A medicine no rule reads is not in the snapshot.
    expect(JSON.stringify(e.inputSnapshot)).not.toContain('sertraline');
    expect(JSON.parse(JSON.stringify(e.inputSnapshot))).toEqual(e.inputSnapshot);
  });

  it('gives the same snapshot whatever order the medicines and fields come in', () => {
    const a = evaluateScreening(request({ medications: [med('Xanax', 0.5, 2), med('Ativan', 1, 1)] }), NOW);
    const b = evaluateScreening(
      request({
        medications: [
          { asNeeded: false, timesPerDay: 1, doseMg: 1, drug: 'Ativan' },
          { timesPerDay: 2, drug: 'Xanax', asNeeded: false, doseMg: 0.5 },
        ],
      }),
      NOW,
    );
    expect(JSON.stringify(b.inputSnapshot)).toBe(JSON.stringify(a.inputSnapshot));
  });

  it('distinguishes "no medicines" from "no medication list"', () => {
    const none = evaluateScreening(request({ medications: [] }), NOW);
    const unknown = evaluateScreening(request({ medications: null }), NOW);
    expect(none.inputSnapshot['medications.maoi']).toEqual([]);
    expect(unknown.inputSnapshot['medications.maoi']).toBeNull();
    expect(unknown.missing.map((r) => r.id)).toContain('maoi-blood-pressure');
  });

  it('does not throw on an invalid clock', () => {
    expect(evaluateScreening(request(), new Date(Number.NaN)).evaluatedAt).toBeNull();
  });
});

describe('stableValue', () => {
  it('sorts keys, drops undefined fields and turns undefined and non-finite numbers into null', () => {
    expect(JSON.stringify(stableValue({ b: 1, a: { d: undefined, c: [2, undefined] } }))).toBe(
      '{"a":{"c":[2,null]},"b":1}',
    );
    expect(stableValue(Number.POSITIVE_INFINITY)).toBeNull();
  });
});
