import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../../db/schema.js';
import {
  cookieFrom,
  createTestContext,
  testPassword,
  type TestClinic,
  type TestContext,
} from '../../../test/test-app.js';
import { totpCodeAt } from './totp.js';

/*
 * Recovery codes belong to one enrolment: an authenticator reset or a new enrolment revokes every
 * code made before it (ASVS 6.5.2; NIST SP 800-63B §6.4), so a code written down long ago cannot
 * open a session with the password alone.
 */

let ctx: TestContext;
let clinic: TestClinic;
let admin: string;

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Rowan');
  admin = await ctx.cookieFor(clinic.users.admin.id, clinic.id);
});
afterAll(async () => {
  await ctx.close();
});

async function login(email: string): Promise<Response> {
  return ctx.request('/api/auth/login', { method: 'POST', json: { email, password: testPassword } });
}

/** Signs in with the password (the account owes an enrolment) and enrols; returns the recovery codes. */
async function enrolAgain(email: string): Promise<string[]> {
  const first = await login(email);
  expect(await first.json()).toEqual({ stage: 'enrol' });
  const cookie = cookieFrom(first)!;
  const start = (await (
    await ctx.request('/api/auth/mfa/enrol/start', { method: 'POST', cookie })
  ).json()) as { secret: string };
  // Step past any code accepted before, so the first code of the new secret is never a replay.
  ctx.clock.advance(30_000);
  const confirm = await ctx.request('/api/auth/mfa/enrol/confirm', {
    method: 'POST',
    cookie,
    json: { code: await totpCodeAt(start.secret, ctx.clock.now()) },
  });
  expect(confirm.status).toBe(200);
  const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] };
  expect(recoveryCodes).toHaveLength(10);
  return recoveryCodes;
}

async function resetMfaByAdmin(userId: string): Promise<void> {
  const list = (await (await ctx.request('/api/users', { cookie: admin })).json()) as {
    items: Array<{ id: string; version: number }>;
  };
  const target = list.items.find((u) => u.id === userId)!;
  const reset = await ctx.request(`/api/users/${userId}`, {
    method: 'PATCH',
    cookie: admin,
    json: { version: target.version, resetMfa: true },
  });
  expect(reset.status).toBe(200);
}

/** The status of the second step with a recovery code, after a fresh password step. */
async function signInWithRecoveryCode(email: string, code: string): Promise<number> {
  const partial = cookieFrom(await login(email))!;
  const response = await ctx.request('/api/auth/mfa', { method: 'POST', cookie: partial, json: { code } });
  return response.status;
}

describe('recovery codes after an authenticator reset', () => {
  it('an administrator’s reset revokes the old codes; the codes of the new enrolment work', async () => {
    const user = clinic.users.nurse;
    await resetMfaByAdmin(user.id);
    const oldCodes = await enrolAgain(user.email);
    await resetMfaByAdmin(user.id);
    const newCodes = await enrolAgain(user.email);
    expect(await signInWithRecoveryCode(user.email, oldCodes[0]!)).toBe(401);
    expect(await signInWithRecoveryCode(user.email, oldCodes[9]!)).toBe(401);
    expect(await signInWithRecoveryCode(user.email, newCodes[0]!)).toBe(200);
    expect(await signInWithRecoveryCode(user.email, newCodes[1]!)).toBe(200);
  });

  it('a new enrolment alone revokes every earlier code', async () => {
    const user = clinic.users.physician;
    await resetMfaByAdmin(user.id);
    const oldCodes = await enrolAgain(user.email);
    // The enrolment is cleared without the reset route (as a reset made before this rule did).
    await ctx.deps.db
      .update(users)
      .set({ totpEnrolledAt: null, totpSecret: null, totpLastStep: null })
      .where(eq(users.id, user.id));
    const newCodes = await enrolAgain(user.email);
    expect(await signInWithRecoveryCode(user.email, oldCodes[2]!)).toBe(401);
    expect(await signInWithRecoveryCode(user.email, newCodes[2]!)).toBe(200);
  });

  it('a reset alone leaves no recovery code usable before the next enrolment', async () => {
    const user = clinic.users.front_desk;
    await resetMfaByAdmin(user.id);
    const codes = await enrolAgain(user.email);
    await resetMfaByAdmin(user.id);
    // The password step now owes an enrolment, and no old code completes a sign-in.
    const partial = cookieFrom(await login(user.email))!;
    const attempt = await ctx.request('/api/auth/mfa', {
      method: 'POST',
      cookie: partial,
      json: { code: codes[0]! },
    });
    expect(attempt.status).toBe(409);
    expect((await ctx.request('/api/patients', { cookie: partial })).status).toBe(401);
  });
});
