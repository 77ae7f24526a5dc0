import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { testPassword } from '../test/test-app.js';
import { verifyAuditChain } from './shared/audit.js';
import { createClinicWithAdmin } from './capabilities/clinic/setup.service.js';
import { startArbor, type RunningArbor } from './start-server.js';
import { totpCodeAt } from './capabilities/auth/totp.js';
import { users } from '../db/schema.js';
import { eq } from 'drizzle-orm';

let database: TestDatabase;
let servers: RunningArbor[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const config = {
    ...readConfig({}),
    databaseUrl: database.ownerUrl,
    port: 0,
    host: '127.0.0.1',
    // Every server of one database shares its secret key.
    secretKey: randomBytes(32),
  };
  // Both start at once: migrations are serialised by an advisory lock.
  servers = await Promise.all([
    startArbor(config, { log: () => undefined }),
    startArbor(config, { log: () => undefined }),
  ]);
});
afterAll(async () => {
  for (const server of servers) await server.stop();
  await database.drop();
});

function cookieOf(response: Response): string {
  const match = /(arbor_session|__Host-arbor_session)=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
  return `${match![1]}=${match![2]}`;
}

describe('two app servers on one database', () => {
  it('share sessions, rate limits and one audit chain', async () => {
    const [a, b] = servers as [RunningArbor, RunningArbor];
    const { userId } = await a.deps.db.transaction((tx) =>
      createClinicWithAdmin(tx, {
        clinicName: 'Shared',
        email: 'shared@example.test',
        displayName: 'Shared Admin',
        password: testPassword,
      }),
    );
    // Sign in on server A, enrol on server B, work on both.
    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'shared@example.test', password: testPassword }),
    });
    expect(login.status).toBe(200);
    const partial = cookieOf(login);
    const start = (await (
      await fetch(`${b.url}/api/auth/mfa/enrol/start`, { method: 'POST', headers: { cookie: partial } })
    ).json()) as { secret: string };
    const confirm = await fetch(`${b.url}/api/auth/mfa/enrol/confirm`, {
      method: 'POST',
      headers: { cookie: partial, 'content-type': 'application/json' },
      body: JSON.stringify({ code: await totpCodeAt(start.secret, new Date()) }),
    });
    expect(confirm.status).toBe(200);
    const cookie = cookieOf(confirm);
    const writes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${(i % 2 ? a : b).url}/api/patients`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({
            legalGivenName: `P${i}`,
            legalFamilyName: 'Shared',
            birthDate: '1980-01-01',
            sexAtBirth: 'female',
          }),
        }),
      ),
    );
    expect(writes.map((w) => w.status)).toEqual(Array(20).fill(201));
    const mrns = await Promise.all(writes.map(async (w) => ((await w.json()) as { mrn: string }).mrn));
    expect(new Set(mrns).size).toBe(20);
    const list = (await (await fetch(`${a.url}/api/patients?q=shared`, { headers: { cookie } })).json()) as {
      total: number;
    };
    expect(list.total).toBe(20);
    // Signing out on B ends the session for A at once.
    await fetch(`${b.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    expect((await fetch(`${a.url}/api/patients`, { headers: { cookie } })).status).toBe(401);
    expect((await verifyAuditChain(a.deps.db)).ok).toBe(true);
    const [user] = await a.deps.db.select().from(users).where(eq(users.id, userId));
    expect(user?.totpEnrolledAt).not.toBeNull();
  });
});
