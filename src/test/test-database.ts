import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DbHandle } from '../db/client.js';

const templateDatabase = 'arbor_test_template';

export function ownerUrlFor(db: string): string {
  return inject('databaseUrlTemplate').replace('{db}', db);
}

export interface TestDatabase {
  name: string;
  ownerUrl: string;
  handle: DbHandle;
  drop: () => Promise<void>;
}

/** A fresh database cloned from the migrated template: each test file gets its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ownerUrlFor('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase}`);
  } finally {
    await admin.end();
  }
  const ownerUrl = ownerUrlFor(name);
  const handle = await openDatabase(ownerUrl, { max: 5 });
  return {
    name,
    ownerUrl,
    handle,
    drop: async () => {
      await handle.close();
      const client = new pg.Client({ connectionString: ownerUrlFor('postgres') });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await client.end();
    },
  };
}
