import { randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../config.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { appendAudit, auditRowHash, verifyAuditChain, type StoredAuditRow } from './audit.js';
import {
  AuditAnchorWriter,
  anchorKeyFileName,
  checkAuditAnchors,
  loadAnchorKey,
  readChainHead,
  type AuditAnchor,
} from './audit-anchor.js';
import { createLogger } from './logger.js';

let database: TestDatabase;
let dir: string;
const key = randomBytes(32);

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'arbor-anchors-'));
});
afterAll(async () => {
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

async function appendRows(count: number, label = 'row'): Promise<void> {
  await database.handle.db.transaction((tx) =>
    appendAudit(
      tx,
      Array.from({ length: count }, (_, i) => ({
        action: 'read' as const,
        entity: 'patient',
        detail: { label, i },
        outcome: 'success' as const,
      })),
    ),
  );
}

async function anchorsIn(file: string): Promise<AuditAnchor[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuditAnchor);
}

async function waitFor(what: string, check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function asSuperuser(run: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await run(client);
  } finally {
    await client.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    await client.end();
  }
}

describe('audit anchors', () => {
  it('keeps the embedded database key in a mode-600 file made on first start', async () => {
    const dataDir = path.join(dir, 'keyed');
    expect(
      await loadAnchorKey({ dataDir, auditKey: undefined, embedded: true, create: false }),
    ).toBeUndefined();
    const made = await loadAnchorKey({ dataDir, auditKey: undefined, embedded: true, create: true });
    expect(made!.key.length).toBe(32);
    expect((await stat(path.join(dataDir, anchorKeyFileName))).mode & 0o777).toBe(0o600);
    const again = await loadAnchorKey({ dataDir, auditKey: undefined, embedded: true, create: true });
    expect(again!.key.equals(made!.key)).toBe(true);
    // ARBOR_AUDIT_KEY wins; with DATABASE_URL and no key there is nothing to sign with.
    expect((await loadAnchorKey({ dataDir, auditKey: key, embedded: true, create: true }))!.key).toBe(key);
    expect(
      await loadAnchorKey({ dataDir, auditKey: undefined, embedded: false, create: true }),
    ).toBeUndefined();
  });

  it('refuses an ARBOR_AUDIT_KEY that is not at least 32 bytes of base64, naming the setting', () => {
    expect(() => readConfig({ ARBOR_AUDIT_KEY: 'c2hvcnQ=' })).toThrow(/ARBOR_AUDIT_KEY must be at least 32/);
    expect(() => readConfig({ ARBOR_AUDIT_KEY: `${key.toString('base64')}!` })).toThrow(/ARBOR_AUDIT_KEY/);
    expect(readConfig({ ARBOR_AUDIT_KEY: key.toString('base64') }).auditKey!.equals(key)).toBe(true);
    expect(() => readConfig({ ARBOR_AUDIT_ANCHOR_ROWS: 'many' })).toThrow(/ARBOR_AUDIT_ANCHOR_ROWS/);
  });

  it('anchors at start, after every N rows, on a timer and at shutdown, in an append-only mode-600 file', async () => {
    const file = path.join(dir, 'writer', 'audit-anchors.log');
    const logLines: string[] = [];
    await appendRows(3);
    const writer = await AuditAnchorWriter.open({
      db: database.handle.db,
      key,
      file,
      everyRows: 5,
      everySeconds: 1,
      logger: createLogger({ write: (line) => logLines.push(line) }),
      toLog: true,
    });
    try {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await anchorsIn(file)).map((a) => a.seq)).toEqual([3]);
      await appendRows(5);
      await waitFor('an anchor after 5 rows', async () => (await anchorsIn(file)).at(-1)?.seq === 8);
      await appendRows(1);
      await waitFor('an anchor on the timer', async () => (await anchorsIn(file)).at(-1)?.seq === 9, 4_000);
      await appendRows(2);
    } finally {
      await writer.close();
    }
    const anchors = await anchorsIn(file);
    expect(anchors.at(-1)).toMatchObject({ seq: 11, hash: (await readChainHead(database.handle.db)).hash });
    expect(logLines.some((line) => line.includes('"auditAnchor"') && line.includes('"seq":11'))).toBe(true);
    expect(await checkAuditAnchors(database.handle.db, key, file)).toMatchObject({ ok: true, problems: [] });
  });

  it('reports a chain rewritten consistently by a superuser, which the hash chain alone accepts', async () => {
    const file = path.join(dir, 'writer', 'audit-anchors.log');
    await asSuperuser(async (client) => {
      const { rows } = await client.query<Record<string, unknown>>('SELECT * FROM audit_log ORDER BY seq');
      let prevHash = rows[0]!.prev_hash as string;
      for (const raw of rows) {
        const row: Omit<StoredAuditRow, 'hash'> = {
          seq: Number(raw.seq),
          occurredAt: raw.occurred_at as Date,
          clinicId: raw.clinic_id as string | null,
          userId: raw.user_id as string | null,
          userLabel: raw.user_label as string | null,
          patientId: raw.patient_id as string | null,
          action: raw.action as string,
          entity: raw.entity as string,
          entityId: raw.entity_id as string | null,
          detail: rewrittenDetail(raw),
          outcome: raw.outcome as string,
          clientIp: raw.client_ip as string | null,
          prevHash,
        };
        const hash = auditRowHash(row);
        await client.query('UPDATE audit_log SET detail = $1, prev_hash = $2, hash = $3 WHERE seq = $4', [
          JSON.stringify(row.detail),
          prevHash,
          hash,
          row.seq,
        ]);
        prevHash = hash;
      }
    });
    expect((await verifyAuditChain(database.handle.db)).ok).toBe(true);
    const check = await checkAuditAnchors(database.handle.db, key, file);
    expect(check.ok).toBe(false);
    expect(check.problems[0]).toMatch(/^row 3 does not match the anchor at \S+ \(line 1\)/);
  });

  it('warns at start when the database is behind its last anchor', async () => {
    const file = path.join(dir, 'behind', 'audit-anchors.log');
    const first = await AuditAnchorWriter.open({
      db: database.handle.db,
      key,
      file,
      everyRows: 0,
      everySeconds: 0,
      logger: createLogger({ write: () => undefined }),
      toLog: false,
    });
    await first.close();
    const head = await readChainHead(database.handle.db);
    await asSuperuser(async (client) => {
      await client.query('DELETE FROM audit_log WHERE seq > $1', [head.seq - 2]);
    });
    const logLines: string[] = [];
    const second = await AuditAnchorWriter.open({
      db: database.handle.db,
      key,
      file,
      everyRows: 0,
      everySeconds: 0,
      logger: createLogger({ write: (line) => logLines.push(line) }),
      toLog: false,
    });
    await second.close();
    expect(logLines.join('\n')).toContain('the audit trail does not match its last anchor');
    const check = await checkAuditAnchors(database.handle.db, key, file);
    expect(check.problems).toContain(
      `rows ${head.seq - 1}–${head.seq} are missing: the last anchor at ${check.latest!.at} covered seq ${head.seq}`,
    );
  });

  it('skips a last line cut short by a crash, but reports a line in the middle that is not an anchor', async () => {
    const file = path.join(dir, 'torn', 'audit-anchors.log');
    const writer = await AuditAnchorWriter.open({
      db: database.handle.db,
      key,
      file,
      everyRows: 0,
      everySeconds: 0,
      logger: createLogger({ write: () => undefined }),
      toLog: false,
    });
    await writer.close();
    await appendFile(file, '{"v":1,"seq":4');
    const torn = await checkAuditAnchors(database.handle.db, key, file);
    expect(torn).toMatchObject({ ok: true, problems: [] });
    expect(torn.notes[0]).toContain('line 2');
    await appendFile(file, '\n{"v":1}\n');
    const altered = await checkAuditAnchors(database.handle.db, key, file);
    expect(altered.ok).toBe(false);
    expect(altered.problems).toEqual([
      `line 2 of ${file}: not an anchor record`,
      `line 3 of ${file}: not an anchor record`,
    ]);
  });
});

/** The rewrite changes what the first rows say, then re-hashes everything after them. */
function rewrittenDetail(raw: Record<string, unknown>): unknown {
  return Number(raw.seq) <= 4 ? { label: 'rewritten' } : raw.detail;
}
