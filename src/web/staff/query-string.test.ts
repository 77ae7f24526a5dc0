import { describe, expect, it } from 'vitest';
import { toQueryString } from './query-string';

describe('toQueryString', () => {
  it('leaves out empty, null and undefined values', () => {
    expect(toQueryString({ q: '', careStatus: undefined, userId: null, limit: 25 })).toBe('?limit=25');
  });
  it('returns an empty string when nothing is left', () => {
    expect(toQueryString({ q: '   ' })).toBe('');
  });
  it('encodes values and keeps false and zero', () => {
    expect(toQueryString({ q: 'smith & co', includeInactive: false, offset: 0 })).toBe(
      '?q=smith+%26+co&includeInactive=false&offset=0',
    );
  });
});
