import type { StaffUser } from '../../../contracts/users';
import { roleLabels } from '../../../domain/auth';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { PasswordField } from '../ui/password-field';
import { userActionDialog, type UserAction } from './user-action';

interface UserActionDialogProps {
  user: StaffUser;
  action: UserAction;
  password: string;
  onPassword: (password: string) => void;
  passwordError: string | undefined;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Says what the action will do to the account before it is done; a new password is typed here. */
export function UserActionDialog({
  user,
  action,
  password,
  onPassword,
  passwordError,
  busy,
  onConfirm,
  onCancel,
}: UserActionDialogProps) {
  const { title, confirmLabel, destructive } = userActionDialog(action);
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      destructive={destructive}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {action.kind === 'role' ? (
        <p>
          {user.displayName} becomes {roleLabels[action.role]}. Their sessions end so the new rights apply at
          once.
        </p>
      ) : action.kind === 'disable' ? (
        <p>{user.displayName} can no longer sign in, and their open sessions end now.</p>
      ) : action.kind === 'enable' ? (
        <p>{user.displayName} can sign in again.</p>
      ) : action.kind === 'reset-mfa' ? (
        <p>
          {user.displayName} must set up a new authenticator at their next sign-in. Their sessions end now.
        </p>
      ) : action.kind === 'end-sessions' ? (
        <p>{user.displayName} is signed out everywhere at once.</p>
      ) : (
        <PasswordField
          label={`Temporary password for ${user.displayName}`}
          value={password}
          onChange={onPassword}
          error={passwordError}
          autoComplete="new-password"
          showLengthHint
        />
      )}
    </ConfirmDialog>
  );
}
