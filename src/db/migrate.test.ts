import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { connectDatabase } from '../server/start-server.js';
import pg from 'pg';
import { ownerUrlFor } from '../test/test-database.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tableNames(connection: Awaited<ReturnType<typeof connectDatabase>>) {
  const { rows } = await connection.handle.pool.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  return rows.map((r) => r.tablename);
}

describe('migrations', () => {
  it('run at start-up on the embedded server and again as a no-op', async () => {
    const dataDir = await mkdtemp(path.join(path.resolve('.test-data'), 'migrate-'));
    dirs.push(dataDir);
    const config = {
      ...readConfig({}),
      dataDir,
      embeddedPgPort: 59000 + Math.floor(Math.random() * 900),
      databaseUrl: undefined,
    };
    const first = await connectDatabase(config, () => undefined);
    const tables = await tableNames(first);
    await first.close();
    const second = await connectDatabase(config, () => undefined);
    expect(await tableNames(second)).toEqual(tables);
    expect(tables).toEqual(
      expect.arrayContaining(['audit_log', 'clinics', 'patients', 'patient_history', 'sessions', 'users']),
    );
    await second.close();
  }, 120_000);

  it('run against a server given by DATABASE_URL, concurrently from several processes', async () => {
    const name = `m_${Date.now()}`;
    const admin = new pg.Client({ connectionString: ownerUrlFor('postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const config = { ...readConfig({}), databaseUrl: ownerUrlFor(name) };
    const connections = await Promise.all([
      connectDatabase(config, () => undefined),
      connectDatabase(config, () => undefined),
      connectDatabase(config, () => undefined),
    ]);
    const names = await Promise.all(connections.map(tableNames));
    expect(names[0]).toEqual(names[1]);
    expect(names[0]).toContain('audit_log');
    for (const connection of connections) await connection.close();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }, 120_000);
});
