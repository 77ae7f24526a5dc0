import type { UpdateUserRequest } from '../../../contracts/users';
import type { StaffRole } from '../../../domain/auth';

/** An administrator's action on another account, waiting for confirmation. */
export type UserAction =
  | { kind: 'role'; role: StaffRole }
  | { kind: 'disable' }
  | { kind: 'enable' }
  | { kind: 'reset-mfa' }
  | { kind: 'password' }
  | { kind: 'end-sessions' };

const titles: Record<UserAction['kind'], string> = {
  role: 'Change role?',
  disable: 'Disable this account?',
  enable: 'Enable this account?',
  'reset-mfa': 'Reset the authenticator?',
  password: 'Set a temporary password',
  'end-sessions': 'End all sessions?',
};

/** How the confirmation dialog reads; every action that takes something away is marked destructive. */
export function userActionDialog(action: UserAction) {
  return {
    title: titles[action.kind],
    confirmLabel: action.kind === 'password' ? 'Set password' : 'Confirm',
    destructive: action.kind !== 'enable' && action.kind !== 'password',
  };
}

/** The account update an action sends; ending sessions is a separate request, so it has none. */
export function userActionChanges(
  action: UserAction,
  temporaryPassword: string,
): Omit<UpdateUserRequest, 'version'> | undefined {
  switch (action.kind) {
    case 'role':
      return { role: action.role };
    case 'disable':
      return { status: 'disabled' };
    case 'enable':
      return { status: 'active' };
    case 'reset-mfa':
      return { resetMfa: true };
    case 'password':
      return { temporaryPassword };
    case 'end-sessions':
      return undefined;
  }
}

/** "1 session ended.", "3 sessions ended." */
export function sessionsEndedNotice(ended: number): string {
  return `${ended} session${ended === 1 ? '' : 's'} ended.`;
}
