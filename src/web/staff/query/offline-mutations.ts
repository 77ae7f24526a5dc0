import { createSyncStoragePersister } from '@tanstack/query-sync-storage-persister';
import type { PersistQueryClientOptions, Persister } from '@tanstack/react-query-persist-client';

/**
 * Writes made while the browser is offline (chairside charting on a tablet that loses the network) wait in
 * TanStack Query as paused mutations. They are also saved to sessionStorage so that reloading the tab does
 * not lose them. Only those writes are saved — never data read from the server — and only in
 * sessionStorage, which ends with the tab; signing out or the session ending removes them at once.
 */

export const OFFLINE_MUTATIONS_KEY = 'arbor.offline-mutations';

/** Bump when the shape of a saved write changes: older saved writes are then dropped, not replayed. */
const FORMAT = 'v1';

/** A saved write older than the longest possible session cannot be sent any more. */
export const OFFLINE_MAX_AGE_MS = 12 * 60 * 60 * 1000;

const SAVE_THROTTLE_MS = 1000;

/** The storage the writes are saved in; sessionStorage, or nothing where the browser refuses it. */
export type TabStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function tabStorage(): TabStorage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Query data is never saved: it is PHI read from the server and is fetched again when needed. */
export function shouldPersistQuery(_query: unknown): boolean {
  return false;
}

/** The parts of a TanStack `Mutation` the filter reads. */
export interface MutationLike {
  state: { isPaused: boolean };
  options: { mutationKey?: unknown };
}

/**
 * A write is saved while it waits for the network, and only when it has a mutation key: after a reload
 * the function that sends it comes from `queryClient.setMutationDefaults(key, { mutationFn })`.
 */
export function shouldPersistMutation(mutation: MutationLike): boolean {
  return mutation.state.isPaused && mutation.options.mutationKey !== undefined;
}

export const offlineDehydrateOptions = {
  shouldDehydrateQuery: shouldPersistQuery,
  shouldDehydrateMutation: shouldPersistMutation,
} satisfies PersistQueryClientOptions['dehydrateOptions'];

/**
 * The sessionStorage persister. Saves are throttled, so one may still be waiting when the person signs
 * out; it carries the time it was taken, and a save taken before the last removal is dropped instead of
 * writing the signed-out person's writes back.
 */
export function createOfflinePersister(storage: TabStorage | undefined): Persister {
  let removedAt = Number.NEGATIVE_INFINITY;
  const persister = createSyncStoragePersister({
    storage,
    key: OFFLINE_MUTATIONS_KEY,
    throttleTime: SAVE_THROTTLE_MS,
    serialize: (client) => {
      if (client.timestamp <= removedAt)
        throw new Error('discarded: taken before the saved writes were removed');
      return JSON.stringify(client);
    },
  });
  return {
    persistClient: persister.persistClient,
    restoreClient: persister.restoreClient,
    removeClient: () => {
      removedAt = Date.now();
      return persister.removeClient();
    },
  };
}

/**
 * Persistence options for one signed-in person. Their user id is part of the buster, so saved writes are
 * only ever restored (and sent) for the person who made them.
 */
export function offlinePersistOptions(
  persister: Persister,
  userId: string,
): Omit<PersistQueryClientOptions, 'queryClient'> {
  return {
    persister,
    maxAge: OFFLINE_MAX_AGE_MS,
    buster: `${FORMAT}:${userId}`,
    dehydrateOptions: offlineDehydrateOptions,
  };
}
