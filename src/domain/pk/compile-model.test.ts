import { describe, expect, it } from 'vitest';
import { compileModel } from './compile-model';
import { findModel, PK_MODELS } from './models';
import { simulate } from './simulate';

describe('population warnings', () => {
  it('warns when a paediatric model is used for an adult or without an age', () => {
    expect(compileModel('herd-2007', { weightKg: 70, ageYears: 40 }).warnings.join(' ')).toMatch(
      /paediatric.*adult/,
    );
    expect(compileModel('hornik-2018', { weightKg: 30 }).warnings.join(' ')).toMatch(/age is not given/);
    expect(compileModel('herd-2007', { weightKg: 30, ageYears: 8 }).warnings).toEqual([]);
  });

  it('warns outside the stated validity range and for adult models in children', () => {
    expect(compileModel('herd-2007', { weightKg: 90, ageYears: 13 }).warnings.join(' ')).toMatch(
      /10.8–74.8 kg/,
    );
    expect(compileModel('domino', { weightKg: 30, ageYears: 9 }).warnings.join(' ')).toMatch(
      /derived in adults/,
    );
  });

  it('the warnings reach the simulation result', () => {
    const r = simulate(
      { model: 'herd-2007', patient: { weightKg: 70, ageYears: 40 }, doses: [] },
      { untilMin: 1, stepMin: 1 },
    );
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(r.model.population).toBe('pediatric');
  });
});

describe('model data', () => {
  it('every parameter cites a source and every model has caveats', () => {
    for (const m of PK_MODELS) {
      for (const p of m.parameters) expect(p.source).toMatch(/docs\/clinical-sources\.md#pk-/);
      expect(m.caveats.length).toBeGreaterThan(0);
      expect(m.ke0.source.length).toBeGreaterThan(5);
    }
  });

  it('the unresolved points of the register are exported as structured caveats', () => {
    expect(findModel('kamp-2020')!.caveats.some((c) => c.topic === 'weight-scaling')).toBe(true);
    expect(findModel('clements-250')!.caveats.some((c) => c.topic === 'parameter-unverified')).toBe(true);
    for (const m of PK_MODELS) expect(m.caveats.some((c) => c.topic === 'ke0-provenance')).toBe(true);
  });

  it('plan ke0 overrides the model default and says so', () => {
    const c = compileModel('domino', { weightKg: 70 }, { ke0PerMin: 0.652 });
    expect(c.ke0).toBe(0.652);
    expect(c.ke0Source).toMatch(/overrides/);
  });
});
