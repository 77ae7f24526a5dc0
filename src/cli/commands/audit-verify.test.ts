import { randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../config.js';
import { appendAudit } from '../../server/shared/audit.js';
import { startArbor } from '../../server/start-server.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import type { CliIo } from '../cli-io.js';
import { runCli } from '../arbor.js';

let database: TestDatabase;
let dataDir: string;
let env: Record<string, string>;

function fakeIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    readFile: async () => '',
    readStdin: async () => '',
    env,
  };
  return io;
}

async function verify(): Promise<{ code: number; out: string }> {
  const io = fakeIo();
  const code = await runCli(['audit', 'verify'], io);
  return { code, out: io.out };
}

/** What an attacker holding the database superuser can do: disable the guard and delete rows. */
async function deleteNewestRowsAsSuperuser(count: number): Promise<void> {
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await client.query(
      `DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - ${Number(count)}`,
    );
    await client.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'arbor-anchor-'));
  env = {
    DATABASE_URL: database.ownerUrl,
    ARBOR_DATA_DIR: dataDir,
    ARBOR_AUDIT_KEY: randomBytes(32).toString('base64'),
    ARBOR_SECRET_KEY: randomBytes(32).toString('base64'),
  };
});
afterAll(async () => {
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('arbor audit verify against the anchors outside the database', () => {
  it('passes an untouched chain, then names the rows a superuser deleted from its end', async () => {
    const config = { ...readConfig(env), port: 0 };
    const running = await startArbor(config, { log: () => undefined });
    await running.deps.db.transaction((tx) =>
      appendAudit(
        tx,
        Array.from({ length: 20 }, (_, i) => ({
          action: 'read' as const,
          entity: 'patient',
          detail: { i },
          outcome: 'success' as const,
        })),
      ),
    );
    // A clean shutdown anchors the head it leaves behind.
    await running.stop();
    const { rows } = await database.handle.pool.query<{ seq: string }>(
      'SELECT max(seq) AS seq FROM audit_log',
    );
    const head = Number(rows[0]!.seq);
    expect(head).toBeGreaterThanOrEqual(20);

    const intact = await verify();
    expect(intact.out).toContain(`Audit trail intact: ${head} rows`);
    expect(intact.out).toMatch(new RegExp(`anchor at \\S+ covers row ${head}`));
    expect(intact.code).toBe(0);

    await deleteNewestRowsAsSuperuser(5);
    const truncated = await verify();
    expect(truncated.code).toBe(3);
    expect(truncated.out).toMatch(
      new RegExp(`rows ${head - 4}–${head} are missing: the last anchor at \\S+ covered seq ${head}`),
    );
  });

  it('reports an anchor line whose signature does not match', async () => {
    const file = path.join(dataDir, 'audit-anchors.log');
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    const last = JSON.parse(lines.at(-1)!) as { seq: number };
    // A forged anchor that would hide the truncation: it claims the shorter chain is complete.
    await appendFile(
      file,
      `${JSON.stringify({ ...last, seq: last.seq - 5, at: new Date().toISOString() })}\n`,
    );
    const forged = await verify();
    expect(forged.code).toBe(3);
    expect(forged.out).toContain(`line ${lines.length + 1} of ${file}: the signature does not match`);
  });
});
