import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BENZODIAZEPINE_TABLE, diazepamEquivalentPerDay } from './benzodiazepine-equivalents.js';
import type { MedicationEntry } from './medications.js';

const T = DEFAULT_BENZODIAZEPINE_TABLE;
const close = (a: number, b: number, rel = 1e-7) =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

const benzo = fc.constantFrom(...T.entries.map((e) => e.generic), 'Xanax', 'Ativan', 'Klonopin', 'Valium');
const dose = fc.double({ min: 0.125, max: 100, noNaN: true });
const times = fc.integer({ min: 1, max: 6 });
const entry: fc.Arbitrary<MedicationEntry> = fc.record({
  drug: benzo,
  doseMg: dose,
  timesPerDay: times,
  asNeeded: fc.boolean(),
});
const list = fc.array(entry, { minLength: 0, maxLength: 6 });

describe('diazepam conversion properties', () => {
  it('the total is the sum of the parts', () => {
    fc.assert(
      fc.property(list, (meds) => {
        const r = diazepamEquivalentPerDay(meds, T);
        const sum = r.parts.reduce((s, p) => s + p.diazepamMg, 0);
        expect(close(r.totalMg, sum)).toBe(true);
        expect(r.parts.length).toBe(meds.length);
        for (const p of r.parts)
          expect(close(p.diazepamMg, (p.dailyMg * 10) / p.equivalentTo10mgDiazepam)).toBe(true);
      }),
    );
  });

  it('is monotone in dose: a higher dose of one medicine never lowers the total', () => {
    fc.assert(
      fc.property(list, entry, fc.double({ min: 1, max: 10, noNaN: true }), (others, one, k) => {
        const low = diazepamEquivalentPerDay([...others, one], T).totalMg;
        const high = diazepamEquivalentPerDay(
          [...others, { ...one, doseMg: (one.doseMg ?? 0) * k }],
          T,
        ).totalMg;
        expect(high).toBeGreaterThanOrEqual(low - 1e-9 * Math.max(1, low));
      }),
    );
  });

  it('diazepam alone converts to its own daily dose', () => {
    fc.assert(
      fc.property(dose, times, (d, n) => {
        const r = diazepamEquivalentPerDay(
          [{ drug: 'diazepam', doseMg: d, timesPerDay: n, asNeeded: false }],
          T,
        );
        expect(close(r.totalMg, d * n)).toBe(true);
      }),
    );
  });

  it('scaling a dose scales its part by the same factor and leaves the others alone', () => {
    fc.assert(
      fc.property(list, entry, fc.double({ min: 0.1, max: 10, noNaN: true }), (others, one, k) => {
        const a = diazepamEquivalentPerDay([one, ...others], T);
        const b = diazepamEquivalentPerDay([{ ...one, doseMg: (one.doseMg ?? 0) * k }, ...others], T);
        expect(close(b.parts[0]!.diazepamMg, k * a.parts[0]!.diazepamMg, 1e-6)).toBe(true);
        for (let i = 1; i < a.parts.length; i++) expect(b.parts[i]!.diazepamMg).toBe(a.parts[i]!.diazepamMg);
      }),
    );
  });

  it('an unknown dose is never counted: removing it from the list leaves the total unchanged', () => {
    fc.assert(
      fc.property(list, benzo, fc.boolean(), (meds, drug, noDose) => {
        const unknown: MedicationEntry = noDose
          ? { drug, doseMg: null, timesPerDay: 2, asNeeded: false }
          : { drug, doseMg: 1, timesPerDay: null, asNeeded: true };
        const r = diazepamEquivalentPerDay([...meds, unknown], T);
        expect(r.totalMg).toBe(diazepamEquivalentPerDay(meds, T).totalMg);
        expect(r.unknownDose).toEqual([drug]);
      }),
    );
  });
});
