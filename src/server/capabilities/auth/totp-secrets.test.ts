import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../../db/schema.js';
import { createSecretBox } from '../../shared/secret-box.js';
import {
  cookieFrom,
  createTestContext,
  testPassword,
  type TestClinic,
  type TestContext,
} from '../../../test/test-app.js';
import { sealStoredTotpSecrets } from './totp-secrets.js';
import { newTotpSecret, totpCodeAt } from './totp.js';

/*
 * TOTP secrets must be readable to check a code, so they cannot be hashed; they are sealed with
 * AES-256-GCM under a key kept outside the database (ASVS 11.3.2, 13.3.1), so a copy of the
 * database alone does not give the second factor away.
 */

let ctx: TestContext;
let clinic: TestClinic;

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Willow');
});
afterAll(async () => {
  await ctx.close();
});

async function storedSecret(userId: string): Promise<string | null> {
  const [row] = await ctx.deps.db
    .select({ totpSecret: users.totpSecret })
    .from(users)
    .where(eq(users.id, userId));
  return row!.totpSecret;
}

async function signInWithTotp(email: string, secret: string): Promise<number> {
  const login = await ctx.request('/api/auth/login', {
    method: 'POST',
    json: { email, password: testPassword },
  });
  ctx.clock.advance(30_000);
  const mfa = await ctx.request('/api/auth/mfa', {
    method: 'POST',
    cookie: cookieFrom(login)!,
    json: { code: await totpCodeAt(secret, ctx.clock.now()) },
  });
  return mfa.status;
}

describe('TOTP secrets at rest', () => {
  it('start-up seals secrets stored in clear, once; sign-in still works', async () => {
    const user = clinic.users.nurse;
    const plain = newTotpSecret();
    // A secret written before sealing existed.
    await ctx.deps.db.update(users).set({ totpSecret: plain }).where(eq(users.id, user.id));
    expect(await storedSecret(user.id)).toBe(plain);

    expect(await sealStoredTotpSecrets(ctx.deps)).toBe(1);
    const sealed = await storedSecret(user.id);
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain(plain);
    expect(await signInWithTotp(user.email, plain)).toBe(200);

    // Idempotent: a second start changes nothing.
    expect(await sealStoredTotpSecrets(ctx.deps)).toBe(0);
    expect(await storedSecret(user.id)).toBe(sealed);
    const audit = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit.filter((r) => r.entity === 'user.totp' && r.action === 'update')).toHaveLength(1);
  });

  it('an enrolment stores only the sealed secret', async () => {
    const user = clinic.users.physician;
    await ctx.deps.db
      .update(users)
      .set({ totpSecret: null, totpEnrolledAt: null, totpLastStep: null })
      .where(eq(users.id, user.id));
    const cookie = await ctx.cookieFor(user.id, clinic.id, 'enrol');
    const start = (await (
      await ctx.request('/api/auth/mfa/enrol/start', { method: 'POST', cookie })
    ).json()) as { secret: string };
    const sealed = await storedSecret(user.id);
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain(start.secret);
    const confirm = await ctx.request('/api/auth/mfa/enrol/confirm', {
      method: 'POST',
      cookie,
      json: { code: await totpCodeAt(start.secret, ctx.clock.now()) },
    });
    expect(confirm.status).toBe(200);
    expect(await signInWithTotp(user.email, start.secret)).toBe(200);
  });

  it('refuses to start with a key that does not open the stored secrets', async () => {
    const otherKey = { ...ctx.deps, secrets: createSecretBox(randomBytes(32)) };
    await expect(sealStoredTotpSecrets(otherKey)).rejects.toThrow(/does not decrypt/);
  });
});
