import type { StaffRole } from '../../domain/auth/index.js';
import { notFound } from './api-error.js';
import type { AppDeps } from './app-deps.js';

/**
 * Who is asking, for which clinic, from where: the audit context of one staff request. The route
 * layer builds it once from the session and the connection, and every service takes it as
 * `(deps, actor, input)`, so the client address no longer travels through each signature.
 */
export interface Actor {
  userId: string;
  clinicId: string;
  role: StaffRole;
  label: string;
  sessionTokenHash: string;
  /** The caller's address as the audit trail records it (see client-address.ts for proxies). */
  clientIp: string;
}

/**
 * Who records a write: a staff actor, or a patient writing through their own single-use form link,
 * who has no user account (userId null; the label names the link, never its token).
 */
export type Recorder = Pick<Actor, 'clinicId' | 'label' | 'clientIp'> & { userId: string | null };

/** The actor's part of an audit row: the same four fields in every row a request writes. */
export function auditActor(actor: Recorder) {
  return {
    clinicId: actor.clinicId,
    userId: actor.userId,
    userLabel: actor.label,
    clientIp: actor.clientIp,
  };
}

/** Refusals whose audit row a service has written: the route layer writes no second one. */
const auditedRefusals = new WeakSet<Error>();

export function isAuditedRefusal(error: unknown): boolean {
  return error instanceof Error && auditedRefusals.has(error);
}

/**
 * A read of a record the caller's clinic does not hold (another clinic's id included): audited as a
 * failed read naming the id that was asked for, then answered with the same 404 as a missing record,
 * so the response reveals nothing while the trail shows exactly who probed what.
 */
export async function refuseMissingRecord(
  deps: AppDeps,
  actor: Actor,
  record: { entity: string; id: string; label: string },
): Promise<never> {
  await deps.audit.record({
    ...auditActor(actor),
    action: 'read',
    entity: record.entity,
    entityId: record.id,
    outcome: 'failure',
    detail: { reason: 'not-found-in-clinic' },
  });
  const refusal = notFound(record.label);
  auditedRefusals.add(refusal);
  throw refusal;
}
