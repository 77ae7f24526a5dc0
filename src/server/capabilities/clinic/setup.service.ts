import { addDefaultConsentTemplates } from '../consent/index.js';
import { addDefaultTypes } from '../scheduling/index.js';
import { createHash, randomBytes } from 'node:crypto';
import type { SetupRequest } from '../../../contracts/clinic.js';
import type { StaffRole } from '../../../domain/auth/index.js';
import type { Executor } from '../../../db/client.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { ApiError, conflict } from '../../shared/api-error.js';
import { appendAudit } from '../../shared/audit.js';
import { assertAcceptablePassword, hashPassword } from '../../shared/password.js';
import { createSession } from '../../shared/session.js';
import {
  claimSetupCode,
  clinicSlugTaken,
  countClinics,
  emailTaken,
  insertClinic,
  insertSetupCode,
  insertUser,
  lockSetup,
} from './clinic.queries.js';

const setupCodeHours = 24;

const hashCode = (code: string) =>
  createHash('sha256').update(code.trim().toUpperCase().replace(/[\s-]/g, '')).digest('hex');

/** True until the first clinic exists. */
export async function needsSetup(db: Executor): Promise<boolean> {
  return (await countClinics(db)) === 0;
}

/**
 * On an empty database, makes a one-time setup code for the console: only someone who can read
 * the server's output can claim the clinic, not whoever reaches the port first.
 */
export async function issueSetupCode(db: Executor): Promise<string | undefined> {
  if (!(await needsSetup(db))) return undefined;
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const raw = [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
  const code = raw.match(/.{4}/g)!.join('-');
  await insertSetupCode(db, hashCode(code));
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
  if (await emailTaken(tx, input.email)) throw conflict('A user with this email already exists');
  let slug = slugify(input.clinicName);
  if (await clinicSlugTaken(tx, slug)) slug = `${slug}-${randomBytes(3).toString('hex')}`;
  const clinicId = await insertClinic(tx, {
    name: input.clinicName,
    slug,
    isDemo: input.isDemo ?? false,
    settings: input.settings ?? {},
  });
  const userId = await insertUser(tx, {
    clinicId,
    email: input.email.trim(),
    displayName: input.displayName,
    role: input.role ?? 'admin',
    passwordHash,
  });
  // A new clinic starts with Arbor's appointment types (cited defaults it can edit).
  await addDefaultTypes(tx, clinicId);
  await addDefaultConsentTemplates(tx, clinicId);
  return { clinicId, userId };
}

/**
 * First run: with the console's setup code, creates the clinic and its administrator and signs the
 * administrator in with a session that must enrol an authenticator next. Returns the session token.
 */
export async function completeSetup(
  deps: AppDeps,
  input: SetupRequest,
  caller: { clientIp: string; userAgent: string },
): Promise<string> {
  assertAcceptablePassword(input.password, 'body.password', input.email);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    await lockSetup(tx);
    if (!(await needsSetup(tx))) throw conflict('Arbor is already set up; sign in instead');
    const issuedAfter = new Date(now.getTime() - setupCodeHours * 3_600_000);
    if (!(await claimSetupCode(tx, hashCode(input.setupCode), issuedAfter, now))) {
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
