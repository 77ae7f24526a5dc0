import { describe, expect, it } from 'vitest';
import { diffSnapshots, fieldLabel, flatten } from './history-diff';

describe('flatten', () => {
  it('turns nested objects and lists into dotted paths and skips bookkeeping fields', () => {
    expect(
      flatten({ version: 3, address: { city: 'X', line2: null }, conditions: [{ code: 'F33.1' }] }),
    ).toEqual({
      'address.city': 'X',
      'address.line2': '',
      'conditions.0.code': 'F33.1',
    });
  });
});

describe('diffSnapshots', () => {
  it('lists only fields whose value changed', () => {
    const v1 = { legalGivenName: 'Ada', phone: null, version: 1, updatedAt: 'a', address: { city: 'X' } };
    const v2 = {
      legalGivenName: 'Ada',
      phone: '555-0100',
      version: 2,
      updatedAt: 'b',
      address: { city: 'Y' },
    };
    expect(diffSnapshots(v1, v2)).toEqual([
      { field: 'phone', before: '', after: '555-0100' },
      { field: 'address.city', before: 'X', after: 'Y' },
    ]);
  });
  it('shows a removed list entry and a null that became an object', () => {
    const v1 = { alerts: [{ text: 'BP' }], address: null };
    const v2 = { alerts: [], address: { city: 'Z' } };
    expect(diffSnapshots(v1, v2)).toEqual([
      { field: 'alerts.0.text', before: 'BP', after: '' },
      { field: 'address.city', before: '', after: 'Z' },
    ]);
  });
  it('treats the first version as a change from nothing', () => {
    expect(diffSnapshots(undefined, { legalGivenName: 'Ada' })).toEqual([
      { field: 'legalGivenName', before: '', after: 'Ada' },
    ]);
  });
});

describe('fieldLabel', () => {
  it('turns field paths into words, counting list entries from 1', () => {
    expect(fieldLabel('emergencyContact.phone')).toBe('Emergency contact phone');
    expect(fieldLabel('conditions.0.code')).toBe('Conditions 1 code');
    expect(fieldLabel('phone')).toBe('Phone');
  });
});
