import { useState } from 'react';
import type { StaffUser } from '../../../contracts/users';
import type { StaffRole } from '../../../domain/auth';
import { roleOptions } from './role-options';
import type { UserAction } from './user-action';

/** Another person's account: choose a new role, or ask for one of the account actions. */
export function UserActionButtons({ user, open }: { user: StaffUser; open: (action: UserAction) => void }) {
  const [role, setRole] = useState<StaffRole>(user.role);
  return (
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
          <button type="button" className="button button--danger" onClick={() => open({ kind: 'disable' })}>
            Disable
          </button>
        ) : (
          <button type="button" className="button button--secondary" onClick={() => open({ kind: 'enable' })}>
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
        <button type="button" className="button button--secondary" onClick={() => open({ kind: 'password' })}>
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
  );
}
