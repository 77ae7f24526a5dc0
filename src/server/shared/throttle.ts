import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ApiError } from './api-error.js';

export interface ThrottlePolicy {
  maxFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

/** One message for every throttled key, so a lock reveals nothing about whether an account exists. */
export const tooManyAttempts = (retryAfterSeconds: number) =>
  new ApiError(429, 'too_many_attempts', 'Too many attempts. Wait a few minutes and try again.', [], {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });

/** Refuses the attempt while any of the keys is locked. */
export async function assertNotThrottled(db: Executor, keys: string[], now: Date): Promise<void> {
  const { rows } = await db.execute<{ locked_until: string | Date }>(
    sql`SELECT locked_until FROM auth_throttle
        WHERE key IN (${sql.join(
          keys.map((k) => sql`${k}`),
          sql`, `,
        )}) AND locked_until > ${now.toISOString()}
        ORDER BY locked_until DESC LIMIT 1`,
  );
  const until = rows[0]?.locked_until;
  if (until) throw tooManyAttempts((new Date(until).getTime() - now.getTime()) / 1000);
}

/**
 * Counts a failure in a fixed window, atomically (one upsert), and locks the key for a while once
 * the count reaches the policy's limit. Locks expire: an attacker cannot lock a user out for good.
 */
export async function recordFailure(
  db: Executor,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<void> {
  const nowIso = now.toISOString();
  await db.execute(sql`
    INSERT INTO auth_throttle AS t (key, failures, window_start, locked_until)
    VALUES (${key}, 1, ${nowIso}, CASE WHEN 1 >= ${policy.maxFailures}
      THEN ${nowIso}::timestamptz + make_interval(mins => ${policy.lockMinutes}) END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_start < ${nowIso}::timestamptz - make_interval(mins => ${policy.windowMinutes})
                      THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN t.window_start < ${nowIso}::timestamptz - make_interval(mins => ${policy.windowMinutes})
                      THEN ${nowIso}::timestamptz ELSE t.window_start END,
      locked_until = CASE
        WHEN (CASE WHEN t.window_start < ${nowIso}::timestamptz - make_interval(mins => ${policy.windowMinutes})
                   THEN 1 ELSE t.failures + 1 END) >= ${policy.maxFailures}
        THEN ${nowIso}::timestamptz + make_interval(mins => ${policy.lockMinutes})
        ELSE t.locked_until END`);
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM auth_throttle WHERE key = ${key}`);
}
