import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { ArborConfig } from '../config.js';
import { openDatabase, type DbHandle } from '../db/client.js';
import { lockDataDir } from '../db/data-dir-lock.js';
import { ensureDatabase, startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { runMigrations } from '../db/migrate.js';
import type { AppDeps } from './shared/app-deps.js';
import { createApp, type AppOptions } from './app.js';
import { AuditWriter } from './shared/audit.js';
import { createMailer } from './shared/mailer.js';
import { issueSetupCode } from './capabilities/clinic/index.js';
import { mountSite } from './capabilities/site/index.js';
import { projectRoot } from './shared/project-paths.js';

export interface DatabaseConnection {
  ownerUrl: string;
  handle: DbHandle;
  close: () => Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded server on the data directory (locked against a
 * second process), and migrates. Used by the server and by every CLI command that needs data.
 */
export async function connectDatabase(
  config: ArborConfig,
  log: (line: string) => void,
): Promise<DatabaseConnection> {
  let ownerUrl: string;
  let stopEmbedded = async () => {};
  if (config.databaseUrl) {
    ownerUrl = config.databaseUrl;
  } else {
    const unlock = await lockDataDir(config.dataDir);
    try {
      const server = await startEmbeddedPostgres({ dir: config.dataDir, port: config.embeddedPgPort });
      await ensureDatabase(server.ownerUrl, 'arbor');
      ownerUrl = server.ownerUrl('arbor');
      stopEmbedded = async () => {
        await server.stop();
        await unlock();
      };
    } catch (error) {
      await unlock();
      throw error;
    }
    log(`PostgreSQL (embedded) on 127.0.0.1:${config.embeddedPgPort}, data in ${config.dataDir}`);
  }
  try {
    await runMigrations(ownerUrl);
    const handle = await openDatabase(ownerUrl);
    return {
      ownerUrl,
      handle,
      close: async () => {
        await handle.close();
        await stopEmbedded();
      },
    };
  } catch (error) {
    await stopEmbedded();
    throw error;
  }
}

export function buildDeps(config: ArborConfig, handle: DbHandle, log: (line: string) => void): AppDeps {
  return {
    db: handle.db,
    audit: new AuditWriter(handle.db),
    mailer: createMailer(handle.db, { driver: config.mailDriver, smtpUrl: config.smtpUrl }),
    trustProxy: config.trustProxy,
    now: () => new Date(),
    log,
  };
}

export interface RunningArbor {
  url: string;
  deps: AppDeps;
  connection: DatabaseConnection;
  stop: () => Promise<void>;
}

export async function startArbor(
  config: ArborConfig,
  options: { log: (line: string) => void; beforeListen?: (deps: AppDeps) => Promise<void>; app?: AppOptions },
): Promise<RunningArbor> {
  const { log } = options;
  const connection = await connectDatabase(config, log);
  const deps = buildDeps(config, connection.handle, log);
  try {
    await options.beforeListen?.(deps);
    const setupCode = await issueSetupCode(deps.db);
    // The public education site owns / and its pages (docs/site.md); the staff app stays under /app/.
    const app = createApp(deps, {
      webRoot: path.join(projectRoot, 'dist', 'web'),
      extend: mountSite,
      ...options.app,
    });
    const server: ServerType = await new Promise((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    log(`Arbor is listening on ${url}`);
    if (setupCode) {
      log('');
      log('  This Arbor has no clinic yet. Open the address above and enter this one-time setup code:');
      log(`      ${setupCode}`);
      log('');
    }
    const mailTimer =
      config.mailDriver === 'smtp'
        ? setInterval(() => void deps.mailer.deliverQueued().catch(() => undefined), 10_000)
        : undefined;
    let stopped = false;
    return {
      url,
      deps,
      connection,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        if (mailTimer) clearInterval(mailTimer);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections would hold close() open; end them after a short grace period.
          setTimeout(
            () => (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.(),
            2_000,
          ).unref();
        });
        await connection.close();
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
