import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiPost, fieldErrors, onSessionEnded, plainFieldMessage, toApiError } from './api-client';

describe('toApiError', () => {
  it('reads code, message, fields and currentVersion', () => {
    const error = toApiError(409, {
      error: {
        code: 'conflict',
        message: 'changed',
        currentVersion: 4,
        fields: [{ field: 'x', message: 'y' }],
      },
    });
    expect(error).toMatchObject({ status: 409, code: 'conflict', message: 'changed', currentVersion: 4 });
    expect(error.fields).toEqual([{ field: 'x', message: 'y' }]);
  });
  it('falls back to a readable message when the body is not Arbor’s shape', () => {
    expect(toApiError(429, 'nope').message).toMatch(/Too many attempts/);
    expect(toApiError(500, undefined).code).toBe('error');
  });
  it('drops malformed field entries', () => {
    expect(
      toApiError(400, { error: { code: 'x', message: 'm', fields: [1, { field: 'a' }] } }).fields,
    ).toEqual([]);
  });
});

describe('fieldErrors', () => {
  const error = new ApiError(400, 'invalid_request', 'Some fields are invalid', [
    { field: 'body.changes.address.city', message: 'too long' },
    { field: 'body.birthDate', message: 'must not be in the future' },
    { field: 'body.birthDate', message: 'second message' },
    { field: 'body', message: 'is required' },
    { field: 'query.q', message: 'bad' },
  ]);
  it('strips the first matching prefix and keeps the first message per field', () => {
    expect(fieldErrors(error, ['body.changes', 'body'])).toEqual({
      'address.city': 'too long',
      birthDate: 'must not be in the future',
      _form: 'is required',
      'query.q': 'bad',
    });
  });
  it('returns nothing for errors that are not API errors', () => {
    expect(fieldErrors(new Error('x'), ['body'])).toEqual({});
  });
});

describe('request', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    onSessionEnded(undefined);
  });
  it('sends JSON with the content type the server requires and reports a 401 as a session end', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(JSON.stringify({ error: { code: 'unauthenticated', message: 'Sign in' } }), {
          status: 401,
        }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const ended = vi.fn();
    onSessionEnded(ended);
    await expect(apiPost('/api/patients', { a: 1 })).rejects.toBeInstanceOf(ApiError);
    expect(ended).toHaveBeenCalledOnce();
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json' });
    expect(init.body).toBe('{"a":1}');
  });
  it('does not report a wrong sign-in code as a session end', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: { code: 'code_failed', message: 'bad code' } }), {
            status: 401,
          }),
      ),
    );
    const ended = vi.fn();
    onSessionEnded(ended);
    await expect(apiPost('/api/auth/mfa', { code: '1' })).rejects.toMatchObject({ message: 'bad code' });
    expect(ended).not.toHaveBeenCalled();
  });
});

describe('plainFieldMessage', () => {
  it('says the common schema messages plainly', () => {
    expect(plainFieldMessage('Too small: expected string to have >=1 characters')).toBe('Required');
    expect(plainFieldMessage('Invalid option: expected one of "female"|"male"')).toBe(
      'Choose one of the options',
    );
    expect(plainFieldMessage('Too big: expected number to be <=30')).toBe('Must be at most 30');
    expect(plainFieldMessage('Too small: expected number to be >=1')).toBe('Must be at least 1');
    expect(plainFieldMessage('Invalid input: expected number, received string')).toBe('Enter a whole number');
  });
  it('keeps messages written for people', () => {
    expect(plainFieldMessage('must not be in the future')).toBe('must not be in the future');
  });
});
