import { useState } from 'react';
import type { RevokeSessionsResult, StaffUser, UpdateUserRequest } from '../../../contracts/users';
import { roleLabels, type StaffRole } from '../../../domain/auth';
import { apiPatch, apiPost, errorMessage, fieldErrors } from '../api-client';
import { useSession } from '../session-context';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { PasswordField } from '../ui/password-field';
import { roleOptions } from './role-options';

type Pending =
  | { kind: 'role'; role: StaffRole }
  | { kind: 'disable' }
  | { kind: 'enable' }
  | { kind: 'reset-mfa' }
  | { kind: 'password' }
  | { kind: 'end-sessions' };

const titles: Record<Pending['kind'], string> = {
  role: 'Change role?',
  disable: 'Disable this account?',
  enable: 'Enable this account?',
  'reset-mfa': 'Reset the authenticator?',
  password: 'Set a temporary password',
  'end-sessions': 'End all sessions?',
};

export function UserCard({ user, onChanged }: { user: StaffUser; onChanged: () => void }) {
  const { me } = useSession();
  const isSelf = user.id === me.user.id;
  const [role, setRole] = useState<StaffRole>(user.role);
  const [pending, setPending] = useState<Pending>();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const headingId = `user-${user.id}`;

  const open = (next: Pending) => {
    setPending(next);
    setPassword('');
    setPasswordError(undefined);
    setError(undefined);
    setNotice('');
  };

  const run = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const patch = (changes: Omit<UpdateUserRequest, 'version'>) =>
        apiPatch<StaffUser>(`/api/users/${user.id}`, {
          version: user.version,
          ...changes,
        } satisfies UpdateUserRequest);
      switch (pending.kind) {
        case 'role':
          await patch({ role: pending.role });
          break;
        case 'disable':
          await patch({ status: 'disabled' });
          break;
        case 'enable':
          await patch({ status: 'active' });
          break;
        case 'reset-mfa':
          await patch({ resetMfa: true });
          break;
        case 'password':
          await patch({ temporaryPassword: password });
          break;
        case 'end-sessions': {
          const result = await apiPost<RevokeSessionsResult>(`/api/users/${user.id}/sessions/revoke`, {});
          setNotice(`${result.ended} session${result.ended === 1 ? '' : 's'} ended.`);
          setPending(undefined);
          return;
        }
      }
      setPending(undefined);
      // The list reloads and this card is replaced by one for the new version.
      onChanged();
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

  return (
    <li className="user-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {user.displayName}
        {isSelf ? <span className="muted"> (you)</span> : null}
      </h3>
      <dl className="user-card__facts">
        <div>
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{roleLabels[user.role]}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`badge badge--${user.status}`}>
              {user.status === 'active' ? 'Active' : 'Disabled'}
            </span>
          </dd>
        </div>
        <div>
          <dt>Authenticator</dt>
          <dd>{user.mfaEnrolled ? 'Enrolled' : 'Not enrolled yet'}</dd>
        </div>
      </dl>
      <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
      <NoticeBanner>{notice}</NoticeBanner>
      {isSelf ? (
        <p className="muted">Another administrator must change your own role or status.</p>
      ) : (
        <div className="user-card__actions">
          <div className="inline-add">
            <div className="field">
              <label htmlFor={`role-${user.id}`}>Role for {user.displayName}</label>
              <select
                id={`role-${user.id}`}
                value={role}
                onChange={(event) => setRole(event.target.value as StaffRole)}
              >
                {roleOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="button button--secondary"
              disabled={role === user.role}
              onClick={() => open({ kind: 'role', role })}
            >
              Change role
            </button>
          </div>
          <div className="button-row">
            {user.status === 'active' ? (
              <button
                type="button"
                className="button button--danger"
                onClick={() => open({ kind: 'disable' })}
              >
                Disable
              </button>
            ) : (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => open({ kind: 'enable' })}
              >
                Enable
              </button>
            )}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => open({ kind: 'reset-mfa' })}
            >
              Reset authenticator
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => open({ kind: 'password' })}
            >
              Set temporary password
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => open({ kind: 'end-sessions' })}
            >
              End sessions
            </button>
          </div>
        </div>
      )}
      {pending ? (
        <ConfirmDialog
          title={titles[pending.kind]}
          confirmLabel={pending.kind === 'password' ? 'Set password' : 'Confirm'}
          destructive={pending.kind !== 'enable' && pending.kind !== 'password'}
          busy={busy}
          onConfirm={run}
          onCancel={() => setPending(undefined)}
        >
          {pending.kind === 'role' ? (
            <p>
              {user.displayName} becomes {roleLabels[pending.role]}. Their sessions end so the new rights
              apply at once.
            </p>
          ) : pending.kind === 'disable' ? (
            <p>{user.displayName} can no longer sign in, and their open sessions end now.</p>
          ) : pending.kind === 'enable' ? (
            <p>{user.displayName} can sign in again.</p>
          ) : pending.kind === 'reset-mfa' ? (
            <p>
              {user.displayName} must set up a new authenticator at their next sign-in. Their sessions end
              now.
            </p>
          ) : pending.kind === 'end-sessions' ? (
            <p>{user.displayName} is signed out everywhere at once.</p>
          ) : (
            <PasswordField
              label={`Temporary password for ${user.displayName}`}
              value={password}
              onChange={setPassword}
              error={passwordError}
              autoComplete="new-password"
              showLengthHint
            />
          )}
        </ConfirmDialog>
      ) : null}
    </li>
  );
}
