import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, setupCodes, users } from '../../../db/schema.js';
import {
  cookieFrom,
  createTestContext,
  disableUser,
  testPassword,
  type TestClinic,
  type TestContext,
} from '../../../test/test-app.js';
import { issueSetupCode } from '../clinic/setup.service.js';
import { totpCodeAt } from './totp.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

async function auditActions() {
  const rows = await ctx.deps.db
    .select({ action: auditLog.action, outcome: auditLog.outcome, detail: auditLog.detail })
    .from(auditLog)
    .orderBy(auditLog.seq);
  return rows;
}

describe('first-run setup', () => {
  it('needs setup on an empty database and refuses a wrong setup code', async () => {
    expect(await (await ctx.request('/api/setup')).json()).toEqual({ needsSetup: true });
    await issueSetupCode(ctx.deps.db);
    const response = await ctx.request('/api/setup', {
      method: 'POST',
      json: {
        setupCode: 'WRONG-CODE',
        clinicName: 'Cedar Clinic',
        displayName: 'Ada Admin',
        email: 'ada@cedar.test',
        password: testPassword,
      },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields: Array<{ field: string }> } };
    expect(body.error.fields[0]?.field).toBe('body.setupCode');
  });

  it('creates the clinic and an admin who must enrol TOTP, then refuses a second setup', async () => {
    const code = (await issueSetupCode(ctx.deps.db))!;
    const weak = await ctx.request('/api/setup', {
      method: 'POST',
      json: {
        setupCode: code,
        clinicName: 'Cedar Clinic',
        displayName: 'Ada Admin',
        email: 'ada@cedar.test',
        password: 'password1',
      },
    });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(await weak.json())).toContain('body.password');

    const response = await ctx.request('/api/setup', {
      method: 'POST',
      json: {
        setupCode: code,
        clinicName: 'Cedar Clinic',
        displayName: 'Ada Admin',
        email: 'ada@cedar.test',
        password: testPassword,
      },
    });
    expect(response.status).toBe(201);
    const cookie = cookieFrom(response)!;
    expect(response.headers.get('set-cookie')).toMatch(
      /__Host-arbor_session=.*HttpOnly.*Secure.*SameSite=Strict/i,
    );
    // A session owing its enrolment cannot use staff routes.
    expect((await ctx.request('/api/patients', { cookie })).status).toBe(401);

    const start = (await (
      await ctx.request('/api/auth/mfa/enrol/start', { method: 'POST', cookie })
    ).json()) as { secret: string; qrSvg: string };
    expect(start.qrSvg).toContain('<svg');
    const code1 = await totpCodeAt(start.secret, ctx.clock.now());
    const confirm = await ctx.request('/api/auth/mfa/enrol/confirm', {
      method: 'POST',
      cookie,
      json: { code: code1 },
    });
    expect(confirm.status).toBe(200);
    const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    const full = cookieFrom(confirm)!;
    expect(full).not.toBe(cookie);
    expect((await ctx.request('/api/patients', { cookie: full })).status).toBe(200);
    // The pre-enrolment token was replaced, not upgraded (ASVS 7.2.4).
    expect((await ctx.request('/api/patients', { cookie })).status).toBe(401);

    const again = await ctx.request('/api/setup', {
      method: 'POST',
      json: {
        setupCode: code,
        clinicName: 'Other',
        displayName: 'Eve',
        email: 'eve@x.test',
        password: testPassword,
      },
    });
    expect(again.status).toBe(409);
    const codes = await ctx.deps.db.select().from(setupCodes);
    expect(codes.some((c) => c.usedAt !== null)).toBe(true);
  });
});

