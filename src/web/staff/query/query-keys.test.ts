import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from './query-keys';

describe('queryKeys', () => {
  it('starts every key with its capability and puts every input in the key', () => {
    expect(queryKeys.users.list()).toEqual(['users', 'list']);
    expect(queryKeys.patients.detail('p1')).toEqual(['patients', 'detail', 'p1']);
    expect(queryKeys.patients.list({ q: 'ann', page: 2 })).toEqual([
      'patients',
      'list',
      { q: 'ann', page: 2 },
    ]);
    expect(queryKeys.patients.detail('p1')).not.toEqual(queryKeys.patients.detail('p2'));
  });

  it('lets a capability prefix invalidate all of its reads and nothing else', async () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.users.list(), 1);
    client.setQueryData(queryKeys.patients.detail('p1'), 2);
    client.setQueryData(queryKeys.patients.list({ q: 'x' }), 3);
    await client.invalidateQueries({ queryKey: queryKeys.patients.all });
    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(stale(queryKeys.patients.detail('p1'))).toBe(true);
    expect(stale(queryKeys.patients.list({ q: 'x' }))).toBe(true);
    expect(stale(queryKeys.users.list())).toBe(false);
    client.clear();
  });
});
