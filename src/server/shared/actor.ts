import type { StaffRole } from '../../domain/auth/index.js';

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

/** The actor's part of an audit row: the same four fields in every row a staff request writes. */
export function auditActor(actor: Actor) {
  return {
    clinicId: actor.clinicId,
    userId: actor.userId,
    userLabel: actor.label,
    clientIp: actor.clientIp,
  };
}
