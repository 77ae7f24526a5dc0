import type { CreateUserRequest, StaffUser, UpdateUserRequest } from '../../../contracts/users.js';
import type { StaffRole } from '../../../domain/auth/index.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { assertAcceptablePassword, hashPassword } from '../../shared/password.js';
import { endUserSessions } from '../../shared/session.js';
import { revokeRecoveryCodes } from '../auth/index.js';
import {
  clinicUserExists,
  emailInUse,
  insertUser,
  listClinicUsers,
  lockClinicUser,
  updateUserRow,
  type UserRow,
} from './users.queries.js';

/** Never returns secrets: no password hash, no TOTP secret. */
export function toUserDto(row: UserRow): StaffUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as StaffRole,
    status: row.status as StaffUser['status'],
    mfaEnrolled: row.totpEnrolledAt !== null,
    mustChangePassword: row.passwordMustChange,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listUsers(deps: AppDeps, actor: Actor): Promise<StaffUser[]> {
  const rows = await listClinicUsers(deps.db, actor.clinicId);
  return rows.map(toUserDto);
}

/**
 * A new account with a temporary password the administrator chose: the person enrols an
 * authenticator and replaces the password at their first sign-in.
 */
export async function createUser(deps: AppDeps, actor: Actor, input: CreateUserRequest): Promise<StaffUser> {
  assertAcceptablePassword(input.temporaryPassword, 'body.temporaryPassword', input.email);
  if (await emailInUse(deps.db, input.email)) throw conflict('A user with this email already exists');
  const passwordHash = await hashPassword(input.temporaryPassword);
  return deps.db.transaction(async (tx) => {
    const row = await insertUser(tx, {
      clinicId: actor.clinicId,
      email: input.email.trim(),
      displayName: input.displayName,
      role: input.role,
      passwordHash,
      passwordMustChange: true,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'create',
        entity: 'user',
        entityId: row.id,
        detail: { email: row.email, role: row.role },
        outcome: 'success',
      },
    ]);
    return toUserDto(row);
  });
}

type AuditEvent = Parameters<typeof appendAudit>[1][number];

/** One audit event per kind of change the request makes to the account. */
function changeEvents(
  actor: Actor,
  current: UserRow,
  input: UpdateUserRequest,
  passwordChanged: boolean,
  revokedCodes: number,
): AuditEvent[] {
  const base = {
    ...auditActor(actor),
    entity: 'user',
    entityId: current.id,
    outcome: 'success' as const,
  };
  const events: AuditEvent[] = [];
  if (input.role && input.role !== current.role)
    events.push({ ...base, action: 'role-change', detail: { from: current.role, to: input.role } });
  if (input.status && input.status !== current.status)
    events.push({ ...base, action: 'status-change', detail: { from: current.status, to: input.status } });
  if (input.displayName && input.displayName !== current.displayName)
    events.push({ ...base, action: 'update', detail: { fields: ['displayName'] } });
  if (input.resetMfa)
    events.push({
      ...base,
      action: 'update',
      detail: { fields: ['mfa'], reset: true, revokedRecoveryCodes: revokedCodes },
    });
  if (passwordChanged)
    events.push({ ...base, action: 'update', detail: { fields: ['password'], temporary: true } });
  return events;
}

/**
 * Role and status changes are privilege changes (ONC (d)(2)): each is audited, and each ends the
 * user's sessions so the new rights apply from the next request. An authenticator reset also
 * revokes every recovery code of the old enrolment; a temporary password must be replaced at the
 * next sign-in.
 */
export async function updateUser(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdateUserRequest,
): Promise<StaffUser> {
  if (input.temporaryPassword) assertAcceptablePassword(input.temporaryPassword, 'body.temporaryPassword');
  const passwordHash = input.temporaryPassword ? await hashPassword(input.temporaryPassword) : undefined;
  return deps.db.transaction(async (tx) => {
    const current = await lockClinicUser(tx, actor.clinicId, id);
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
    const now = deps.now();
    const revokedCodes = input.resetMfa ? await revokeRecoveryCodes(tx, id, now) : 0;
    const events = changeEvents(actor, current, input, passwordHash !== undefined, revokedCodes);
    if (events.length === 0) return toUserDto(current);
    const row = await updateUserRow(tx, id, {
      role: input.role ?? current.role,
      status: input.status ?? current.status,
      displayName: input.displayName ?? current.displayName,
      ...(input.resetMfa ? { totpSecret: null, totpEnrolledAt: null, totpLastStep: null } : {}),
      ...(passwordHash ? { passwordHash, passwordMustChange: true } : {}),
      version: current.version + 1,
      updatedAt: now,
    });
    const ended = await endUserSessions(tx, id, 'account-changed-by-admin');
    if (ended > 0)
      events.push({
        ...auditActor(actor),
        entity: 'user',
        entityId: id,
        outcome: 'success',
        action: 'session-ended',
        detail: { sessions: ended },
      });
    await appendAudit(tx, events);
    return toUserDto(row);
  });
}

export async function revokeUserSessions(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<{ ended: number }> {
  return deps.db.transaction(async (tx) => {
    if (!(await clinicUserExists(tx, actor.clinicId, id))) throw notFound('User');
    const ended = await endUserSessions(tx, id, 'revoked-by-admin');
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'session-ended',
        entity: 'user',
        entityId: id,
        detail: { sessions: ended },
        outcome: 'success',
      },
    ]);
    return { ended };
  });
}
