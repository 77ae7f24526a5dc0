import type { Me } from '../../../contracts/auth.js';
import { permissionTable } from '../../../domain/auth/index.js';
import { readClinicSettings } from '../../../domain/clinic/index.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { unauthenticated } from '../../shared/api-error.js';
import { appendAudit } from '../../shared/audit.js';
import { endSession, type LiveSession } from '../../shared/session.js';
import type { CallerInfo } from './auth-failures.js';
import { findClinicSummary } from './auth.queries.js';

/*
 * The small session use cases. The sign-in steps live in sign-in.ts, authenticator enrolment in
 * enrolment.ts and the own-password change in change-password.ts.
 */

/** Sign-out ends the session on the server at once, and says so in the audit trail. */
export async function signOut(
  deps: AppDeps,
  session: { tokenHash: string; userId: string; clinicId: string; label: string },
  caller: CallerInfo,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await endSession(tx, session.tokenHash, 'signed-out');
    await appendAudit(tx, [
      {
        clinicId: session.clinicId,
        userId: session.userId,
        userLabel: session.label,
        action: 'logout',
        entity: 'session',
        outcome: 'success',
        clientIp: caller.clientIp,
      },
    ]);
  });
}

/** Who is signed in, where, how far the sign-in has got, and what they may do once it is complete. */
export async function describeSession(deps: AppDeps, session: LiveSession): Promise<Me> {
  const clinic = await findClinicSummary(deps.db, session.clinicId);
  if (!clinic) throw unauthenticated();
  return {
    stage: session.stage,
    user: { id: session.userId, email: session.email, displayName: session.label, role: session.role },
    clinic: {
      id: clinic.id,
      name: clinic.name,
      isDemo: clinic.isDemo,
      timeZone: readClinicSettings(clinic.settings).timeZone,
    },
    permissions: session.stage === 'full' ? [...permissionTable[session.role]] : [],
  };
}
