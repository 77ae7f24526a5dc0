import { createHash, randomBytes } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 defaults every authenticator app supports: SHA-1, 6 digits, 30-s steps (ASVS 6.5.5). */
export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string, issuer: string): string {
  return generateURI({ issuer, label: account, secret });
}

/**
 * Accepts the current code and the one before or after it (clock drift), but never a time step at
 * or before the last one accepted: a code cannot be replayed (ASVS 6.5.1).
 */
export async function verifyTotp(
  secret: string,
  code: string,
  lastAcceptedStep: number | null,
  now: Date,
): Promise<{ valid: true; step: number } | { valid: false }> {
  if (!/^\d{6}$/.test(code)) return { valid: false };
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(lastAcceptedStep !== null ? { afterTimeStep: lastAcceptedStep } : {}),
  });
  if (!result.valid) return { valid: false };
  return { valid: true, step: (result as { timeStep: number }).timeStep };
}

/** For tests and the demo seeder: the code an authenticator would show at `now`. */
export function totpCodeAt(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes of 12 characters from a 31-letter alphabet (≈59 bits each), shown once. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => recoveryAlphabet[b % recoveryAlphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** Recovery codes are high-entropy, so a plain SHA-256 is enough to store them (ASVS 6.5.2). */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.trim().toLowerCase().replace(/\s+/g, '')).digest('hex');
}
