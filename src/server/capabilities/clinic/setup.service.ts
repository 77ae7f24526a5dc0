import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { StaffRole } from '../../../domain/auth/permissions.js';
import type { Executor } from '../../../db/client.js';
import { clinics, setupCodes, users } from '../../../db/schema.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { ApiError, conflict } from '../../shared/api-error.js';
import { appendAudit } from '../../shared/audit.js';
import { assertAcceptablePassword, hashPassword } from '../../shared/password.js';
import { createSession } from '../../shared/session.js';

const SETUP_LOCK = 724_003;
const setupCodeHours = 24;

const hashCode = (code: string) =>
  createHash('sha256').update(code.trim().toUpperCase().replace(/[\s-]/g, '')).digest('hex');

export async function clinicCount(db: Executor): Promise<number> {
  const { rows } = await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM clinics`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * On an empty database, makes a one-time setup code for the console: only someone who can read
 * the server's output can claim the clinic, not whoever reaches the port first.
 */
export async function issueSetupCode(db: Executor): Promise<string | undefined> {
  if ((await clinicCount(db)) > 0) return undefined;
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const raw = [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
  const code = raw.match(/.{4}/g)!.join('-');
  await db.insert(setupCodes).values({ codeHash: hashCode(code) });
  return code;
}

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'clinic'
  );
}

/** Creates a clinic and its first administrator in the caller's transaction. */
export async function createClinicWithAdmin(
  tx: Executor,
  input: {
    clinicName: string;
    email: string;
    displayName: string;
    password: string;
    role?: StaffRole;
    isDemo?: boolean;
    settings?: object;
  },
): Promise<{ clinicId: string; userId: string }> {
  const passwordHash = await hashPassword(input.password);
  const [existingEmail] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`);
  if (existingEmail) throw conflict('A user with this email already exists');
  let slug = slugify(input.clinicName);
  const [taken] = await tx.select({ id: clinics.id }).from(clinics).where(eq(clinics.slug, slug));
  if (taken) slug = `${slug}-${randomBytes(3).toString('hex')}`;
  const [clinic] = await tx
    .insert(clinics)
    .values({ name: input.clinicName, slug, isDemo: input.isDemo ?? false, settings: input.settings ?? {} })
    .returning({ id: clinics.id });
  const [user] = await tx
    .insert(users)
    .values({
      clinicId: clinic!.id,
      email: input.email.trim(),
      displayName: input.displayName,
      role: input.role ?? 'admin',
      passwordHash,
    })
    .returning({ id: users.id });
  return { clinicId: clinic!.id, userId: user!.id };
}

export async function completeSetup(
  deps: AppDeps,
  input: { setupCode: string; clinicName: string; email: string; displayName: string; password: string },
  caller: { clientIp: string; userAgent: string },
): Promise<string> {
  assertAcceptablePassword(input.password, 'body.password', input.email);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
    if ((await clinicCount(tx)) > 0) throw conflict('Arbor is already set up; sign in instead');
    const [code] = await tx
      .update(setupCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(setupCodes.codeHash, hashCode(input.setupCode)),
          isNull(setupCodes.usedAt),
          gt(setupCodes.createdAt, new Date(now.getTime() - setupCodeHours * 3_600_000)),
        ),
      )
      .returning({ codeHash: setupCodes.codeHash });
    if (!code) {
      throw new ApiError(
        400,
        'invalid_setup_code',
        'The setup code is not valid. Use the code printed in Arbor’s console at start-up.',
        [{ field: 'body.setupCode', message: 'not valid or expired' }],
      );
    }
    const { clinicId, userId } = await createClinicWithAdmin(tx, input);
    const token = await createSession(tx, {
      clinicId,
      userId,
      stage: 'enrol',
      clientIp: caller.clientIp,
      userAgent: caller.userAgent,
      now,
    });
    const base = {
      clinicId,
      userId,
      userLabel: input.displayName,
      outcome: 'success' as const,
      clientIp: caller.clientIp,
    };
    await appendAudit(tx, [
      {
        ...base,
        action: 'setup',
        entity: 'clinic',
        entityId: clinicId,
        detail: { clinicName: input.clinicName },
      },
      {
        ...base,
        action: 'create',
        entity: 'user',
        entityId: userId,
        detail: { email: input.email, role: 'admin' },
      },
    ]);
    return token;
  });
}
