import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import type { CliIo } from './cli-io.js';
import { runCli } from './arbor.js';

let database: TestDatabase;
let dir: string;

function fakeIo(env: Record<string, string>, stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    readFile: async () => '',
    readStdin: async () => stdin,
    env,
  };
  return io;
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'arbor-cli-'));
});
afterAll(async () => {
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('bin/arbor', () => {
  it('prints usage and fails on an unknown command', async () => {
    const io = fakeIo({});
    expect(await runCli(['frobnicate'], io)).toBe(1);
    expect(io.err).toContain('Unknown command');
    expect(io.err).toContain('audit verify');
  });

  it('user create bootstraps a clinic and admin with the password from stdin, refusing weak ones', async () => {
    const env = { DATABASE_URL: database.ownerUrl };
    const weak = fakeIo(env, 'password\n');
    expect(
      await runCli(
        ['user', 'create', '--email', 'root@clinic.test', '--name', 'Root', '--clinic', 'Elm Clinic'],
        weak,
      ),
    ).toBe(2);
    expect(weak.err).toContain('password:');
    const io = fakeIo(env, 'a long and unusual passphrase\n');
    expect(
      await runCli(
        ['user', 'create', '--email', 'root@clinic.test', '--name', 'Root', '--clinic', 'Elm Clinic'],
        io,
      ),
    ).toBe(0);
    expect(io.out).toContain('Created admin root@clinic.test in Elm Clinic');
    const nurse = fakeIo(env, 'another long passphrase\n');
    expect(
      await runCli(
        ['user', 'create', '--email', 'nurse@clinic.test', '--name', 'Nurse', '--role', 'nurse'],
        nurse,
      ),
    ).toBe(0);
    const bad = fakeIo(env, 'x');
    expect(await runCli(['user', 'create', '--email', 'not-an-email', '--name', 'X'], bad)).toBe(2);
    expect(bad.err).toContain('--email');
  });

  it('audit verify reports an intact chain, then the first broken row after tampering', async () => {
    const env = { DATABASE_URL: database.ownerUrl };
    const ok = fakeIo(env);
    expect(await runCli(['audit', 'verify'], ok)).toBe(0);
    expect(ok.out).toMatch(/Audit trail intact: \d+ rows/);
    const client = new pg.Client({ connectionString: database.ownerUrl });
    await client.connect();
    await client.query('BEGIN');
    await client.query("SET LOCAL session_replication_role = 'replica'");
    await client.query("UPDATE audit_log SET user_label = 'someone else' WHERE seq = 1");
    await client.query('COMMIT');
    await client.end();
    const broken = fakeIo(env);
    expect(await runCli(['audit', 'verify'], broken)).toBe(3);
    expect(broken.out).toContain('BROKEN at row 1');
  });

  it('backup writes a file that restore refuses to load over a populated database', async () => {
    const env = { DATABASE_URL: database.ownerUrl };
    const file = path.join(dir, 'cli.backup');
    const backup = fakeIo(env);
    expect(await runCli(['backup', file], backup)).toBe(0);
    expect(backup.out).toMatch(/Backup written to .*tables, \d+ rows/);
    await expect(runCli(['restore', file], fakeIo(env))).rejects.toThrow(/already holds a clinic/);
  });
});
