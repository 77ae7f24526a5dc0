import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { isStaffRole, type StaffRole } from '../../domain/auth/index.js';
import { readClinicSettings } from '../../domain/clinic/index.js';
import { clientOf, type Database, type Executor } from '../../db/client.js';
import { clinics, sessions } from '../../db/schema.js';

export type SessionStage = 'mfa' | 'enrol' | 'full';

/** Opaque 256-bit tokens from the CSPRNG (ASVS 7.2.3, 11.5.1); the database keeps only their hash. */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `__Host-` cookies must be Secure, which browsers accept over TLS and from loopback addresses.
 * Plain HTTP on another host (a LAN test) falls back to an unprefixed cookie without Secure.
 */
export function cookieSecurity(c: Context, trustProxy: boolean): { name: string; secure: boolean } {
  const url = new URL(c.req.url);
  const tls =
    url.protocol === 'https:' ||
    (trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https');
  if (tls || loopbackHosts.has(url.hostname)) return { name: '__Host-arbor_session', secure: true };
  return { name: 'arbor_session', secure: false };
}

export function readSessionCookie(c: Context, trustProxy: boolean): string | undefined {
  return getCookie(c, cookieSecurity(c, trustProxy).name);
}

export function writeSessionCookie(c: Context, trustProxy: boolean, token: string): void {
  const { name, secure } = cookieSecurity(c, trustProxy);
  setCookie(c, name, token, { path: '/', httpOnly: true, sameSite: 'Strict', secure });
}

export function clearSessionCookie(c: Context, trustProxy: boolean): void {
  const { name, secure } = cookieSecurity(c, trustProxy);
  deleteCookie(c, name, { path: '/', secure, httpOnly: true, sameSite: 'Strict' });
}

/** A session that has passed only the password step lives 10 minutes: enough to type a code. */
const partialSessionMinutes = 10;

export async function createSession(
  db: Executor,
  input: {
    clinicId: string;
    userId: string;
    stage: SessionStage;
    clientIp: string;
    userAgent: string;
    now: Date;
  },
): Promise<string> {
  const [clinic] = await db
    .select({ settings: clinics.settings })
    .from(clinics)
    .where(eq(clinics.id, input.clinicId));
  const security = readClinicSettings(clinic?.settings).security;
  const lifetimeMs =
    input.stage === 'full' ? security.sessionAbsoluteHours * 3_600_000 : partialSessionMinutes * 60_000;
  const { token, tokenHash } = newSessionToken();
  await db.insert(sessions).values({
    tokenHash,
    clinicId: input.clinicId,
    userId: input.userId,
    stage: input.stage,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: new Date(input.now.getTime() + lifetimeMs),
    clientIp: input.clientIp.slice(0, 100),
    userAgent: input.userAgent.slice(0, 300),
  });
  return token;
}

export interface LiveSession {
  tokenHash: string;
  stage: SessionStage;
  userId: string;
  clinicId: string;
  role: StaffRole;
  label: string;
  email: string;
}

/**
 * Finds a live session: not ended, within its absolute lifetime, active within the clinic's idle
 * timeout, and belonging to an active user. The role is read from the user on every request, so
 * a role change or a disabled account takes effect at once.
 */
const defaultIdleMinutes = readClinicSettings({}).security.sessionIdleMinutes;

/**
 * Finds a live session: not ended, within its absolute lifetime, active within the clinic's idle
 * timeout, and belonging to an active user. The role is read from the user on every request, so
 * a role change or a disabled account takes effect at once. This runs on every request, so it is
 * one prepared statement that reads only the idle setting, not the whole settings document.
 */
export async function findLiveSession(
  db: Database,
  token: string,
  now: Date,
): Promise<LiveSession | undefined> {
  const tokenHash = hashToken(token);
  const { rows } = await clientOf(db).query<{
    stage: string;
    last_seen_at: Date;
    expires_at: Date;
    user_id: string;
    clinic_id: string;
    role: string;
    status: string;
    display_name: string;
    email: string;
    idle_minutes: number | null;
  }>({
    name: 'arbor-find-live-session',
    text: `SELECT s.stage, s.last_seen_at, s.expires_at, u.id AS user_id, s.clinic_id, u.role, u.status,
                  u.display_name, u.email,
                  CASE WHEN jsonb_typeof(c.settings #> '{security,sessionIdleMinutes}') = 'number'
                       THEN (c.settings #>> '{security,sessionIdleMinutes}')::int END AS idle_minutes
           FROM sessions s
           JOIN users u ON u.id = s.user_id
           JOIN clinics c ON c.id = s.clinic_id
           WHERE s.token_hash = $1 AND s.ended_at IS NULL`,
    values: [tokenHash],
  });
  const row = rows[0];
  if (!row || row.status !== 'active' || !isStaffRole(row.role)) return undefined;
  const idleMs = (row.idle_minutes ?? defaultIdleMinutes) * 60_000;
  if (row.expires_at.getTime() <= now.getTime()) {
    await endSession(db, tokenHash, 'expired');
    return undefined;
  }
  if (row.last_seen_at.getTime() + idleMs <= now.getTime()) {
    await endSession(db, tokenHash, 'idle-timeout');
    return undefined;
  }
  // Writing last_seen on every request would turn every read into a write; 15 s of slack is
  // far below the idle timeout.
  if (now.getTime() - row.last_seen_at.getTime() > 15_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return {
    tokenHash,
    stage: row.stage as SessionStage,
    userId: row.user_id,
    clinicId: row.clinic_id,
    role: row.role,
    label: row.display_name,
    email: row.email,
  };
}

export async function endSession(db: Executor, tokenHash: string, reason: string): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)));
}

/** Ends every live session of a user (disabling, role change, MFA reset, sign-out everywhere). */
export async function endUserSessions(db: Executor, userId: string, reason: string): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}
