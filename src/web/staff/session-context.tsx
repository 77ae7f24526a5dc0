import { createContext, useContext } from 'react';
import type { Me } from '../../contracts/auth';
import type { Action } from '../../domain/auth';

export interface Session {
  me: Me;
  signOut: () => void;
  /** Re-reads /api/auth/me, e.g. after the clinic was renamed. */
  refresh: () => void;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

export function useCan(): (action: Action) => boolean {
  const { me } = useSession();
  return (action) => me.permissions.includes(action);
}
