import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../config.js';
import { startArbor } from '../start-server.js';
import { createSecretBox, isSealed, parseSecretKey, readOrCreateKeyFile } from './secret-box.js';

const context = 'users.totp_secret';

describe('the secret box (AES-256-GCM)', () => {
  const box = createSecretBox(randomBytes(32));

  it('seals to a versioned value that does not contain the secret, and opens it again', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', context);
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, context)).toBe('JBSWY3DPEHPK3PXP');
    // A new nonce every time: the same secret never seals to the same text twice.
    expect(box.seal('JBSWY3DPEHPK3PXP', context)).not.toBe(sealed);
  });

  it('refuses a changed ciphertext, another context and another key', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', context);
    const parts = sealed.split(':');
    const body = Buffer.from(parts[2]!, 'base64url');
    body[0] = body[0]! ^ 1;
    const tampered = [parts[0], parts[1], body.toString('base64url'), parts[3]].join(':');
    expect(() => box.open(tampered, context)).toThrow(/could not be decrypted/);
    expect(() => box.open(sealed, 'another.column')).toThrow(/could not be decrypted/);
    expect(() => createSecretBox(randomBytes(32)).open(sealed, context)).toThrow(/could not be decrypted/);
    expect(() => box.open('JBSWY3DPEHPK3PXP', context)).toThrow(/not sealed/);
  });

  it('takes only a 32-byte key', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/);
    const key = randomBytes(32);
    expect(parseSecretKey(key.toString('base64'), 'ARBOR_SECRET_KEY').equals(key)).toBe(true);
    expect(() => parseSecretKey(randomBytes(16).toString('base64'), 'ARBOR_SECRET_KEY')).toThrow(
      /ARBOR_SECRET_KEY must be 32 random bytes in base64/,
    );
    expect(() => parseSecretKey('not base64 at all!', 'ARBOR_SECRET_KEY')).toThrow(/ARBOR_SECRET_KEY/);
  });
});

describe('the key file of the embedded database', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is made on first start with mode 600 and read unchanged afterwards', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'arbor-key-'));
    const first = await readOrCreateKeyFile(dir, async () => false);
    expect(first).toHaveLength(32);
    const file = path.join(dir, 'secret.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(first.toString('base64'));
    const second = await readOrCreateKeyFile(dir, async () => true);
    expect(second.equals(first)).toBe(true);
  });

  it('is never replaced by a new key while the database holds sealed secrets', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'arbor-key-'));
    await expect(readOrCreateKeyFile(dir, async () => true)).rejects.toThrow(/secret\.key is missing/);
    await writeFile(path.join(dir, 'secret.key'), 'too short', { mode: 0o600 });
    await expect(readOrCreateKeyFile(dir, async () => false)).rejects.toThrow(/secret\.key must be 32/);
  });
});

describe('start-up without a key', () => {
  it('refuses to start against DATABASE_URL without ARBOR_SECRET_KEY, before connecting', async () => {
    const config = { ...readConfig({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }), port: 0 };
    expect(config.secretKey).toBeUndefined();
    await expect(startArbor(config, { log: () => undefined })).rejects.toThrow(
      /ARBOR_SECRET_KEY is required with DATABASE_URL/,
    );
  });

  it('reads ARBOR_SECRET_KEY from the environment and names it when it is malformed', () => {
    const key = randomBytes(32);
    expect(readConfig({ ARBOR_SECRET_KEY: key.toString('base64') }).secretKey?.equals(key)).toBe(true);
    expect(() => readConfig({ ARBOR_SECRET_KEY: 'abc' })).toThrow(/ARBOR_SECRET_KEY/);
  });
});
