import path from 'node:path';
import { parseSecretKey } from './server/shared/secret-box.js';

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
  /** Text messages through a Twilio-style Messages API, when all three are set. */
  sms: { accountSid: string; authToken: string; from: string; apiUrl?: string } | undefined;
  /** ARBOR_PUBLIC_URL as an origin (publicUrlFromEnv): the only base of links sent to patients. */
  publicUrl: string | undefined;
  /**
   * ARBOR_AUDIT_KEY: base64 of at least 32 random bytes, the HMAC key that signs the audit chain's
   * anchors (server/shared/audit-anchor.ts). Unset, the embedded database keeps its own key in
   * `<dataDir>/audit-anchor.key`; with DATABASE_URL and no key the chain is not anchored.
   */
  auditKey: Buffer | undefined;
  /** Anchor the chain's head after this many appended rows (ARBOR_AUDIT_ANCHOR_ROWS; 0 = never). */
  auditAnchorRows: number;
  /** …and at least this often while rows arrive (ARBOR_AUDIT_ANCHOR_SECONDS; 0 = never). */
  auditAnchorSeconds: number;
  /** ARBOR_AUDIT_ANCHOR_LOG=1 also writes each anchor to the server log (a copy off the host). */
  auditAnchorToLog: boolean;
  /**
   * ARBOR_SECRET_KEY: 32 bytes (base64) that seal authenticator secrets at rest. Required with
   * DATABASE_URL; the embedded database keeps its own in `<dataDir>/secret.key` when it is unset.
   */
  secretKey: Buffer | undefined;
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

function auditKeyFromEnv(env: NodeJS.ProcessEnv): Buffer | undefined {
  const raw = env.ARBOR_AUDIT_KEY?.trim();
  if (!raw) return undefined;
  const key = Buffer.from(raw, 'base64');
  if (key.length < 32 || key.toString('base64').replace(/=+$/, '') !== raw.replace(/=+$/, '')) {
    throw new Error(
      'ARBOR_AUDIT_KEY must be at least 32 random bytes in base64 (make one with: openssl rand -base64 32)',
    );
  }
  return key;
}

/**
 * ARBOR_PUBLIC_URL: the origin patients and staff reach Arbor at, e.g. `https://arbor.example.org`.
 * Links that leave the building (self-report links by email or SMS) are built from it and never from
 * a request's Host header. It must be https (plain http only on a loopback host, for development),
 * with no path, query or credentials; it is kept as its origin.
 */
function publicUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.ARBOR_PUBLIC_URL?.trim();
  if (!raw) return undefined;
  const problem = () =>
    new Error(
      `ARBOR_PUBLIC_URL must be the https origin Arbor is reached at, such as https://arbor.example.org (got "${raw}")`,
    );
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw problem();
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if (!schemeOk || !bare || !/^https?:\/\//i.test(raw)) throw problem();
  return url.origin;
}

/** ARBOR_SMS_DRIVER=twilio needs the account SID, auth token and sending number; a partial set is refused. */
function smsFromEnv(env: NodeJS.ProcessEnv): ArborConfig['sms'] {
  if (!env.ARBOR_SMS_DRIVER || env.ARBOR_SMS_DRIVER === 'outbox') return undefined;
  if (env.ARBOR_SMS_DRIVER !== 'twilio')
    throw new Error(`ARBOR_SMS_DRIVER must be 'outbox' or 'twilio', got '${env.ARBOR_SMS_DRIVER}'`);
  const accountSid = env.ARBOR_TWILIO_ACCOUNT_SID ?? '';
  const authToken = env.ARBOR_TWILIO_AUTH_TOKEN ?? '';
  const from = env.ARBOR_SMS_FROM ?? '';
  const missing = [
    ['ARBOR_TWILIO_ACCOUNT_SID', accountSid],
    ['ARBOR_TWILIO_AUTH_TOKEN', authToken],
    ['ARBOR_SMS_FROM', from],
  ].filter(([, v]) => !v);
  if (missing.length > 0)
    throw new Error(`ARBOR_SMS_DRIVER=twilio also needs ${missing.map(([k]) => k).join(', ')}`);
  return { accountSid, authToken, from, apiUrl: env.ARBOR_TWILIO_API_URL || undefined };
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
    sms: smsFromEnv(env),
    publicUrl: publicUrlFromEnv(env),
    auditKey: auditKeyFromEnv(env),
    auditAnchorRows: intFromEnv(env, 'ARBOR_AUDIT_ANCHOR_ROWS', 1000),
    auditAnchorSeconds: intFromEnv(env, 'ARBOR_AUDIT_ANCHOR_SECONDS', 60),
    auditAnchorToLog: env.ARBOR_AUDIT_ANCHOR_LOG === '1',
    secretKey: env.ARBOR_SECRET_KEY ? parseSecretKey(env.ARBOR_SECRET_KEY, 'ARBOR_SECRET_KEY') : undefined,
  };
}
