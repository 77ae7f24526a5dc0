import { describe, expect, it } from 'vitest';
import type { PatientHistoryEntry } from '../../../contracts/patients';
import { savedBy, selectVersion } from './history-selection';

const entry = (version: number, over: Partial<PatientHistoryEntry> = {}) =>
  ({
    version,
    changedAt: '2024-03-01T10:00:00Z',
    changedBy: null,
    changedByLabel: null,
    changedFields: [],
    reason: null,
    snapshot: {},
    ...over,
  }) as PatientHistoryEntry;

describe('savedBy', () => {
  it('prefers the label, then a short staff id, then the system', () => {
    expect(savedBy(entry(2, { changedByLabel: 'Dr Bea', changedBy: '12345678-aaaa' }))).toBe('Dr Bea');
    expect(savedBy(entry(2, { changedBy: '12345678-aaaa' }))).toBe('Staff 12345678');
    expect(savedBy(entry(1))).toBe('System');
  });
});

describe('selectVersion', () => {
  const items = [entry(3), entry(2), entry(1)];

  it('shows the newest version until one is chosen', () => {
    expect(selectVersion(items, undefined)).toEqual({ chosen: items[0], previous: items[1] });
    expect(selectVersion(items, 2)).toEqual({ chosen: items[1], previous: items[2] });
  });

  it('has nothing to compare the first version with', () => {
    expect(selectVersion(items, 1)).toEqual({ chosen: items[2], previous: undefined });
    expect(selectVersion([], undefined)).toEqual({ chosen: undefined, previous: undefined });
  });
});
