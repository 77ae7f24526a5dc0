import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { patients } from '../db/schema.js';
import { readConfig } from '../config.js';
import { verifyAuditChain } from './shared/audit.js';
import { connectDatabase } from './start-server.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(path.resolve('.test-data'), 'kill-'));
  dirs.push(dir);
  return dir;
}

function pgPort(): number {
  return 57000 + Math.floor(Math.random() * 2000);
}

function startWriter(
  dataDir: string,
  port: number,
): { child: ChildProcess; acked: string[]; ready: Promise<void>; exited: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/test/fixtures/kill-writer.ts'], {
    env: { ...process.env, DATABASE_URL: '', ARBOR_DATA_DIR: dataDir, ARBOR_PG_PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked: string[] = [];
  let buffer = '';
  let stderr = '';
  let resolveReady: () => void;
  let rejectReady: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') resolveReady();
      else if (line.startsWith('ack ')) acked.push(line.slice(4));
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      rejectReady(new Error(`writer exited before it was ready: ${stderr.slice(-1500)}`));
      resolve();
    }),
  );
  return { child, acked, ready, exited };
}

describe('durability', () => {
  it('keeps every acknowledged write through 20 SIGKILLs of Arbor and its PostgreSQL', async () => {
    const dataDir = await tempDataDir();
    const port = pgPort();
    const acknowledged: string[] = [];
    for (let round = 0; round < 20; round++) {
      const writer = startWriter(dataDir, port);
      await writer.ready;
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 600));
      // The whole process group: the Node process and the postgres server it started.
      process.kill(-writer.child.pid!, 'SIGKILL');
      await writer.exited;
      acknowledged.push(...writer.acked);
    }
    expect(acknowledged.length).toBeGreaterThan(20);
    const config = { ...readConfig({ ...process.env, DATABASE_URL: '' }), dataDir, embeddedPgPort: port };
    const connection = await connectDatabase(config, () => undefined);
    try {
      const found = await connection.handle.db
        .select({ id: patients.id })
        .from(patients)
        .where(inArray(patients.id, acknowledged));
      expect(found.length).toBe(acknowledged.length);
      expect((await verifyAuditChain(connection.handle.db)).ok).toBe(true);
    } finally {
      await connection.close();
    }
  }, 300_000);

  it('refuses a second process on the same data directory with a clear message', async () => {
    const dataDir = await tempDataDir();
    const port = pgPort();
    const config = { ...readConfig({ ...process.env, DATABASE_URL: '' }), dataDir, embeddedPgPort: port };
    const first = await connectDatabase(config, () => undefined);
    try {
      const second = spawn(process.execPath, ['bin/arbor', 'migrate'], {
        env: { ...process.env, DATABASE_URL: '', ARBOR_DATA_DIR: dataDir, ARBOR_PG_PORT: String(port + 1) },
      });
      let stderr = '';
      second.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
      expect(code).not.toBe(0);
      expect(stderr).toMatch(/Another Arbor process \(pid \d+\) is already using the data directory/);
    } finally {
      await first.close();
    }
  }, 60_000);
});
