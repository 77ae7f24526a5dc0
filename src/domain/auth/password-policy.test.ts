import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.js';

const common = new Set(['password', 'password123', 'qwertyuiop']);
const context = { isCommon: (p: string) => common.has(p) };

describe('checkPassword', () => {
  it.each([
    ['seven77', ['too-short']],
    ['eight888', []],
    ['Password123', ['common']],
    ['correct horse battery staple', []],
    ['a'.repeat(128), []],
    ['a'.repeat(129), ['too-long']],
  ])('%s → %j', (password, problems) => {
    expect(checkPassword(password, context)).toEqual(problems);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkPassword('🙂🙂🙂🙂🙂🙂🙂', context)).toEqual(['too-short']);
    expect(checkPassword('🙂🙂🙂🙂🙂🙂🙂🙂', context)).toEqual([]);
  });

  it('refuses a password built on the email address', () => {
    expect(checkPassword('janedoe-2026!', { ...context, email: 'janedoe@clinic.test' })).toEqual([
      'contains-email',
    ]);
  });

  it('imposes no composition rule: any long enough uncommon string passes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 64 }), (password) => {
        fc.pre([...password].length >= 8 && !common.has(password.toLowerCase()));
        expect(checkPassword(password, context)).toEqual([]);
      }),
    );
  });
});
