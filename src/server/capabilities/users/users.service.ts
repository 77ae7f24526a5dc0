import { and, asc, eq, sql } from 'drizzle-orm';
import type { StaffRole } from '../../../domain/auth/permissions.js';
import { users } from '../../../db/schema.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { conflict, notFound } from '../../shared/api-error.js';
import type { Actor } from '../../http/define-route.js';
import { appendAudit } from '../../shared/audit.js';
import { assertAcceptablePassword, hashPassword } from '../../shared/password.js';
import { endUserSessions } from '../../shared/session.js';

type UserRow = typeof users.$inferSelect;

/** Never returns secrets: no password hash, no TOTP secret. */
export function toUserDto(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as StaffRole,
    status: row.status as 'active' | 'disabled',
    mfaEnrolled: row.totpEnrolledAt !== null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listUsers(deps: AppDeps, actor: Actor) {
  const rows = await deps.db
    .select()
    .from(users)
    .where(eq(users.clinicId, actor.clinicId))
    .orderBy(asc(users.displayName));
  return rows.map(toUserDto);
}

async function emailTaken(deps: AppDeps, email: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return Boolean(row);
}

export async function createUser(
  deps: AppDeps,
  actor: Actor,
  input: { email: string; displayName: string; role: StaffRole; temporaryPassword: string },
) {
  assertAcceptablePassword(input.temporaryPassword, 'body.temporaryPassword', input.email);
  if (await emailTaken(deps, input.email)) throw conflict('A user with this email already exists');
  const passwordHash = await hashPassword(input.temporaryPassword);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        clinicId: actor.clinicId,
        email: input.email.trim(),
        displayName: input.displayName,
        role: input.role,
        passwordHash,
      })
      .returning();
    await appendAudit(tx, [
      {
        clinicId: actor.clinicId,
        userId: actor.userId,
        userLabel: actor.label,
        action: 'create',
        entity: 'user',
        entityId: row!.id,
        detail: { email: row!.email, role: row!.role },
        outcome: 'success',
        clientIp: actor.clientIp,
      },
    ]);
    return toUserDto(row!);
  });
}

/**
 * Role and status changes are privilege changes (ONC (d)(2)): each is audited, and each ends the
 * user's sessions so the new rights apply from the next request.
 */
export async function updateUser(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: {
    version: number;
    role?: StaffRole;
    status?: 'active' | 'disabled';
    displayName?: string;
    resetMfa?: boolean;
    temporaryPassword?: string;
  },
) {
  if (input.temporaryPassword) assertAcceptablePassword(input.temporaryPassword, 'body.temporaryPassword');
  const passwordHash = input.temporaryPassword ? await hashPassword(input.temporaryPassword) : undefined;
  return deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, id), eq(users.clinicId, actor.clinicId)))
      .for('update');
    if (!current) throw notFound('User');
    if (current.version !== input.version)
      throw conflict(`This user was changed by someone else (now version ${current.version}).`, {
        currentVersion: current.version,
      });
    if (id === actor.userId && ((input.role && input.role !== current.role) || input.status === 'disabled')) {
      throw conflict(
        'You cannot change your own role or disable your own account; ask another administrator',
      );
    }
    const events: Parameters<typeof appendAudit>[1] = [];
    const base = {
      clinicId: actor.clinicId,
      userId: actor.userId,
      userLabel: actor.label,
      entity: 'user',
      entityId: id,
      outcome: 'success' as const,
      clientIp: actor.clientIp,
    };
    if (input.role && input.role !== current.role)
      events.push({ ...base, action: 'role-change', detail: { from: current.role, to: input.role } });
    if (input.status && input.status !== current.status)
      events.push({ ...base, action: 'status-change', detail: { from: current.status, to: input.status } });
    if (input.displayName && input.displayName !== current.displayName)
      events.push({ ...base, action: 'update', detail: { fields: ['displayName'] } });
    if (input.resetMfa) events.push({ ...base, action: 'update', detail: { fields: ['mfa'], reset: true } });
    if (passwordHash)
      events.push({ ...base, action: 'update', detail: { fields: ['password'], temporary: true } });
    if (events.length === 0) return toUserDto(current);
    const [row] = await tx
      .update(users)
      .set({
        role: input.role ?? current.role,
        status: input.status ?? current.status,
        displayName: input.displayName ?? current.displayName,
        ...(input.resetMfa ? { totpSecret: null, totpEnrolledAt: null, totpLastStep: null } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        version: current.version + 1,
        updatedAt: deps.now(),
      })
      .where(eq(users.id, id))
      .returning();
    const ended = await endUserSessions(tx, id, 'account-changed-by-admin');
    if (ended > 0) events.push({ ...base, action: 'session-ended', detail: { sessions: ended } });
    await appendAudit(tx, events);
    return toUserDto(row!);
  });
}

export async function revokeUserSessions(deps: AppDeps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, id), eq(users.clinicId, actor.clinicId)));
    if (!current) throw notFound('User');
    const ended = await endUserSessions(tx, id, 'revoked-by-admin');
    await appendAudit(tx, [
      {
        clinicId: actor.clinicId,
        userId: actor.userId,
        userLabel: actor.label,
        action: 'session-ended',
        entity: 'user',
        entityId: id,
        detail: { sessions: ended },
        outcome: 'success',
        clientIp: actor.clientIp,
      },
    ]);
    return { ended };
  });
}
