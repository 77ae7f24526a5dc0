import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-client';
import {
  clinicalQueryDefaults,
  createQueryClient,
  isNetworkError,
  MAX_NETWORK_RETRIES,
  shouldRetryQuery,
} from './query-client';

const status = (s: number, code = 'error') => new ApiError(s, code, 'message');

describe('shouldRetryQuery', () => {
  it.each([
    ['no connection', status(0, 'network'), true],
    ['bad request', status(400, 'invalid_request'), false],
    ['session ended', status(401, 'unauthenticated'), false],
    ['forbidden', status(403, 'forbidden'), false],
    ['not found', status(404, 'not_found'), false],
    ['conflict', status(409, 'conflict'), false],
    ['rate limited', status(429, 'rate_limited'), false],
    ['server error', status(500), false],
    ['unavailable', status(503), false],
    ['a bug in the page', new TypeError('x is undefined'), false],
    ['an aborted read', new DOMException('aborted', 'AbortError'), false],
  ])('%s → retry %s', (_name, error, retry) => {
    expect(shouldRetryQuery(0, error)).toBe(retry);
    expect(isNetworkError(error)).toBe(retry);
  });

  it(`stops after ${MAX_NETWORK_RETRIES} retries`, () => {
    const offline = status(0, 'network');
    const retries = [0, 1, 2, 3, 4].filter((failures) => shouldRetryQuery(failures, offline));
    expect(retries).toEqual([0, 1, 2]);
  });
});

describe('createQueryClient', () => {
  it('uses the clinical defaults: no refetch on focus, network-only retries, writes never retried', () => {
    const client = createQueryClient();
    const defaults = client.getDefaultOptions();
    expect(defaults).toEqual(clinicalQueryDefaults);
    expect(defaults.queries?.refetchOnWindowFocus).toBe(false);
    expect(defaults.queries?.retry).toBe(shouldRetryQuery);
    expect(defaults.mutations?.retry).toBe(false);
  });

  it('does not retry a 4xx: the query fails on the first answer', async () => {
    const client = createQueryClient();
    let calls = 0;
    await expect(
      client.fetchQuery({
        queryKey: ['x'],
        queryFn: async () => {
          calls++;
          throw status(403, 'forbidden');
        },
        retry: client.getDefaultOptions().queries?.retry,
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect(calls).toBe(1);
  });
});
