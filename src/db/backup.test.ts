import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { verifyAuditChain } from '../server/shared/audit.js';
import { backupDatabase, restoreDatabase } from './backup.js';

let source: TestContext;
let target: TestDatabase;
let dir: string;

const tables = [
  'clinics',
  'users',
  'patients',
  'patient_history',
  'audit_log',
  'sessions',
  'clinic_counters',
];

async function counts(db: TestContext['deps']['db']) {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await db.execute<{ n: string }>(sql.raw(`SELECT count(*) AS n FROM ${table}`));
    out[table] = Number(rows[0]?.n);
  }
  return out;
}

beforeAll(async () => {
  source = await createTestContext();
  target = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'arbor-backup-'));
  const clinic = await source.seedClinic('Backup');
  const cookie = await source.cookieFor(clinic.users.front_desk.id, clinic.id);
  for (let i = 0; i < 25; i++) {
    const created = await source.request('/api/patients', {
      method: 'POST',
      cookie,
      json: {
        legalGivenName: `Pat${i}`,
        legalFamilyName: 'Tab\tNew\nLine "quoted" \\ slash',
        birthDate: '1980-01-01',
        sexAtBirth: 'male',
        address: { line1: 'Ünïcödé 1' },
      },
    });
    expect(created.status).toBe(201);
  }
});
afterAll(async () => {
  await source.close();
  await target.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('backup and restore drill', () => {
  it('restores every row and an intact audit chain into a fresh database', async () => {
    const file = path.join(dir, 'arbor.backup');
    const started = Date.now();
    const manifest = await backupDatabase(source.database.ownerUrl, file);
    expect(manifest.tables.find((t) => t.name === 'patients')?.rows).toBe(25);
    await restoreDatabase(target.ownerUrl, file);
    const elapsed = Date.now() - started;
    expect(await counts(target.handle.db)).toEqual(await counts(source.deps.db));
    expect((await verifyAuditChain(target.handle.db)).ok).toBe(true);
    const { rows } = await target.handle.db.execute<{ search_name: string; legal_family_name: string }>(
      sql`SELECT search_name, legal_family_name FROM patients LIMIT 1`,
    );
    expect(rows[0]?.legal_family_name).toBe('Tab\tNew\nLine "quoted" \\ slash');
    // Generated columns are rebuilt by the server, not copied.
    expect(rows[0]?.search_name).toContain('tab');
    expect(elapsed).toBeLessThan(72 * 3600 * 1000);
  });

  it('refuses to restore over a database that already holds a clinic', async () => {
    const file = path.join(dir, 'again.backup');
    await backupDatabase(source.database.ownerUrl, file);
    await expect(restoreDatabase(target.ownerUrl, file)).rejects.toThrow(/already holds a clinic/);
  });

  it('refuses a damaged backup', async () => {
    const file = path.join(dir, 'damaged.backup');
    await backupDatabase(source.database.ownerUrl, file);
    const text = gunzipSync(await readFile(file))
      .toString('utf8')
      .replace('Pat1', 'Pat9');
    await writeFile(file, gzipSync(Buffer.from(text)));
    const fresh = await createTestDatabase();
    try {
      await expect(restoreDatabase(fresh.ownerUrl, file)).rejects.toThrow(/damaged/);
    } finally {
      await fresh.drop();
    }
  });
});
