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

export function fieldsFromZod(error: ZodError, prefix: string): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const field = [prefix, ...path].filter(Boolean).join('.');
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field(s): ${(issue as { keys: string[] }).keys.join(', ')}`
        : issue.message;
    return { field: field || prefix, message };
  });
}
