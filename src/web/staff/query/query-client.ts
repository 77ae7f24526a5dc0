import { QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { ApiError } from '../api-client';

/** How often a read is retried when the server could not be reached (1 s, 2 s, 4 s apart). */
export const MAX_NETWORK_RETRIES = 3;

/** True when the request never got an answer (offline, DNS, connection reset): `request` reports status 0. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}

/**
 * Reads are retried only when the server could not be reached. An answer from the server is final: a 4xx
 * will not change by asking again (a 401 has already ended the session through api-client's
 * `onSessionEnded`), and repeating a request that made the server fail only adds load.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_NETWORK_RETRIES && isNetworkError(error);
}

/**
 * Defaults for clinical data. A page shows what the server says when it opens (data older than 10 s is
 * fetched again on mount) but nothing refetches on its own while someone is reading or typing: no refetch
 * when the window regains focus, only stale reads again once after the connection comes back. Writes are
 * never retried automatically, because a write that reached the server before the connection dropped
 * would be applied twice; while the browser is offline they wait (paused) and are sent when it is back.
 */
export const clinicalQueryDefaults = {
  queries: {
    staleTime: 10_000,
    gcTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    refetchOnReconnect: true,
    retry: shouldRetryQuery,
  },
  mutations: {
    retry: false,
  },
} satisfies DefaultOptions;

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: clinicalQueryDefaults });
}
