import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Distinct free ports: all are held open until each is chosen, so none is handed out twice. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start', () => {
  it('stops Arbor and its PostgreSQL and releases the data directory when npm gets SIGTERM', async () => {
    await mkdir(path.resolve('.test-data'), { recursive: true });
    const dataDir = await mkdtemp(path.join(path.resolve('.test-data'), 'npm-start-'));
    dirs.push(dataDir);
    const [port, pgPort] = (await freePorts(2)) as [number, number];
    const npm = spawn('npm', ['start', '--silent'], {
      env: {
        ...process.env,
        DATABASE_URL: '',
        ARBOR_DATA_DIR: dataDir,
        PORT: String(port),
        ARBOR_PG_PORT: String(pgPort),
        // The staff app's build is not what this test is about (and dist/ is shared).
        ARBOR_SKIP_WEB_BUILD: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const npmExited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    let arborPid = 0;
    let postgresPid = 0;
    try {
      await waitFor(
        `/healthz on port ${port}`,
        async () => {
          if (npm.exitCode !== null) throw new Error(`npm start exited with ${npm.exitCode}`);
          const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
          return response?.status === 200;
        },
        90_000,
      );
      arborPid = Number(readFileSync(path.join(dataDir, 'arbor.lock'), 'utf8').trim());
      postgresPid = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(arborPid).toBeGreaterThan(0);
      expect(arborPid).not.toBe(npm.pid);
      expect(isAlive(postgresPid)).toBe(true);

      // A failed sign-in appends an audit row after the start-up anchor.
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@example.test', password: 'not the password' }),
      });
      expect(login.status).toBe(401);

      npm.kill('SIGTERM');
      await waitFor('npm to exit', async () => npm.exitCode !== null || npm.signalCode !== null, 30_000);
      // A clean stop: Arbor exits 0 and npm reports it.
      expect(await npmExited).toBe(0);
      await waitFor('Arbor to exit', () => !isAlive(arborPid), 30_000);
      await waitFor('PostgreSQL to exit', () => !isAlive(postgresPid), 30_000);
      await waitFor(
        'the data-directory lock to be released',
        () => !existsSync(path.join(dataDir, 'arbor.lock')),
        5_000,
      );
      expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
      expect(output).toContain('Arbor stopped.');
      // The embedded database's anchor key was made at first start; the chain was anchored at start
      // and again at the clean shutdown, covering the failed sign-in.
      expect(statSync(path.join(dataDir, 'audit-anchor.key')).mode & 0o777).toBe(0o600);
      const anchors = readFileSync(path.join(dataDir, 'audit-anchors.log'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { seq: number });
      expect(anchors.length).toBeGreaterThanOrEqual(2);
      expect(anchors.at(-1)!.seq).toBeGreaterThan(anchors[0]!.seq);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- output ---\n${output.slice(-3000)}`);
    } finally {
      // Whatever happened, leave nothing running.
      for (const pid of [arborPid, postgresPid]) if (pid > 0 && isAlive(pid)) process.kill(pid, 'SIGKILL');
      if (npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL');
    }
  }, 180_000);
});
