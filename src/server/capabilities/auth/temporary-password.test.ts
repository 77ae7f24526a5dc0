import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../../db/schema.js';
import {
  cookieFrom,
  createTestContext,
  testPassword,
  type TestClinic,
  type TestContext,
} from '../../../test/test-app.js';
import { totpCodeAt } from './totp.js';

/*
 * A password an administrator chose (a new account, a reset, or `arbor user create`) is known to
 * someone else: the person replaces it before any staff route answers them (ASVS 6.4.1). The
 * session stays partial, at the 'change-password' stage, until they do.
 */

let ctx: TestContext;
let clinic: TestClinic;
let admin: string;

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Hazel');
  admin = await ctx.cookieFor(clinic.users.admin.id, clinic.id);
});
afterAll(async () => {
  await ctx.close();
});

const temporary = 'temporary lantern meadow 31';
const chosen = 'my own quiet harbour 77';

function login(email: string, password: string): Promise<Response> {
  return ctx.request('/api/auth/login', { method: 'POST', json: { email, password } });
}

function setNewPassword(cookie: string, newPassword: string): Promise<Response> {
  return ctx.request('/api/auth/new-password', { method: 'POST', cookie, json: { newPassword } });
}

/** Password step and enrolment of a new account; returns the cookie and the stage that follows. */
async function firstSignIn(email: string, password: string) {
  const first = await login(email, password);
  expect(await first.json()).toEqual({ stage: 'enrol' });
  const cookie = cookieFrom(first)!;
  const start = (await (
    await ctx.request('/api/auth/mfa/enrol/start', { method: 'POST', cookie })
  ).json()) as { secret: string };
  const confirm = await ctx.request('/api/auth/mfa/enrol/confirm', {
    method: 'POST',
    cookie,
    json: { code: await totpCodeAt(start.secret, ctx.clock.now()) },
  });
  expect(confirm.status).toBe(200);
  const body = (await confirm.json()) as { stage: string; recoveryCodes: string[] };
  return { cookie: cookieFrom(confirm)!, stage: body.stage, secret: start.secret };
}

describe('a temporary password set when an administrator creates the account', () => {
  it('must be replaced after enrolment; no staff route answers before', async () => {
    const created = await ctx.request('/api/users', {
      method: 'POST',
      cookie: admin,
      json: {
        email: 'tam.temp@example.test',
        displayName: 'Tam Temp',
        role: 'nurse',
        temporaryPassword: temporary,
      },
    });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);

    const { cookie, stage, secret } = await firstSignIn('tam.temp@example.test', temporary);
    expect(stage).toBe('change-password');
    expect((await ctx.request('/api/patients', { cookie })).status).toBe(401);
    const me = (await (await ctx.request('/api/auth/me', { cookie })).json()) as {
      stage: string;
      permissions: string[];
    };
    expect(me).toMatchObject({ stage: 'change-password', permissions: [] });
    // The other steps cannot be used to skip this one.
    ctx.clock.advance(30_000);
    const skip = await ctx.request('/api/auth/mfa', {
      method: 'POST',
      cookie,
      json: { code: await totpCodeAt(secret, ctx.clock.now()) },
    });
    expect(skip.status).toBe(409);
    expect((await ctx.request('/api/patients', { cookie })).status).toBe(401);

    const same = await setNewPassword(cookie, temporary);
    expect(same.status).toBe(400);
    expect(JSON.stringify(await same.json())).toContain('body.newPassword');
    const common = await setNewPassword(cookie, 'password123');
    expect(common.status).toBe(400);
    expect(JSON.stringify(await common.json())).toContain('body.newPassword');
    const missing = await ctx.request('/api/auth/new-password', { method: 'POST', cookie, json: {} });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('body.newPassword');

    const ok = await setNewPassword(cookie, chosen);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ stage: 'full' });
    const full = cookieFrom(ok)!;
    expect(full).not.toBe(cookie);
    expect((await ctx.request('/api/patients', { cookie: full })).status).toBe(200);
    // The partial token was replaced, not upgraded.
    expect((await ctx.request('/api/patients', { cookie })).status).toBe(401);

    // The temporary password no longer signs in; the chosen one does, and straight to the app.
    expect((await login('tam.temp@example.test', temporary)).status).toBe(401);
    const again = await login('tam.temp@example.test', chosen);
    expect(await again.json()).toEqual({ stage: 'mfa' });
    ctx.clock.advance(30_000);
    const code = await ctx.request('/api/auth/mfa', {
      method: 'POST',
      cookie: cookieFrom(again)!,
      json: { code: await totpCodeAt(secret, ctx.clock.now()) },
    });
    expect(await code.json()).toEqual({ stage: 'full', usedRecoveryCode: false });

    const [row] = await ctx.deps.db.select().from(users).where(eq(users.email, 'tam.temp@example.test'));
    expect(row?.passwordMustChange).toBe(false);
    const audit = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.userId, row!.id));
    expect(
      audit.some((r) => r.entity === 'user.password' && r.action === 'update' && r.outcome === 'success'),
    ).toBe(true);
  });
});

describe('a temporary password set by an administrator’s reset', () => {
  it('must be replaced after the second factor of an enrolled account', async () => {
    const user = clinic.users.physician;
    const list = (await (await ctx.request('/api/users', { cookie: admin })).json()) as {
      items: Array<{ id: string; version: number }>;
    };
    const target = list.items.find((u) => u.id === user.id)!;
    const reset = await ctx.request(`/api/users/${user.id}`, {
      method: 'PATCH',
      cookie: admin,
      json: { version: target.version, temporaryPassword: temporary },
    });
    expect(reset.status).toBe(200);
    expect(((await reset.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);

    const first = await login(user.email, temporary);
    expect(await first.json()).toEqual({ stage: 'mfa' });
    ctx.clock.advance(30_000);
    const code = await ctx.request('/api/auth/mfa', {
      method: 'POST',
      cookie: cookieFrom(first)!,
      json: { code: await totpCodeAt(user.totpSecret, ctx.clock.now()) },
    });
    expect(await code.json()).toEqual({ stage: 'change-password', usedRecoveryCode: false });
    const cookie = cookieFrom(code)!;
    expect((await ctx.request('/api/patients', { cookie })).status).toBe(401);
    const ok = await setNewPassword(cookie, chosen);
    expect(ok.status).toBe(200);
    expect((await ctx.request('/api/patients', { cookie: cookieFrom(ok)! })).status).toBe(200);
  });

  it('a session that is fully signed in, or only past the password, cannot use the step', async () => {
    const full = await ctx.cookieFor(clinic.users.front_desk.id, clinic.id);
    expect((await setNewPassword(full, chosen)).status).toBe(409);
    const partial = cookieFrom(await login(clinic.users.front_desk.email, testPassword))!;
    expect((await setNewPassword(partial, chosen)).status).toBe(409);
    // Nothing changed: the old password still signs in.
    expect((await login(clinic.users.front_desk.email, testPassword)).status).toBe(200);
  });
});
