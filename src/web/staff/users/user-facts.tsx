import type { StaffUser } from '../../../contracts/users';
import { roleLabels } from '../../../domain/auth';

export function UserFacts({ user }: { user: StaffUser }) {
  return (
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
      <div>
        <dt>Password</dt>
        <dd>
          {user.mustChangePassword ? 'Temporary — must be changed at the next sign-in' : 'Chosen by the user'}
        </dd>
      </div>
    </dl>
  );
}
