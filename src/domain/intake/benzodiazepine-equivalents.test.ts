import { describe, expect, it } from 'vitest';
import {
  benzodiazepineTableSchema,
  DEFAULT_BENZODIAZEPINE_TABLE,
  diazepamEquivalentPerDay,
  isBenzodiazepine,
  type BenzodiazepineEquivalenceTable,
} from './benzodiazepine-equivalents.js';
import { med } from './intake.test-helper.js';
import { classifyMedication } from './medications.js';

const T = DEFAULT_BENZODIAZEPINE_TABLE;

describe('the default diazepam-equivalence table', () => {
  it('holds the Ashton values (mg equivalent to 10 mg diazepam)', () => {
    expect(Object.fromEntries(T.entries.map((e) => [e.generic, e.equivalentTo10mgDiazepam]))).toEqual({
      alprazolam: 0.5,
      chlordiazepoxide: 25,
      clobazam: 20,
      clonazepam: 0.5,
      clorazepate: 15,
      diazepam: 10,
      estazolam: 1,
      flurazepam: 15,
      lorazepam: 1,
      oxazepam: 20,
      temazepam: 20,
      triazolam: 0.5,
      quazepam: 20,
    });
  });

  it('marks the values taken from an Ashton range unverified, and cites its register entry', () => {
    const unverified = T.entries.filter((e) => e.tag === 'unverified').map((e) => e.generic);
    expect(unverified.sort()).toEqual(['estazolam', 'flurazepam']);
    for (const e of T.entries.filter((x) => x.tag === 'unverified')) expect(e.note).toMatch(/range/);
    expect(T.source.anchor).toBe('benzodiazepine-equivalents');
  });

  it('lists only drugs the class table calls benzodiazepines', () => {
    for (const e of T.entries) expect(classifyMedication(e.generic).classes).toContain('benzodiazepine');
  });

  it('is valid as a clinic setting, and the schema refuses nonsense', () => {
    expect(benzodiazepineTableSchema.safeParse(T).success).toBe(true);
    const dup = {
      ...T,
      entries: [...T.entries, { generic: 'Diazepam', equivalentTo10mgDiazepam: 5, tag: 'primary' }],
    };
    expect(benzodiazepineTableSchema.safeParse(dup).success).toBe(false);
    const zero = { ...T, entries: [{ generic: 'diazepam', equivalentTo10mgDiazepam: 0, tag: 'primary' }] };
    expect(benzodiazepineTableSchema.safeParse(zero).success).toBe(false);
  });
});

describe('diazepamEquivalentPerDay', () => {
  it('converts with dailyMg × 10 / equivalent and shows the working', () => {
    const r = diazepamEquivalentPerDay([med('Xanax', 0.5, 2), med('sertraline', 100, 1)], T);
    expect(r.totalMg).toBe(20);
    expect(r.parts).toEqual([
      {
        drug: 'Xanax',
        generic: 'alprazolam',
        dailyMg: 1,
        equivalentTo10mgDiazepam: 0.5,
        diazepamMg: 20,
        formula: 'dailyMg × 10 / equivalent',
        asNeeded: false,
        note: 'equivalence evidence: secondary',
        tag: 'secondary',
      },
    ]);
    expect(r.unknownDose).toEqual([]);
  });

  it.each([
    ['lorazepam 1 mg twice a day', [med('lorazepam', 1, 2)], 20],
    ['clonazepam 0.5 mg three times a day', [med('Klonopin', 0.5, 3)], 30],
    ['temazepam 10 mg at night', [med('Restoril', 10, 1)], 5],
    ['diazepam 5 mg twice a day', [med('Valium', 5, 2)], 10],
    ['chlordiazepoxide 25 mg', [med('chlordiazepoxide', 25, 1)], 10],
    ['lorazepam 0.4 mg twice a day: exactly 8', [med('lorazepam', 0.4, 2)], 8],
    ['two benzodiazepines add up', [med('lorazepam', 0.5, 1), med('diazepam', 2, 1)], 7],
  ])('%s → %s mg diazepam', (_, meds, total) => {
    expect(diazepamEquivalentPerDay(meds, T).totalMg).toBeCloseTo(total, 9);
  });

  it('puts a benzodiazepine without dose or frequency in unknownDose, never counting it as 0', () => {
    const r = diazepamEquivalentPerDay(
      [med('Ativan'), med('Xanax', 0.5, null), med('Klonopin', null, 2), med('Valium', 5, 1)],
      T,
    );
    expect(r.unknownDose).toEqual(['Ativan', 'Xanax', 'Klonopin']);
    expect(r.totalMg).toBe(5);
  });

  it('counts an as-needed benzodiazepine at its stated maximum, and says so', () => {
    const r = diazepamEquivalentPerDay([med('lorazepam', 0.5, 3, true)], T);
    expect(r.totalMg).toBe(15);
    expect(r.parts[0]!.asNeeded).toBe(true);
    expect(r.parts[0]!.note).toMatch(/as needed: counted at the stated maximum, 0.5 mg up to 3 times a day/);
    // Without a maximum a day it cannot be counted.
    expect(diazepamEquivalentPerDay([med('lorazepam', 0.5, null, true)], T).unknownDose).toEqual([
      'lorazepam',
    ]);
  });

  it('reports a benzodiazepine the table has no equivalence for', () => {
    const r = diazepamEquivalentPerDay([med('Nayzilam', 5, 1, true)], T);
    expect(r).toEqual({ totalMg: 0, parts: [], unknownDose: [], noEquivalent: ['Nayzilam'] });
  });

  it('uses the table it is given: a clinic can change a value or add a drug', () => {
    const clinic: BenzodiazepineEquivalenceTable = {
      source: { tag: 'secondary', anchor: 'benzodiazepine-equivalents', citation: 'clinic table' },
      entries: [
        { generic: 'lorazepam', equivalentTo10mgDiazepam: 2, tag: 'secondary' },
        { generic: 'bromazepam', equivalentTo10mgDiazepam: 5, tag: 'unverified' },
      ],
    };
    const r = diazepamEquivalentPerDay(
      [med('lorazepam', 1, 2), med('bromazepam', 3, 1), med('alprazolam', 1, 1)],
      clinic,
    );
    expect(r.parts.map((p) => [p.generic, p.diazepamMg])).toEqual([
      ['lorazepam', 10],
      ['bromazepam', 6],
    ]);
    expect(r.noEquivalent).toEqual(['alprazolam']);
    expect(isBenzodiazepine(med('bromazepam'), clinic)).toBe(true);
    expect(isBenzodiazepine(med('bromazepam'), T)).toBe(false);
  });

  it('ignores medicines that are not benzodiazepines', () => {
    expect(diazepamEquivalentPerDay([med('zolpidem', 10, 1), med('Adderall', 20, 1)], T)).toEqual({
      totalMg: 0,
      parts: [],
      unknownDose: [],
      noEquivalent: [],
    });
  });
});
