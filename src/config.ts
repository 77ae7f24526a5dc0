import path from 'node:path';

/** Everything Arbor reads from its environment, read once and validated. */
export interface ArborConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  embeddedPgPort: number;
  /** Whether requests arrive over TLS (directly or through a proxy that sets X-Forwarded-Proto). */
  trustProxy: boolean;
  logLevel: 'silent' | 'info';
  mailDriver: 'outbox' | 'smtp';
  smtpUrl: string | undefined;
  publicUrl: string | undefined;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a whole number between 0 and 65535 (got "${raw}")`);
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ArborConfig {
  const dataDir = path.resolve(env.ARBOR_DATA_DIR ?? './data');
  const port = intFromEnv(env, 'PORT', 3000);
  const mailDriver = env.ARBOR_MAIL_DRIVER === 'smtp' ? 'smtp' : 'outbox';
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPgPort: intFromEnv(env, 'ARBOR_PG_PORT', 54329),
    trustProxy: env.ARBOR_TRUST_PROXY === '1',
    logLevel: env.ARBOR_LOG === 'silent' ? 'silent' : 'info',
    mailDriver,
    smtpUrl: env.SMTP_URL || undefined,
    publicUrl: env.ARBOR_PUBLIC_URL || undefined,
  };
}
