import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.js';

export type Database = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Tx;

export interface DbHandle {
  db: Database;
  pool: pg.Pool;
  close: () => Promise<void>;
}

// DATE columns stay 'YYYY-MM-DD' strings: a birth date has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/**
 * The pool drops to the restricted arbor_app role on every connection (a startup option), so a
 * bug or an injection in the app cannot rewrite the audit trail even with the owner's login.
 */
export async function openDatabase(
  connectionString: string,
  options: { max?: number } = {},
): Promise<DbHandle> {
  const probe = new pg.Client({ connectionString });
  await probe.connect();
  let canUseAppRole = false;
  try {
    const { rows } = await probe.query(
      `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arbor_app')
              AND pg_has_role(current_user, 'arbor_app', 'MEMBER') AS ok`,
    );
    canUseAppRole = rows[0]?.ok === true;
  } finally {
    await probe.end();
  }
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    statement_timeout: 30_000,
    options: canUseAppRole ? '-c role=arbor_app -c TimeZone=UTC' : '-c TimeZone=UTC',
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}

/** The pool behind a Drizzle handle, for prepared statements on the hottest paths. */
export function clientOf(db: Database): pg.Pool {
  return (db as unknown as { $client: pg.Pool }).$client;
}
