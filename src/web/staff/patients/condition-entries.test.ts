import { describe, expect, it } from 'vitest';
import { conditionCatalog } from '../../../domain/patients';
import {
  catalogGroups,
  freeCondition,
  hasCondition,
  newCondition,
  pickedCondition,
} from './condition-entries';

const listed = [newCondition('F33.1', 'Major depressive disorder')];

describe('catalogGroups', () => {
  it('holds every catalog entry once, under a labelled group', () => {
    const codes = catalogGroups.flatMap((g) => g.entries.map((e) => e.code));
    expect(codes.sort()).toEqual(conditionCatalog.map((c) => c.code).sort());
    expect(catalogGroups.map((g) => g.label)).toEqual(['Depression', 'Anxiety', 'PTSD', 'Pain', 'Other']);
  });
});

describe('hasCondition', () => {
  it('ignores case', () => {
    expect(hasCondition(listed, 'f33.1')).toBe(true);
    expect(hasCondition(listed, 'F32.0')).toBe(false);
  });
});

describe('pickedCondition', () => {
  it('copies the catalog entry as an active condition', () => {
    const entry = conditionCatalog.find((c) => c.code !== 'F33.1')!;
    expect(pickedCondition(listed, entry.code)).toEqual(newCondition(entry.code, entry.display));
  });

  it('refuses an unknown or already listed code', () => {
    expect(pickedCondition(listed, '')).toBeUndefined();
    expect(
      pickedCondition([newCondition(conditionCatalog[0]!.code, 'x')], conditionCatalog[0]!.code),
    ).toBeUndefined();
  });
});

describe('freeCondition', () => {
  it('normalises the code and trims the description', () => {
    expect(freeCondition(listed, ' f43.10 ', ' PTSD ')).toEqual({ entry: newCondition('F43.10', 'PTSD') });
  });

  it('says what is wrong, code first', () => {
    expect(freeCondition(listed, 'nonsense', '')).toEqual({ error: 'Enter an ICD-10-CM code such as F33.1' });
    expect(freeCondition(listed, 'F43.10', '  ')).toEqual({ error: 'Enter a description for the code' });
    expect(freeCondition(listed, 'f33.1', 'Again')).toEqual({ error: 'This code is already listed' });
  });
});
