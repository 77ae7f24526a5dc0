import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { isStaffRole, type StaffRole } from '../../domain/auth/index.js';
import { readClinicSettings, securitySettingsSchema } from '../../domain/clinic/index.js';
import { clientOf, type Database, type Executor } from '../../db/client.js';
import { clinics, sessions } from '../../db/schema.js';

/**
 * mfa: password accepted, code owed; enrol: an authenticator enrolment owed; change-password: the
 * factors are done but a temporary password must be replaced; full: signed in.
 */
export type SessionStage = 'mfa' | 'enrol' | 'change-password' | 'full';

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

/** A session short of 'full' lives 10 minutes: enough to type a code or choose a password. */
const partialSessionMinutes = 10;

/**
 * A new session. `expires_at` records the lifetime it was given; for a full session the absolute
 * limit is read again from the clinic's settings on every request (findLiveSession).
 */
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

const securityDefaults = readClinicSettings({}).security;

/** A setting read straight from the stored document, or its default when it is not a valid value. */
function settingOr(
  value: number | null,
  schema: (typeof securitySettingsSchema.shape)[keyof typeof securitySettingsSchema.shape],
  fallback: number,
): number {
  if (value === null) return fallback;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

/**
 * Finds a live session: not ended, within its absolute lifetime, active within the clinic's idle
 * timeout, and belonging to an active user. The role is read from the user on every request, so
 * a role change or a disabled account takes effect at once. Both timeouts are the clinic's
 * settings as they are now (HIPAA 164.312(a)(2)(iii); ASVS 7.3.1/2): lowering one ends the live
 * sessions it no longer allows, counted from their creation; a session short of 'full' keeps its
 * own 10-minute expiry. This runs on every request, so it is one prepared statement that reads only
 * the two settings, not the whole settings document.
 */
export async function findLiveSession(
  db: Database,
  token: string,
  now: Date,
): Promise<LiveSession | undefined> {
  const tokenHash = hashToken(token);
  const { rows } = await clientOf(db).query<{
    stage: string;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    user_id: string;
    clinic_id: string;
    role: string;
    status: string;
    display_name: string;
    email: string;
    idle_minutes: number | null;
    absolute_hours: number | null;
  }>({
    name: 'arbor-find-live-session',
    text: `SELECT s.stage, s.created_at, s.last_seen_at, s.expires_at, u.id AS user_id, s.clinic_id, u.role,
                  u.status, u.display_name, u.email,
                  CASE WHEN jsonb_typeof(c.settings #> '{security,sessionIdleMinutes}') = 'number'
                       THEN (c.settings #>> '{security,sessionIdleMinutes}')::float8 END AS idle_minutes,
                  CASE WHEN jsonb_typeof(c.settings #> '{security,sessionAbsoluteHours}') = 'number'
                       THEN (c.settings #>> '{security,sessionAbsoluteHours}')::float8 END AS absolute_hours
           FROM sessions s
           JOIN users u ON u.id = s.user_id
           JOIN clinics c ON c.id = s.clinic_id
           WHERE s.token_hash = $1 AND s.ended_at IS NULL`,
    values: [tokenHash],
  });
  const row = rows[0];
  if (!row || row.status !== 'active' || !isStaffRole(row.role)) return undefined;
  const { sessionIdleMinutes, sessionAbsoluteHours } = securitySettingsSchema.shape;
  const idleMs =
    settingOr(row.idle_minutes, sessionIdleMinutes, securityDefaults.sessionIdleMinutes) * 60_000;
  const absoluteMs =
    settingOr(row.absolute_hours, sessionAbsoluteHours, securityDefaults.sessionAbsoluteHours) * 3_600_000;
  const endsAt = row.stage === 'full' ? row.created_at.getTime() + absoluteMs : row.expires_at.getTime();
  if (endsAt <= now.getTime()) {
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
