import type { StaffUser } from '../../../contracts/users';
import { errorMessage } from '../api-client';
import { useSession } from '../session-context';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { useUserAction } from './use-user-action';
import { UserActionButtons } from './user-action-buttons';
import { UserActionDialog } from './user-action-dialog';
import { UserFacts } from './user-facts';

export function UserCard({ user, onChanged }: { user: StaffUser; onChanged: () => void }) {
  const { me } = useSession();
  const isSelf = user.id === me.user.id;
  const action = useUserAction(user, onChanged);
  const headingId = `user-${user.id}`;

  return (
    <li className="user-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {user.displayName}
        {isSelf ? <span className="muted"> (you)</span> : null}
      </h3>
      <UserFacts user={user} />
      <ErrorBanner>{action.error ? errorMessage(action.error) : null}</ErrorBanner>
      <NoticeBanner>{action.notice}</NoticeBanner>
      {isSelf ? (
        <p className="muted">Another administrator must change your own role or status.</p>
      ) : (
        <UserActionButtons user={user} open={action.open} />
      )}
      {action.pending ? (
        <UserActionDialog
          user={user}
          action={action.pending}
          password={action.password}
          onPassword={action.setPassword}
          passwordError={action.passwordError}
          busy={action.busy}
          onConfirm={action.run}
          onCancel={action.cancel}
        />
      ) : null}
    </li>
  );
}
