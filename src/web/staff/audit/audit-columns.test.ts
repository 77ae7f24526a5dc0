import { describe, expect, it } from 'vitest';
import { ariaSort, outcomeBadgeClass, sortIcon } from './audit-columns';

describe('ariaSort and sortIcon', () => {
  it('mark only the sorted column, in its direction', () => {
    const order = { sort: 'user', dir: 'asc' } as const;
    expect(ariaSort(order, 'user')).toBe('ascending');
    expect(sortIcon(order, 'user')).toBe('▲');
    expect(ariaSort(order, 'time')).toBe('none');
    expect(sortIcon(order, 'time')).toBe('↕');
    expect(ariaSort({ sort: 'time', dir: 'desc' }, 'time')).toBe('descending');
    expect(sortIcon({ sort: 'time', dir: 'desc' }, 'time')).toBe('▼');
  });
});

describe('outcomeBadgeClass', () => {
  it('colours failures differently from successes', () => {
    expect(outcomeBadgeClass('success')).toBe('badge badge--active');
    expect(outcomeBadgeClass('failure')).toBe('badge badge--disabled');
  });
});
