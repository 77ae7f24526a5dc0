/**
 * Password rules from OWASP ASVS 5.0 §6.2 (see docs/security.md): at least 8 characters (6.2.1), at
 * least 64 allowed (6.2.9; Arbor allows 128), no composition rules (6.2.5), and a check against
 * common passwords (6.2.4). Paste is allowed in the UI (6.2.7); there is no rotation (6.2.10).
 */
export const passwordMinLength = 8;
export const passwordMaxLength = 128;

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'contains-email';

export function checkPassword(
  password: string,
  context: { isCommon: (candidate: string) => boolean; email?: string },
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  // Count code points, not UTF-16 units, so an emoji counts once.
  const length = [...password].length;
  if (length < passwordMinLength) problems.push('too-short');
  if (length > passwordMaxLength) problems.push('too-long');
  if (context.isCommon(password.toLowerCase())) problems.push('common');
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) problems.push('contains-email');
  return problems;
}

export const passwordProblemMessages: Record<PasswordProblem, string> = {
  'too-short': `Use at least ${passwordMinLength} characters.`,
  'too-long': `Use at most ${passwordMaxLength} characters.`,
  common: 'This password is too common; choose another (a passphrase of several words works well).',
  'contains-email': 'Do not use your email address in your password.',
};
