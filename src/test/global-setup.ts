import { rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureDatabase, startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { runMigrations } from '../db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Owner connection string with a `{db}` placeholder for the database name. */
    databaseUrlTemplate: string;
  }
}

export const templateDatabase = 'arbor_test_template';

/**
 * One PostgreSQL for the whole run: DATABASE_URL when set, otherwise an embedded server in
 * .test-data. A migrated template database is made once; each test file clones it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let ownerUrl: (db: string) => string;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    const base = new URL(process.env.DATABASE_URL);
    ownerUrl = (db) => {
      const url = new URL(base);
      url.pathname = `/${db}`;
      return url.toString();
    };
  } else {
    const dir = path.resolve('.test-data', `pg-${process.pid}`);
    const port = 56000 + (process.pid % 4000);
    const server = await startEmbeddedPostgres({ dir, port });
    ownerUrl = server.ownerUrl;
    stop = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: ownerUrl('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(ownerUrl, templateDatabase);
  await runMigrations(ownerUrl(templateDatabase));
  project.provide('databaseUrlTemplate', ownerUrl('{db}'));
  return stop;
}
