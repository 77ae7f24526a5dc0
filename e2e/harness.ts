import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the staff app once if dist/web is missing (scripts/run-e2e.mjs always builds first). */
export function ensureWebBuilt(): void {
  if (existsSync(path.join(repoRoot, 'dist', 'web', 'index.html'))) return;
  const result = spawnSync('npx', ['vite', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npx vite build failed');
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free port in a range; the start is randomised so two runs side by side rarely race for one. */
export async function freePort(from: number, to: number): Promise<number> {
  const span = to - from + 1;
  const offset = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = from + ((offset + i) % span);
    if (await portIsFree(port)) return port;
  }
  throw new Error(`No free port between ${from} and ${to}`);
}

export interface ArborServer {
  url: string;
  /** The one-time setup code printed on an empty database. */
  setupCode: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * With DATABASE_URL set, each server gets its own new database in that cluster, so every spec
 * still starts from an empty Arbor (first-run setup needs one).
 */
async function freshDatabaseUrl(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `arbor_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts `bin/arbor start` on free ports with a fresh data directory and waits for its setup code. */
export async function startArbor(): Promise<ArborServer> {
  ensureWebBuilt();
  const port = await freePort(3200, 3299);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arbor-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ARBOR_DATA_DIR: dataDir,
    // Links sent by email or SMS are built from the configured address only (loopback may be http).
    ARBOR_PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  let dropDatabase = async () => {};
  if (process.env.DATABASE_URL) {
    const fresh = await freshDatabaseUrl(process.env.DATABASE_URL);
    env.DATABASE_URL = fresh.url;
    env.ARBOR_SECRET_KEY = randomBytes(32).toString('base64');
    dropDatabase = fresh.drop;
  } else {
    delete env.DATABASE_URL;
    env.ARBOR_PG_PORT = String(await freePort(55600, 55699));
  }
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'arbor'), 'start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 30_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    await dropDatabase().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  for (;;) {
    const url = /Arbor is listening on (\S+)/.exec(output)?.[1];
    const code = /setup code:\s*\n\s*(\S+)/.exec(output)?.[1];
    if (url && code) return { url, setupCode: code, output: () => output, stop };
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Arbor exited with ${child.exitCode} before it was ready:\n${output}`);
    }
    if (Date.now() - started > 120_000) {
      await stop();
      throw new Error(`Arbor did not become ready in 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
