/**
 * Typed fetch helpers for Arbor's API. The session lives in an HttpOnly cookie, so requests only
 * need `credentials: 'same-origin'`; nothing about the session is readable or stored here.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly currentVersion?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type SessionEndedListener = () => void;
let sessionEndedListener: SessionEndedListener | undefined;

/** The app shell registers this: any 401 "unauthenticated" from a data call sends the user to sign-in. */
export function onSessionEnded(listener: SessionEndedListener | undefined): void {
  sessionEndedListener = listener;
}

/** Turns a non-2xx response body into an ApiError, tolerating bodies that are not Arbor's shape. */
export function toApiError(status: number, body: unknown): ApiError {
  const error =
    body && typeof body === 'object' && 'error' in body ? (body as { error: unknown }).error : undefined;
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown; fields?: unknown; currentVersion?: unknown };
    const fields = Array.isArray(e.fields)
      ? e.fields.filter(
          (f): f is FieldProblem =>
            !!f && typeof f === 'object' && typeof f.field === 'string' && typeof f.message === 'string',
        )
      : [];
    return new ApiError(
      status,
      typeof e.code === 'string' ? e.code : 'error',
      typeof e.message === 'string' ? e.message : fallbackMessage(status),
      fields,
      typeof e.currentVersion === 'number' ? e.currentVersion : undefined,
    );
  }
  return new ApiError(status, 'error', fallbackMessage(status));
}

function fallbackMessage(status: number): string {
  if (status === 0) return 'Arbor could not be reached. Check your connection and try again.';
  if (status === 403) return 'You do not have permission to do this';
  if (status === 404) return 'Not found';
  if (status === 429) return 'Too many attempts. Wait a few minutes and try again.';
  return 'Something went wrong. Try again.';
}

export interface RequestOptions {
  /** Set for calls where a 401 is an expected answer (the boot-time session check, sign-in steps). */
  expectUnauthenticated?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // The server refuses state-changing requests without a JSON content type (it also blocks CSRF).
  if (method !== 'GET') headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(method !== 'GET' ? { body: JSON.stringify(body ?? {}) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', fallbackMessage(0));
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    const error = toApiError(response.status, parsed);
    if (response.status === 401 && error.code === 'unauthenticated' && !options.expectUnauthenticated) {
      sessionEndedListener?.();
    }
    throw error;
  }
  return parsed as T;
}

export const apiGet = <T>(path: string, options?: RequestOptions) =>
  request<T>('GET', path, undefined, options);
export const apiPost = <T>(path: string, body?: unknown, options?: RequestOptions) =>
  request<T>('POST', path, body, options);
export const apiPatch = <T>(path: string, body: unknown, options?: RequestOptions) =>
  request<T>('PATCH', path, body, options);
export const apiPut = <T>(path: string, body: unknown, options?: RequestOptions) =>
  request<T>('PUT', path, body, options);

/**
 * Maps the server's field paths ("body.changes.address.city") to form field names ("address.city")
 * by removing a known prefix; problems outside the prefix are kept under their full path.
 */
export function fieldErrors(error: unknown, prefixes: string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const problem of error.fields) {
    let name = problem.field;
    for (const prefix of prefixes) {
      if (name === prefix) {
        name = '';
        break;
      }
      if (name.startsWith(`${prefix}.`)) {
        name = name.slice(prefix.length + 1);
        break;
      }
    }
    const key = name || '_form';
    // Keep the first message per field: it is usually the most specific.
    out[key] ??= plainFieldMessage(problem.message);
  }
  return out;
}

/** A message for a banner: the server's own wording, which is already written for people. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Try again.';
}

/**
 * The server's schema messages are precise but technical ("Too small: expected string to have
 * >=1 characters"); the common ones are said plainly beside the field, the rest pass through.
 */
export function plainFieldMessage(message: string): string {
  if (/^Too small: expected string to have >=1 characters?$/.test(message)) return 'Required';
  if (/^Invalid input: expected \w+, received undefined$/.test(message)) return 'Required';
  if (/^Invalid option: expected one of/.test(message)) return 'Choose one of the options';
  if (/^Invalid email address$/i.test(message)) return 'Enter an email address such as name@example.org';
  const tooBig = /^Too big: expected (?:number|int) to be <=?\s*(-?\d+)$/.exec(message);
  if (tooBig) return `Must be at most ${tooBig[1]}`;
  const tooSmall = /^Too small: expected (?:number|int) to be >=?\s*(-?\d+)$/.exec(message);
  if (tooSmall) return `Must be at least ${tooSmall[1]}`;
  const tooLong = /^Too big: expected string to have <=\s*(\d+) characters?$/.exec(message);
  if (tooLong) return `Use at most ${tooLong[1]} characters`;
  if (/^Invalid input: expected number, received string$/.test(message)) return 'Enter a whole number';
  return message;
}
