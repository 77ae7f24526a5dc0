import { describe, expect, it } from 'vitest';
import { fail, isInstant, ok } from './session-types.js';

describe('session types', () => {
  it.each([
    [0, true],
    [Date.UTC(2026, 0, 1), true],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    ['2026-01-01', false],
    [null, false],
  ])('isInstant(%j) is %s', (value, expected) => {
    expect(isInstant(value)).toBe(expected);
  });

  it('builds results', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(fail([{ field: 'x', message: 'is wrong' }])).toEqual({
      ok: false,
      problems: [{ field: 'x', message: 'is wrong' }],
    });
  });
});
