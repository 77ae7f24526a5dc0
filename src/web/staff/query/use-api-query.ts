import {
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';

/**
 * A read from Arbor's API through the shared cache. `fetcher` should call api-client (`apiGet`) with the
 * signal it is given: that is what cancels a read nobody waits for any more and what reports a 401 to
 * `onSessionEnded`. Errors are api-client's `ApiError`s, which `LoadState` shows.
 */
export function useApiQuery<TData, TKey extends QueryKey>(
  key: TKey,
  fetcher: (signal: AbortSignal) => Promise<TData>,
  options?: Omit<UseQueryOptions<TData, Error, TData, TKey>, 'queryKey' | 'queryFn'>,
): UseQueryResult<TData, Error> {
  return useQuery({ ...options, queryKey: key, queryFn: ({ signal }) => fetcher(signal) });
}

/** A function that marks every read under `key` stale and fetches the ones on screen again. */
export function useInvalidate(key: QueryKey): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: key });
}
