import { ApiError } from '../api-error.js';

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
const maxDepth = 32;
/** Half of a surrogate pair without its other half (matched by UTF-16 code unit: no `u` flag). */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const loneSurrogates = new RegExp(loneSurrogate.source, 'g');

/**
 * Why a piece of request text cannot be stored, if it cannot: PostgreSQL text and jsonb hold no NUL
 * character, and jsonb refuses half of a UTF-16 surrogate pair ("\ud800" alone), so either would fail
 * deep in a query as a 500. Refusing them where the request is read names the field instead.
 */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (loneSurrogate.test(text)) return 'contains an unpaired UTF-16 surrogate (not valid Unicode text)';
  return undefined;
}

/** A key or value fit to quote in an error: the characters that could not be stored made visible. */
export function printable(text: string): string {
  return text.replace(loneSurrogates, '\ufffd').replaceAll('\u0000', '\\u0000');
}

function refuse(field: string, message: string): ApiError {
  return new ApiError(400, 'invalid_request', `${field} ${message}`, [{ field, message }]);
}

/**
 * The first key or string value in a parsed body that cannot be accepted, named by its path
 * (`body.settings.site.bookingUrl`, `body.items.2`): a prototype key, or text `textProblem` refuses.
 */
function checkTree(value: unknown): void {
  const stack: Array<[unknown, string]> = [[value, 'body']];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      const problem = textProblem(item);
      if (problem) throw refuse(path, problem);
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    const entries = Array.isArray(item) ? item.map((v, i) => [String(i), v] as const) : Object.entries(item);
    for (const [key, child] of entries) {
      if (forbiddenKeys.has(key))
        throw refuse(`${path}.${key}`, `uses the key "${key}", which is not allowed`);
      const keyProblem = textProblem(key);
      if (keyProblem) throw refuse(path, `has a key that ${keyProblem}: "${printable(key)}"`);
      stack.push([child, `${path}.${key}`]);
    }
  }
}

/**
 * JSON.parse with the checks a plain parse lacks: keys that reach object prototypes are refused
 * (prototype pollution), nesting deeper than any Arbor request needs is refused, and so is text
 * PostgreSQL cannot store (`textProblem`), each with the field named.
 */
export function parseJsonStrict(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON', [
      { field: 'body', message: 'not valid JSON' },
    ]);
  }
  if (depthOf(value) > maxDepth) {
    throw new ApiError(400, 'invalid_request', `JSON nested deeper than ${maxDepth} levels`, [
      { field: 'body', message: 'nested too deeply' },
    ]);
  }
  checkTree(value);
  return value;
}

function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > deepest) deepest = depth;
    if (depth > maxDepth) return depth;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}