describe('sign-in with MFA', () => {
  let clinic: TestClinic;
  beforeAll(async () => {
    clinic = await ctx.seedClinic('Birch');
  });

  async function passwordStep(email: string, password = testPassword, headers: Record<string, string> = {}) {
    return ctx.request('/api/auth/login', { method: 'POST', json: { email, password }, headers });
  }

  it('gives the same answer for an unknown account and a wrong password', async () => {
    const unknown = await passwordStep('nobody@example.test');
    const wrong = await passwordStep(clinic.users.nurse.email, 'not the password at all');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    const failures = (await auditActions()).filter((r) => r.action === 'login-failed');
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it('needs a TOTP code after the password, and refuses a replayed code', async () => {
    const user = clinic.users.physician;
    const first = await passwordStep(user.email);
    expect(await first.json()).toEqual({ stage: 'mfa' });
    const partial = cookieFrom(first)!;
    expect((await ctx.request('/api/patients', { cookie: partial })).status).toBe(401);
    const code = await totpCodeAt(user.totpSecret, ctx.clock.now());
    const ok = await ctx.request('/api/auth/mfa', { method: 'POST', cookie: partial, json: { code } });
    expect(ok.status).toBe(200);
    const full = cookieFrom(ok)!;
    expect((await ctx.request('/api/auth/me', { cookie: full })).status).toBe(200);
    // The staff app shows every date in the clinic's zone, so the session carries it.
    const me = (await (await ctx.request('/api/auth/me', { cookie: full })).json()) as {
      clinic: { timeZone: string };
    };
    expect(me.clinic.timeZone).toBe('America/New_York');

    const second = cookieFrom(await passwordStep(user.email))!;
    const replay = await ctx.request('/api/auth/mfa', { method: 'POST', cookie: second, json: { code } });
    expect(replay.status).toBe(401);
  });

  it('accepts a recovery code once only', async () => {
    const user = clinic.users.admin;
    const enrolCookie = await ctx.cookieFor(user.id, clinic.id, 'enrol');
    // Reset and enrol through the API to obtain recovery codes.
    await ctx.deps.db
      .update(users)
      .set({ totpEnrolledAt: null, totpSecret: null })
      .where(eq(users.id, user.id));
    const start = (await (
      await ctx.request('/api/auth/mfa/enrol/start', { method: 'POST', cookie: enrolCookie })
    ).json()) as { secret: string };
    const confirm = await ctx.request('/api/auth/mfa/enrol/confirm', {
      method: 'POST',
      cookie: enrolCookie,
      json: { code: await totpCodeAt(start.secret, ctx.clock.now()) },
    });
    const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] };
    const recovery = recoveryCodes[3]!;
    const partial1 = cookieFrom(await passwordStep(user.email))!;
    expect(
      (
        await ctx.request('/api/auth/mfa', {
          method: 'POST',
          cookie: partial1,
          json: { code: recovery.toUpperCase() },
        })
      ).status,
    ).toBe(200);
    const partial2 = cookieFrom(await passwordStep(user.email))!;
    expect(
      (await ctx.request('/api/auth/mfa', { method: 'POST', cookie: partial2, json: { code: recovery } }))
        .status,
    ).toBe(401);
  });

  it('locks an account after repeated wrong passwords, with a generic 429 that also covers unknown accounts', async () => {
    const user = clinic.users.front_desk;
    const headers = { 'x-test': 'lockout' };
    for (let i = 0; i < 5; i++)
      expect((await passwordStep(user.email, `wrong-password-${i}`, headers)).status).toBe(401);
    const locked = await passwordStep(user.email, testPassword, headers);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBeTruthy();
    for (let i = 0; i < 5; i++) await passwordStep('ghost@example.test', `wrong-${i}`);
    const ghost = await passwordStep('ghost@example.test', 'whatever-password');
    expect(ghost.status).toBe(429);
    expect(await ghost.json()).toEqual(await locked.json());
    // The lock expires by itself.
    ctx.clock.advance(16 * 60_000);
    expect((await passwordStep(user.email)).status).toBe(200);
  });

  it('limits MFA guesses per user', async () => {
    const user = clinic.users.nurse;
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      const partial = cookieFrom(await passwordStep(user.email))!;
      last = await ctx.request('/api/auth/mfa', {
        method: 'POST',
        cookie: partial,
        json: { code: String(100000 + i) },
      });
    }
    expect(last!.status).toBe(429);
    ctx.clock.advance(16 * 60_000);
  });
});

