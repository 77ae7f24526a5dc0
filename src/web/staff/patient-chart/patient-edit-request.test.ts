import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-client';
import { isStaleVersion } from './patient-edit-request';

describe('isStaleVersion', () => {
  it('is true only for a conflict that names the current version', () => {
    expect(isStaleVersion(new ApiError(409, 'conflict', 'Changed', [], 4))).toBe(true);
    expect(isStaleVersion(new ApiError(409, 'conflict', 'Changed'))).toBe(false);
    expect(isStaleVersion(new ApiError(400, 'invalid', 'Bad', [], 4))).toBe(false);
    expect(isStaleVersion(new Error('x'))).toBe(false);
  });
});
