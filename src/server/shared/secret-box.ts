import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Secrets the server must read back (TOTP secrets cannot be hashed: a code is checked against the
 * secret itself) are sealed with AES-256-GCM under a 32-byte key that is never stored in the
 * database (ASVS 11.3.2, 13.3.1). A copy of the database alone then does not give them away.
 *
 * Sealed text: `v1:<nonce>:<ciphertext>:<tag>`, each part base64url. `v1` names the algorithm and
 * the layout, so a later change of either can read the old values and re-seal them. The nonce is
 * 96 random bits per seal; the tag is GCM's 128-bit authentication tag. The context (which column
 * the value belongs to) is authenticated as additional data, so a value moved to another column
 * does not open.
 */

const version = 'v1';
/** How every sealed value begins. */
export const sealedPrefix = `${version}:`;
export const secretKeyBytes = 32;
const nonceBytes = 12;

export interface SecretBox {
  seal: (plaintext: string, context: string) => string;
  open: (sealed: string, context: string) => string;
}

export function isSealed(value: string): boolean {
  return value.startsWith(sealedPrefix);
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== secretKeyBytes) throw new Error(`A secret key must be ${secretKeyBytes} bytes`);
  // A private copy: the caller's buffer may be reused or cleared.
  const ownKey = Buffer.from(key);
  return {
    seal(plaintext, context) {
      const nonce = randomBytes(nonceBytes);
      const cipher = createCipheriv('aes-256-gcm', ownKey, nonce);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `${sealedPrefix}${[nonce, body, tag].map((part) => part.toString('base64url')).join(':')}`;
    },
    open(sealed, context) {
      if (!isSealed(sealed)) throw new Error('The stored value is not sealed');
      const [, nonce, body, tag] = sealed.split(':').map((p) => Buffer.from(p, 'base64url'));
      if (!nonce || !body || !tag || nonce.length !== nonceBytes || tag.length !== 16) {
        throw new Error('The stored secret could not be decrypted (its format is damaged)');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', ownKey, nonce);
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('The stored secret could not be decrypted (another key, or the value was changed)');
      }
    },
  };
}

/** A key given as base64 text (ARBOR_SECRET_KEY or the key file): exactly 32 bytes, nothing else. */
export function parseSecretKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== secretKeyBytes || key.toString('base64') !== trimmed) {
    throw new Error(
      `${source} must be ${secretKeyBytes} random bytes in base64 (make one with: openssl rand -base64 32)`,
    );
  }
  return key;
}

export const secretKeyFileName = 'secret.key';

/**
 * The embedded database's key: `<dataDir>/secret.key` (mode 600), made on first start like
 * `pg-password`. A missing file is replaced only while the database holds no sealed secret:
 * a new key would leave every stored secret unreadable, so that start is refused instead.
 * The caller holds the data directory's lock, so no other process creates the file meanwhile.
 */
export async function readOrCreateKeyFile(
  dataDir: string,
  databaseHoldsSealedSecrets: () => Promise<boolean>,
): Promise<Buffer> {
  const file = path.join(dataDir, secretKeyFileName);
  const text = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text !== undefined) return parseSecretKey(text, file);
  if (await databaseHoldsSealedSecrets()) {
    throw new Error(
      `${file} is missing, but the database holds authenticator secrets sealed with it. ` +
        `Restore ${secretKeyFileName} from your backup (or set ARBOR_SECRET_KEY to the key) and start again.`,
    );
  }
  const key = randomBytes(secretKeyBytes);
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  await fs.writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/** Why Arbor refuses to start against DATABASE_URL without a key (checked before connecting). */
export const secretKeyRequiredMessage =
  'ARBOR_SECRET_KEY is required with DATABASE_URL: it seals the authenticator secrets stored in the ' +
  'database. Make one with `openssl rand -base64 32`, give every Arbor process the same value, and ' +
  'keep a copy with your backups (a restored database needs it).';
