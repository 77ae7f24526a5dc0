import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../index';

describe('MOAA/S', () => {
  it.each([0, 1, 2, 3, 4, 5])('scores level %i as itself, with no bands or flags', (level) => {
    const outcome = scoreResponse('moaas', [level]);
    expect(outcome.ok && outcome.result.total).toBe(level);
    expect(outcome.ok && outcome.result.flags).toEqual([]);
    expect(outcome.ok && outcome.result.details.instrumentVersion).toBe('1');
  });

  it.each([-1, 6, 2.5])('refuses %s, which is not a level', (value) => {
    expect(scoreResponse('moaas', [value]).ok).toBe(false);
  });
});
