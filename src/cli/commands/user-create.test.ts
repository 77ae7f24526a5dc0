import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { totpCodeAt } from '../../server/capabilities/auth/totp.js';
import type { AppDeps } from '../../server/shared/app-deps.js';
import { AuditWriter } from '../../server/shared/audit.js';
import { createMailer } from '../../server/shared/mailer.js';
import { createSecretBox } from '../../server/shared/secret-box.js';
import { cookieFrom } from '../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { runCli } from '../arbor.js';
import type { CliIo } from '../cli-io.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

function io(stdin: string): CliIo {
  return {
    stdout: () => undefined,
    stderr: () => undefined,
    readFile: async () => '',
    readStdin: async () => stdin,
    env: { DATABASE_URL: database.ownerUrl },
  };
}

/** Password step and enrolment against the CLI's database; returns the stage that follows. */
async function firstSignIn(email: string, password: string): Promise<string> {
  const db = database.handle.db;
  const deps: AppDeps = {
    db,
    audit: new AuditWriter(db),
    mailer: createMailer(db, { driver: 'outbox' }),
    secrets: createSecretBox(randomBytes(32)),
    trustProxy: false,
    now: () => new Date(),
    log: () => undefined,
    checkResponses: true,
  };
  const app = createApp(deps);
  const post = (path: string, cookie?: string, json?: unknown) =>
    app.request(`http://localhost${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  const login = await post('/api/auth/login', undefined, { email, password });
  expect(await login.json()).toEqual({ stage: 'enrol' });
  const cookie = cookieFrom(login)!;
  const start = (await (await post('/api/auth/mfa/enrol/start', cookie)).json()) as { secret: string };
  const confirm = await post('/api/auth/mfa/enrol/confirm', cookie, {
    code: await totpCodeAt(start.secret, new Date()),
  });
  return ((await confirm.json()) as { stage: string }).stage;
}

describe('arbor user create', () => {
  it('sets a temporary password: the first admin and later accounts choose their own at first sign-in', async () => {
    const rootPassword = 'a long and unusual passphrase';
    expect(
      await runCli(
        ['user', 'create', '--email', 'root@oak.test', '--name', 'Root', '--clinic', 'Oak Clinic'],
        io(`${rootPassword}\n`),
      ),
    ).toBe(0);
    const nursePassword = 'another long passphrase';
    expect(
      await runCli(
        ['user', 'create', '--email', 'nurse@oak.test', '--name', 'Nurse', '--role', 'nurse'],
        io(`${nursePassword}\n`),
      ),
    ).toBe(0);
    expect(await firstSignIn('root@oak.test', rootPassword)).toBe('change-password');
    expect(await firstSignIn('nurse@oak.test', nursePassword)).toBe('change-password');
  });
});
