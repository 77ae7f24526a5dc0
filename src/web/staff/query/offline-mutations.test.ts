import { dehydrate, QueryClient } from '@tanstack/react-query';
import type { PersistedClient } from '@tanstack/react-query-persist-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createOfflinePersister,
  OFFLINE_MAX_AGE_MS,
  OFFLINE_MUTATIONS_KEY,
  offlineDehydrateOptions,
  offlinePersistOptions,
  shouldPersistMutation,
  shouldPersistQuery,
} from './offline-mutations';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

/** A client holding PHI in a query, one paused write with a key, one without, and one that already ran. */
function clientWithWork() {
  const client = new QueryClient();
  client.setQueryData(['patients', 'detail', 'p1'], { name: 'Ann Example' });
  const cache = client.getMutationCache();
  const paused = { isPaused: true, status: 'pending' as const, variables: { doseMg: 35 } };
  cache.build(client, { mutationKey: ['infusion', 'chart'] }, { ...emptyState(), ...paused });
  cache.build(client, {}, { ...emptyState(), ...paused });
  cache.build(client, { mutationKey: ['infusion', 'chart'] }, { ...emptyState(), status: 'success' });
  return client;
}

function emptyState() {
  return {
    context: undefined,
    data: undefined,
    error: null,
    failureCount: 0,
    failureReason: null,
    isPaused: false,
    status: 'idle' as const,
    variables: undefined,
    submittedAt: 0,
  };
}

function persisted(client: QueryClient, timestamp = Date.now()): PersistedClient {
  return { buster: 'v1:u1', timestamp, clientState: dehydrate(client, offlineDehydrateOptions) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('what is saved for offline writes', () => {
  it('saves paused writes that can be resumed after a reload, and never query data', () => {
    const client = clientWithWork();
    const state = dehydrate(client, offlineDehydrateOptions);
    expect(state.queries).toEqual([]);
    expect(state.mutations).toHaveLength(1);
    expect(state.mutations[0]).toMatchObject({
      mutationKey: ['infusion', 'chart'],
      state: { isPaused: true, variables: { doseMg: 35 } },
    });
    expect(shouldPersistQuery(client.getQueryCache().getAll()[0])).toBe(false);
  });

  it.each([
    [true, ['x'], true],
    [true, undefined, false],
    [false, ['x'], false],
  ])('paused %s with key %j → saved %s', (isPaused, mutationKey, saved) => {
    expect(shouldPersistMutation({ state: { isPaused }, options: { mutationKey } })).toBe(saved);
  });

  it('ties saved writes to the person who made them and to the longest session', () => {
    const storage = memoryStorage();
    const persister = createOfflinePersister(storage);
    const a = offlinePersistOptions(persister, 'user-a');
    const b = offlinePersistOptions(persister, 'user-b');
    expect(a.buster).not.toBe(b.buster);
    expect(a.maxAge).toBe(OFFLINE_MAX_AGE_MS);
    expect(a.dehydrateOptions).toBe(offlineDehydrateOptions);
  });
});

describe('createOfflinePersister', () => {
  it('saves to the given storage, restores and removes', async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const persister = createOfflinePersister(storage);
    const saved = persisted(clientWithWork());
    await persister.persistClient(saved);
    expect(storage.items.size).toBe(0); // throttled
    await vi.advanceTimersByTimeAsync(1000);
    expect(JSON.parse(storage.items.get(OFFLINE_MUTATIONS_KEY)!)).toEqual(JSON.parse(JSON.stringify(saved)));
    expect(await persister.restoreClient()).toEqual(JSON.parse(JSON.stringify(saved)));
    await persister.removeClient();
    expect(storage.items.size).toBe(0);
  });

  it('never writes a save taken before sign-out back after it', async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const persister = createOfflinePersister(storage);
    await persister.persistClient(persisted(clientWithWork()));
    vi.advanceTimersByTime(10);
    await persister.removeClient(); // sign-out while the save waits for its throttle
    await vi.advanceTimersByTimeAsync(2000);
    expect(storage.items.has(OFFLINE_MUTATIONS_KEY)).toBe(false);
    // The next person's writes are saved again.
    vi.advanceTimersByTime(10);
    await persister.persistClient(persisted(clientWithWork()));
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.items.has(OFFLINE_MUTATIONS_KEY)).toBe(true);
  });

  it('does nothing where the browser offers no storage', async () => {
    const persister = createOfflinePersister(undefined);
    await persister.persistClient(persisted(clientWithWork()));
    expect(await persister.restoreClient()).toBeUndefined();
  });
});
