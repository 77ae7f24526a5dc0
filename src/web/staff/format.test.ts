import { describe, expect, it } from 'vitest';
import { dobWithAge, fullName, todayIso } from './format';

describe('format helpers', () => {
  it('counts age up to the local day', () => {
    expect(dobWithAge('1980-06-15', '2025-06-14')).toBe('1980-06-15 (44 y)');
    expect(dobWithAge('1980-06-15', '2025-06-15')).toBe('1980-06-15 (45 y)');
  });
  it('formats today in local time', () => {
    expect(todayIso(new Date(2024, 0, 5, 23, 30))).toBe('2024-01-05');
  });
  it('puts the family name first', () => {
    expect(fullName({ legalGivenName: 'Ada', legalFamilyName: 'Lovelace' })).toBe('Lovelace, Ada');
  });
});
