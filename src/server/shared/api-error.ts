import type { ZodError } from 'zod';

export interface FieldProblem {
  field: string;
  message: string;
}

/** An error the client can act on: it carries the HTTP status and, for 400, the failing fields. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (fields: FieldProblem[], message = 'Some fields are invalid') =>
  new ApiError(400, 'invalid_request', message, fields);
export const notFound = (what = 'Record') => new ApiError(404, 'not_found', `${what} not found`);
export const forbidden = () => new ApiError(403, 'forbidden', 'You do not have permission to do this');
export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Sign in to continue');
export const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  new ApiError(409, 'conflict', message, [], {}, extra);

/** Zod's messages are written for developers; these are the ones a person at a form can act on. */
function plainMessage(issue: ZodError['issues'][number]): string {
  const detail = issue as unknown as {
    code: string;
    input?: unknown;
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    format?: string;
    values?: unknown[];
    keys?: string[];
    expected?: string;
  };
  switch (detail.code) {
    case 'unrecognized_keys':
      return `unknown field(s): ${(detail.keys ?? []).join(', ')}`;
    case 'invalid_type':
      return detail.input === undefined
        ? 'is required'
        : `must be ${detail.expected === 'object' ? 'an object' : `a ${detail.expected}`}`;
    case 'too_small':
      if (detail.origin === 'string')
        return Number(detail.minimum) <= 1 ? 'is required' : `must be at least ${detail.minimum} characters`;
      if (detail.origin === 'array') return `needs at least ${detail.minimum} entries`;
      return `must be at least ${detail.minimum}`;
    case 'too_big':
      if (detail.origin === 'string') return `must be at most ${detail.maximum} characters`;
      if (detail.origin === 'array') return `allows at most ${detail.maximum} entries`;
      return `must be at most ${detail.maximum}`;
    case 'invalid_value':
      return `must be one of: ${(detail.values ?? []).map(String).join(', ')}`;
    case 'invalid_format':
      return detail.format === 'email'
        ? 'must be an email address'
        : detail.format === 'uuid'
          ? 'must be a record id (UUID)'
          : issue.message;
    default:
      return issue.message;
  }
}

export function fieldsFromZod(error: ZodError, prefix: string): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const field = [prefix, ...path].filter(Boolean).join('.');
    return { field: field || prefix, message: plainMessage(issue) };
  });
}
