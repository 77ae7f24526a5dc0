import { describe, expect, it } from 'vitest';
import { formatPath } from './protocol-error';

describe('formatPath', () => {
  it('joins names with dots and indices with brackets', () => {
    expect(formatPath(['steps', 1, 'durationMin'])).toBe('steps[1].durationMin');
    expect(formatPath(['schedule', 'phases', 0, 'stepIds', 2])).toBe('schedule.phases[0].stepIds[2]');
  });

  it('names the whole protocol for an empty path', () => {
    expect(formatPath([])).toBe('(protocol)');
  });
});
