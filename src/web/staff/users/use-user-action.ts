import { useState } from 'react';
import type { RevokeSessionsResult, StaffUser, UpdateUserRequest } from '../../../contracts/users';
import { apiPatch, apiPost, fieldErrors } from '../api-client';
import { sessionsEndedNotice, userActionChanges, type UserAction } from './user-action';

/** The action waiting for confirmation on one account card, and carrying it out. */
export function useUserAction(user: StaffUser, onChanged: () => void) {
  const [pending, setPending] = useState<UserAction>();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const open = (next: UserAction) => {
    setPending(next);
    setPassword('');
    setPasswordError(undefined);
    setError(undefined);
    setNotice('');
  };

  const perform = async (action: UserAction) => {
    const changes = userActionChanges(action, password);
    if (!changes) {
      const result = await apiPost<RevokeSessionsResult>(`/api/users/${user.id}/sessions/revoke`, {});
      setNotice(sessionsEndedNotice(result.ended));
      setPending(undefined);
      return;
    }
    await apiPatch<StaffUser>(`/api/users/${user.id}`, {
      version: user.version,
      ...changes,
    } satisfies UpdateUserRequest);
    setPending(undefined);
    // The list reloads and this card is replaced by one for the new version.
    onChanged();
  };

  const run = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await perform(pending);
    } catch (e) {
      const fields = fieldErrors(e, ['body']);
      if (pending.kind === 'password' && fields.temporaryPassword) setPasswordError(fields.temporaryPassword);
      else {
        setError(e);
        setPending(undefined);
      }
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => setPending(undefined);
  return { pending, password, setPassword, passwordError, error, notice, busy, open, run, cancel };
}
