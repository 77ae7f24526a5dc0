import { sendLedgerReminders } from './capabilities/ledger/index.js';
import { sendRemsFormReminders } from './capabilities/rems-forms/index.js';
import { sendDueReminders } from './capabilities/scheduling/index.js';
import { sessionEventHub } from './capabilities/session/index.js';
import { createSmsSender } from './shared/sms-sender.js';
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
import { AuditAnchorWriter, anchorLogFileName, loadAnchorKey } from './shared/audit-anchor.js';
import { createLogger, lineLogger, type Logger } from './shared/logger.js';
import { createMailer } from './shared/mailer.js';
import {
  createSecretBox,
  readOrCreateKeyFile,
  secretKeyRequiredMessage,
  type SecretBox,
} from './shared/secret-box.js';
import { sealStoredTotpSecrets, storedTotpSecretsAreSealed } from './capabilities/auth/index.js';
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

/** Stands in when a tool builds deps without a key: using it says so instead of sealing anything. */
const noSecretBox: SecretBox = {
  seal: () => {
    throw new Error('No secret key: Arbor seals authenticator secrets only when started with its key');
  },
  open: () => {
    throw new Error('No secret key: Arbor opens authenticator secrets only when started with its key');
  },
};

export function buildDeps(
  config: ArborConfig,
  handle: DbHandle,
  log: (line: string) => void,
  secretKey: Buffer | undefined = config.secretKey,
): AppDeps {
  return {
    db: handle.db,
    audit: new AuditWriter(handle.db),
    mailer: createMailer(handle.db, {
      driver: config.mailDriver,
      smtpUrl: config.smtpUrl,
      sms: config.sms ? createSmsSender(config.sms) : undefined,
    }),
    secrets: secretKey ? createSecretBox(secretKey) : noSecretBox,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
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
  // Authenticator secrets are sealed with a key kept outside the database (docs/security.md): with
  // DATABASE_URL it must be given; the embedded database keeps one in its data directory.
  if (config.databaseUrl && !config.secretKey) throw new Error(secretKeyRequiredMessage);
  const connection = await connectDatabase(config, log);
  try {
    const secretKey =
      config.secretKey ??
      (await readOrCreateKeyFile(config.dataDir, () => storedTotpSecretsAreSealed(connection.handle.db)));
    // The server log (JSON lines, no PHI: shared/logger.ts); deps.log writes through it.
    const logger = options.app?.logger ?? createLogger({ level: config.logLevel });
    const deps = buildDeps(config, connection.handle, lineLogger(logger), secretKey);
    const sealed = await sealStoredTotpSecrets(deps);
    if (sealed > 0) log(`Sealed ${sealed} authenticator secret(s) that were stored in clear.`);
    await options.beforeListen?.(deps);
    const setupCode = await issueSetupCode(deps.db);
    // The public education site owns / and its pages (docs/site.md); the staff app stays under /app/.
    const anchors = await startAnchoring(config, deps, logger, log);
    const app = createApp(deps, {
      webRoot: path.join(projectRoot, 'dist', 'web'),
      extend: mountSite,
      logger,
      ...options.app,
    });
    const server: ServerType = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    }).catch(async (error: unknown) => {
      await anchors?.close();
      throw error;
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
      config.mailDriver === 'smtp' || config.sms
        ? setInterval(() => void deps.mailer.deliverQueued().catch(() => undefined), 10_000)
        : undefined;
    // Appointment reminders: each tick queues what fell due since the last (idempotent per reminder).
    // REMS monitoring-form reminders ride the same tick; each open form is reminded once a day; the
    // controlled-substance ledger's duties once a day per clinic.
    const reminderTimer = setInterval(() => {
      void sendDueReminders(deps).catch((error: unknown) =>
        logger.error({ err: error }, 'appointment reminders failed'),
      );
      void sendRemsFormReminders(deps, deps.now()).catch((error: unknown) =>
        logger.error({ err: error }, 'REMS form reminders failed'),
      );
      void sendLedgerReminders(deps, deps.now()).catch((error: unknown) =>
        logger.error({ err: error }, 'ledger reminders failed'),
      );
    }, 60_000);
    reminderTimer.unref();
    let stopped = false;
    return {
      url,
      deps,
      connection,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        if (mailTimer) clearInterval(mailTimer);
        clearInterval(reminderTimer);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections would hold close() open; end them after a short grace period.
          setTimeout(
            () => (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.(),
            2_000,
          ).unref();
        });
        await sessionEventHub(deps.db, deps.log).close();
        // The head the server leaves behind is anchored before the database goes away.
        await anchors
          ?.close()
          .catch((error: unknown) =>
            logger.error({ err: error }, 'could not write the audit anchor at shutdown'),
          );
        await connection.close();
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

/**
 * Anchors the audit chain outside the database (shared/audit-anchor.ts): with ARBOR_AUDIT_KEY, or
 * for the embedded database with its own key file, created on first start.
 */
async function startAnchoring(
  config: ArborConfig,
  deps: AppDeps,
  logger: Logger,
  log: (line: string) => void,
): Promise<AuditAnchorWriter | undefined> {
  const key = await loadAnchorKey({
    dataDir: config.dataDir,
    auditKey: config.auditKey,
    embedded: !config.databaseUrl,
    create: true,
  });
  if (!key) {
    log('Audit anchoring is off: set ARBOR_AUDIT_KEY to detect deletion of the newest audit rows.');
    return undefined;
  }
  return AuditAnchorWriter.open({
    db: deps.db,
    key: key.key,
    file: path.join(config.dataDir, anchorLogFileName),
    everyRows: config.auditAnchorRows,
    everySeconds: config.auditAnchorSeconds,
    logger,
    toLog: config.auditAnchorToLog,
  });
}
