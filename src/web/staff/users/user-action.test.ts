import { describe, expect, it } from 'vitest';
import { sessionsEndedNotice, userActionChanges, userActionDialog } from './user-action';

describe('userActionChanges', () => {
  it('turns each action into its account update', () => {
    expect(userActionChanges({ kind: 'role', role: 'admin' }, '')).toEqual({ role: 'admin' });
    expect(userActionChanges({ kind: 'disable' }, '')).toEqual({ status: 'disabled' });
    expect(userActionChanges({ kind: 'enable' }, '')).toEqual({ status: 'active' });
    expect(userActionChanges({ kind: 'reset-mfa' }, '')).toEqual({ resetMfa: true });
    expect(userActionChanges({ kind: 'password' }, 'correct horse')).toEqual({
      temporaryPassword: 'correct horse',
    });
  });

  it('has no account update for ending sessions', () => {
    expect(userActionChanges({ kind: 'end-sessions' }, '')).toBeUndefined();
  });
});

describe('userActionDialog', () => {
  it('marks what takes access away as destructive', () => {
    expect(userActionDialog({ kind: 'disable' })).toEqual({
      title: 'Disable this account?',
      confirmLabel: 'Confirm',
      destructive: true,
    });
    expect(userActionDialog({ kind: 'enable' }).destructive).toBe(false);
    expect(userActionDialog({ kind: 'password' })).toEqual({
      title: 'Set a temporary password',
      confirmLabel: 'Set password',
      destructive: false,
    });
  });
});

describe('sessionsEndedNotice', () => {
  it('counts sessions', () => {
    expect(sessionsEndedNotice(1)).toBe('1 session ended.');
    expect(sessionsEndedNotice(0)).toBe('0 sessions ended.');
  });
});
