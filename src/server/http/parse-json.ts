import { ApiError } from '../shared/api-error.js';

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
const maxDepth = 32;

/**
 * JSON.parse with the checks a plain parse lacks: keys that reach object prototypes are refused
 * (prototype pollution), and so is nesting deeper than any Arbor request needs.
 */
export function parseJsonStrict(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text, (key, inner: unknown) => {
      // PostgreSQL text cannot hold NUL; refuse it here with the field named instead of failing later.
      if (typeof inner === 'string' && inner.includes('\u0000')) {
        throw new ApiError(400, 'invalid_request', 'Text may not contain a NUL character', [
          { field: key || 'body', message: 'contains a NUL character' },
        ]);
      }
      if (forbiddenKeys.has(key)) {
        throw new ApiError(400, 'invalid_request', `The key "${key}" is not allowed`, [
          { field: key, message: 'key not allowed' },
        ]);
      }
      return inner;
    });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON', [
      { field: 'body', message: 'not valid JSON' },
    ]);
  }
  if (depthOf(value) > maxDepth) {
    throw new ApiError(400, 'invalid_request', `JSON nested deeper than ${maxDepth} levels`, [
      { field: 'body', message: 'nested too deeply' },
    ]);
  }
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
