import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { appendAudit, canonicalJson, verifyAuditChain } from './audit.js';

let ctx: TestContext;

async function asOwner<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ctx.database.ownerUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  const clinic = await ctx.seedClinic('Audit');
  for (let i = 0; i < 30; i++) {
    await ctx.deps.audit.record({
      clinicId: clinic.id,
      userId: clinic.users.nurse.id,
      action: 'read',
      entity: 'patient',
      detail: { i, nested: { b: 2, a: 1 } },
      outcome: 'success',
      clientIp: '10.0.0.1',
    });
  }
});
afterAll(async () => {
  await ctx.close();
});

describe('audit trail', () => {
  it('is a verifiable hash chain', async () => {
    const result = await verifyAuditChain(ctx.deps.db);
    expect(result).toMatchObject({ ok: true });
    expect(result.rowsChecked).toBeGreaterThanOrEqual(30);
  });

  it('keeps its order under concurrent appends from many requests', async () => {
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        ctx.deps.audit.record({ action: 'query', entity: 'patient', detail: { i }, outcome: 'success' }),
      ),
    );
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ctx.deps.db.transaction((tx) =>
          appendAudit(tx, [{ action: 'update', entity: 'patient', detail: { i }, outcome: 'success' }]),
        ),
      ),
    );
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it('cannot be changed or deleted by the application role', async () => {
    const pool = ctx.database.handle.pool;
    await expect(pool.query("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(
      /permission denied/,
    );
    await expect(pool.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/permission denied/);
    await expect(pool.query('UPDATE patient_history SET reason = NULL')).rejects.toThrow(/permission denied/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE by trigger even for the owner', async () => {
    await asOwner(async (client) => {
      await expect(client.query("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(
        /append-only/,
      );
      await expect(client.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
      await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    });
  });

  it('detects an out-of-band edit and names the first broken row', async () => {
    await asOwner(async (client) => {
      await client.query('BEGIN');
      await client.query("SET LOCAL session_replication_role = 'replica'");
      await client.query(`UPDATE audit_log SET detail = '{"i": 999}' WHERE seq = 7`);
      await client.query('COMMIT');
    });
    const result = await verifyAuditChain(ctx.deps.db);
    expect(result).toMatchObject({
      ok: false,
      firstBrokenSeq: 7,
      problem: 'row content does not match its hash',
    });
  });

  it('detects a deleted row in the middle of the chain', async () => {
    await asOwner(async (client) => {
      await client.query('BEGIN');
      await client.query("SET LOCAL session_replication_role = 'replica'");
      // Put row 7 back as it was, then remove row 12.
      await client.query(
        `UPDATE audit_log SET detail = '{"i": 6, "nested": {"a": 1, "b": 2}}' WHERE seq = 7`,
      );
      await client.query('DELETE FROM audit_log WHERE seq = 12');
      await client.query('COMMIT');
    });
    const result = await verifyAuditChain(ctx.deps.db);
    expect(result).toMatchObject({
      ok: false,
      firstBrokenSeq: 12,
      problem: 'row 12 is missing',
      rowsChecked: 11,
    });
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level so jsonb reordering does not change a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
});
