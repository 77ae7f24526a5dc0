import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPassword, passwordProblemMessages } from '../../domain/auth/index.js';
import { badRequest } from './api-error.js';

/**
 * argon2id with OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane): a slow KDF
 * as ASVS 11.4.2 asks.
 */
const argonOptions = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifying against a dummy hash for unknown accounts keeps response time from revealing them. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('arbor-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}

// The 49k most common passwords (a superset of ASVS 6.2.4's top 3,000), shipped as data.
const commonPasswords = new Set(dictionary.passwords.map((p) => p.toLowerCase()));
export const isCommonPassword = (candidate: string) => commonPasswords.has(candidate.toLowerCase());

/** Throws a 400 naming `field` when the password breaks the policy. */
export function assertAcceptablePassword(password: string, field: string, email?: string): void {
  const problems = checkPassword(password, { isCommon: isCommonPassword, email });
  if (problems.length > 0) {
    throw badRequest(problems.map((problem) => ({ field, message: passwordProblemMessages[problem] })));
  }
}
