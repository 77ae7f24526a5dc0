import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import type { StaffRole } from '../domain/auth/permissions.js';
import { staffRoles } from '../domain/auth/permissions.js';
import { clinics, users } from '../db/schema.js';
import type { AppDeps } from '../server/shared/app-deps.js';
import { createApp } from '../server/app.js';
import { AuditWriter } from '../server/shared/audit.js';
import { createMailer } from '../server/shared/mailer.js';
import { createSecretBox } from '../server/shared/secret-box.js';
import { hashPassword } from '../server/shared/password.js';
import { createSession } from '../server/shared/session.js';
import { newTotpSecret } from '../server/capabilities/auth/totp.js';
import { sealTotpSecret } from '../server/capabilities/auth/totp-secrets.js';
import { sessionEventHub } from '../server/capabilities/session/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

/** A clock tests can move, so timeouts and TOTP steps are tested without waiting. */
export class TestClock {
  private offsetMs = 0;
  now = () => new Date(Date.now() + this.offsetMs);
  advance(ms: number) {
    this.offsetMs += ms;
  }
}

export interface TestClinic {
  id: string;
  users: Record<StaffRole, { id: string; email: string; totpSecret: string }>;
}

export interface TestContext {
  database: TestDatabase;
  deps: AppDeps;
  app: Hono;
  clock: TestClock;
  request: (path: string, init?: RequestInit & { cookie?: string; json?: unknown }) => Promise<Response>;
  seedClinic: (name: string) => Promise<TestClinic>;
  cookieFor: (userId: string, clinicId: string, stage?: 'full' | 'mfa' | 'enrol') => Promise<string>;
  close: () => Promise<void>;
}

export const base = 'http://localhost';

export async function createTestContext(): Promise<TestContext> {
  const database = await createTestDatabase();
  const clock = new TestClock();
  const logLines: string[] = [];
  const deps: AppDeps = {
    db: database.handle.db,
    audit: new AuditWriter(database.handle.db),
    mailer: createMailer(database.handle.db, { driver: 'outbox' }),
    secrets: createSecretBox(randomBytes(32)),
    trustProxy: false,
    publicUrl: base,
    now: clock.now,
    // ARBOR_TEST_LOG=1 prints the server's log while a test runs (to read why a request failed).
    log: (line) => {
      logLines.push(line);
      if (process.env.ARBOR_TEST_LOG) console.error(line);
    },
    checkResponses: true,
  };
  const app = createApp(deps);
  const request: TestContext['request'] = (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('cookie', init.cookie);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    return Promise.resolve(app.request(`${base}${path}`, { ...init, headers, body }));
  };
  let counter = 0;
  const seedClinic = async (name: string): Promise<TestClinic> => {
    passwordHash ??= hashPassword(testPassword);
    const hash = await passwordHash;
    counter += 1;
    const [clinic] = await deps.db
      .insert(clinics)
      .values({ name, slug: `${name.toLowerCase().replace(/\W+/g, '-')}-${counter}-${Date.now()}` })
      .returning();
    const seeded = {} as TestClinic['users'];
    for (const role of staffRoles) {
      const email = `${role}.${counter}.${clinic!.id.slice(0, 6)}@example.test`;
      const totpSecret = newTotpSecret();
      const [user] = await deps.db
        .insert(users)
        .values({
          clinicId: clinic!.id,
          email,
          displayName: `${role} ${counter}`,
          role,
          passwordHash: hash,
          totpSecret: sealTotpSecret(deps.secrets, totpSecret),
          totpEnrolledAt: new Date(),
        })
        .returning();
      seeded[role] = { id: user!.id, email, totpSecret };
    }
    return { id: clinic!.id, users: seeded };
  };
  const cookieFor: TestContext['cookieFor'] = async (userId, clinicId, stage = 'full') => {
    const token = await createSession(deps.db, {
      clinicId,
      userId,
      stage,
      clientIp: '127.0.0.1',
      userAgent: 'test',
      now: clock.now(),
    });
    return `__Host-arbor_session=${token}`;
  };
  return {
    database,
    deps,
    app,
    clock,
    request,
    seedClinic,
    cookieFor,
    close: async () => {
      // A board's event stream holds a listening connection; it is let go before the database is.
      await sessionEventHub(deps.db, deps.log).close();
      await database.drop();
    },
  };
}

export async function disableUser(ctx: TestContext, userId: string) {
  await ctx.deps.db.update(users).set({ status: 'disabled' }).where(eq(users.id, userId));
}

/** The session token a Set-Cookie header carries, as a Cookie header value. */
export function cookieFrom(response: Response): string | undefined {
  const header = response.headers.get('set-cookie');
  const match = header ? /(__Host-arbor_session|arbor_session)=([^;]*)/.exec(header) : null;
  return match && match[2] ? `${match[1]}=${match[2]}` : undefined;
}
