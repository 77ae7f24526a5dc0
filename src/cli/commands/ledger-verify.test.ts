import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinics, users } from '../../db/schema.js';
import { seedLedger } from '../../server/capabilities/ledger/ledger-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import type { CliIo } from '../cli-io.js';
import { runCli } from '../arbor.js';

let database: TestDatabase;

function fakeIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    readFile: async () => '',
    readStdin: async () => '',
    env: { DATABASE_URL: database.ownerUrl },
  };
  return io;
}

async function verify() {
  const io = fakeIo();
  const code = await runCli(['ledger', 'verify'], io);
  return { code, out: io.out };
}

/** What someone holding the database superuser can do: bypass the guard triggers and rewrite a row. */
async function asSuperuser(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query("SET LOCAL session_replication_role = 'replica'");
    await client.query(statement);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.handle.db;
  const [clinic] = await db.insert(clinics).values({ name: 'Verify', slug: 'verify' }).returning();
  const [nurse, physician] = await db
    .insert(users)
    .values(
      ['nurse', 'physician'].map((role) => ({
        clinicId: clinic!.id,
        email: `${role}@verify.test`,
        displayName: role,
        role,
        passwordHash: 'x',
      })),
    )
    .returning();
  await seedLedger(db, clinic!.id, nurse!.id, physician!.id);
});
afterAll(async () => {
  await database.drop();
});

describe('arbor ledger verify', () => {
  it('passes an intact ledger, then names the event changed behind the guard, then a forged balance', async () => {
    const intact = await verify();
    expect(intact.out).toContain('Ledger intact: 1 events in 1 clinic(s), 1 containers');
    expect(intact.code).toBe(0);

    // A receipt rewritten to hold more than it did: the event no longer matches its hash.
    await asSuperuser(
      `UPDATE ledger_events SET event = jsonb_set(event, '{quantityUg}', '600000') WHERE type = 'receive'`,
    );
    const tampered = await verify();
    expect(tampered.code).toBe(3);
    expect(tampered.out).toMatch(
      /Ledger BROKEN .* at event .* \(seq \d+\): the event does not match its hash/,
    );

    await asSuperuser(
      `UPDATE ledger_events SET event = jsonb_set(event, '{quantityUg}', '500000') WHERE type = 'receive'`,
    );
    expect((await verify()).code).toBe(0);

    // The cached balance raised without an event: the replay disagrees.
    await asSuperuser('UPDATE ledger_container_balances SET balance_ug = 510000');
    const forged = await verify();
    expect(forged.code).toBe(3);
    expect(forged.out).toContain('stored balance 510000 µg sealed, the events give 500000 µg sealed');
  });

  it('refuses an argument', async () => {
    expect(await runCli(['ledger', 'verify', '--all'], fakeIo())).toBe(2);
  });
});