describe('sessions', () => {
  let clinic: TestClinic;
  beforeAll(async () => {
    clinic = await ctx.seedClinic('Aspen');
  });

  it('ends after 15 idle minutes, not before', async () => {
    const cookie = await ctx.cookieFor(clinic.users.nurse.id, clinic.id);
    ctx.clock.advance(14 * 60_000);
    expect((await ctx.request('/api/auth/me', { cookie })).status).toBe(200);
    ctx.clock.advance(14 * 60_000);
    expect((await ctx.request('/api/auth/me', { cookie })).status).toBe(200);
    ctx.clock.advance(15 * 60_000 + 1000);
    expect((await ctx.request('/api/auth/me', { cookie })).status).toBe(401);
  });

  it('ends after the absolute lifetime of 12 hours even when active', async () => {
    const cookie = await ctx.cookieFor(clinic.users.nurse.id, clinic.id);
    for (let i = 0; i < 12 * 6; i++) {
      ctx.clock.advance(10 * 60_000);
      const status = (await ctx.request('/api/auth/me', { cookie })).status;
      if (i < 12 * 6 - 1) expect(status).toBe(200);
      else expect(status).toBe(401);
    }
  });

  it('a lower absolute lifetime applies to sessions already open, counted from their start', async () => {
    const other = await ctx.seedClinic('Alder');
    const cookie = await ctx.cookieFor(other.users.nurse.id, other.id);
    const admin = await ctx.cookieFor(other.users.admin.id, other.id);
    const lowered = await ctx.request('/api/clinic', {
      method: 'PATCH',
      cookie: admin,
      json: { settings: { security: { sessionAbsoluteHours: 2 } } },
    });
    expect(lowered.status).toBe(200);
    // Active every 10 minutes, so only the absolute limit can end it: 1 h 50 min still answers.
    for (let i = 0; i < 11; i++) {
      ctx.clock.advance(10 * 60_000);
      expect((await ctx.request('/api/auth/me', { cookie })).status).toBe(200);
    }
    ctx.clock.advance(10 * 60_000);
    expect((await ctx.request('/api/auth/me', { cookie })).status).toBe(401);
    const [row] = await ctx.deps.db.select().from(sessions).where(eq(sessions.userId, other.users.nurse.id));
    expect(row?.endReason).toBe('expired');
  });

  it('signing out ends the session on the server', async () => {
    const cookie = await ctx.cookieFor(clinic.users.physician.id, clinic.id);
    expect((await ctx.request('/api/auth/logout', { method: 'POST', cookie })).status).toBe(200);
    expect((await ctx.request('/api/auth/me', { cookie })).status).toBe(401);
    const rows = await ctx.deps.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, clinic.users.physician.id));
    expect(rows.every((r) => r.endedAt !== null)).toBe(true);
  });

  it('a disabled user loses access at once, and a role change applies on the next request', async () => {
    const cookie = await ctx.cookieFor(clinic.users.front_desk.id, clinic.id);
    const admin = await ctx.cookieFor(clinic.users.admin.id, clinic.id);
    expect((await ctx.request('/api/users', { cookie })).status).toBe(403);
    const list = (await (await ctx.request('/api/users', { cookie: admin })).json()) as {
      items: Array<{ id: string; version: number }>;
    };
    const target = list.items.find((u) => u.id === clinic.users.front_desk.id)!;
    const disabled = await ctx.request(`/api/users/${target.id}`, {
      method: 'PATCH',
      cookie: admin,
      json: { version: target.version, status: 'disabled' },
    });
    expect(disabled.status).toBe(200);
    expect((await ctx.request('/api/auth/me', { cookie })).status).toBe(401);
    const audit = await auditActions();
    expect(audit.some((r) => r.action === 'status-change')).toBe(true);
  });

  it('refuses a session cookie of a user disabled directly in the database', async () => {
    const cookie = await ctx.cookieFor(clinic.users.physician.id, clinic.id);
    await disableUser(ctx, clinic.users.physician.id);
    expect((await ctx.request('/api/patients', { cookie })).status).toBe(401);
  });
});

describe('changing one’s own password', () => {
  let clinic: TestClinic;
  beforeAll(async () => {
    clinic = await ctx.seedClinic('Larch');
  });

  it('needs the current password and a fresh code, then ends the other sessions but not this one', async () => {
    const user = clinic.users.nurse;
    const here = await ctx.cookieFor(user.id, clinic.id);
    const elsewhere = await ctx.cookieFor(user.id, clinic.id);
    const change = (body: object) =>
      ctx.request('/api/auth/password', { method: 'POST', cookie: here, json: body });
    const wrongPassword = await change({
      currentPassword: 'not it at all',
      newPassword: 'a brand new passphrase',
      code: await totpCodeAt(user.totpSecret, ctx.clock.now()),
    });
    expect(wrongPassword.status).toBe(400);
    expect(JSON.stringify(await wrongPassword.json())).toContain('body.currentPassword');
    const wrongCode = await change({
      currentPassword: testPassword,
      newPassword: 'a brand new passphrase',
      code: '000000',
    });
    expect(JSON.stringify(await wrongCode.json())).toContain('body.code');
    ctx.clock.advance(30_000);
    const common = await change({
      currentPassword: testPassword,
      newPassword: 'password123',
      code: await totpCodeAt(user.totpSecret, ctx.clock.now()),
    });
    expect(JSON.stringify(await common.json())).toContain('body.newPassword');
    ctx.clock.advance(30_000);
    const ok = await change({
      currentPassword: testPassword,
      newPassword: 'a brand new passphrase',
      code: await totpCodeAt(user.totpSecret, ctx.clock.now()),
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ endedSessions: 1 });
    expect((await ctx.request('/api/auth/me', { cookie: here })).status).toBe(200);
    expect((await ctx.request('/api/auth/me', { cookie: elsewhere })).status).toBe(401);
    const oldPassword = await ctx.request('/api/auth/login', {
      method: 'POST',
      json: { email: user.email, password: testPassword },
    });
    expect(oldPassword.status).toBe(401);
    const newPassword = await ctx.request('/api/auth/login', {
      method: 'POST',
      json: { email: user.email, password: 'a brand new passphrase' },
    });
    expect(newPassword.status).toBe(200);
  });
});
