import { useState, type FormEvent } from 'react';
import type { ChangePasswordRequest, ChangePasswordResponse } from '../../../contracts/auth';
import { apiPost, errorMessage, fieldErrors } from '../api-client';
import { CalendarFeedSection } from '../scheduling/calendar-feed-section';
import { useCan, useSession } from '../session-context';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { PasswordField } from '../ui/password-field';
import { TextField } from '../ui/text-field';

type PasswordForm = Required<ChangePasswordRequest>;

const emptyForm: PasswordForm = { currentPassword: '', newPassword: '', code: '', endOtherSessions: true };

/**
 * The signed-in person's own account: change the password after proving it is still them (current
 * password and a fresh authenticator code), and by default sign out everywhere else.
 */
export function AccountPage() {
  const { me } = useSession();
  const can = useCan();
  const [form, setForm] = useState<PasswordForm>(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(undefined);
    setNotice('');
    try {
      const result = await apiPost<ChangePasswordResponse>('/api/auth/password', form);
      setForm(emptyForm);
      setNotice(
        result.endedSessions > 0
          ? `Password changed. ${result.endedSessions} other session${result.endedSessions === 1 ? ' was' : 's were'} signed out.`
          : 'Password changed.',
      );
    } catch (e) {
      setError(e);
      setErrors(fieldErrors(e, ['body']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{me.user.displayName}</strong> ({me.user.email}).
      </p>
      <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
      <NoticeBanner>{notice}</NoticeBanner>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>Change your password</legend>
          <PasswordField
            label="Current password"
            value={form.currentPassword}
            onChange={(currentPassword) => setForm({ ...form, currentPassword })}
            autoComplete="current-password"
            error={errors.currentPassword}
            required
          />
          <PasswordField
            label="New password"
            value={form.newPassword}
            onChange={(newPassword) => setForm({ ...form, newPassword })}
            autoComplete="new-password"
            error={errors.newPassword}
            showLengthHint
            required
          />
          <TextField
            label="Code from your authenticator app"
            value={form.code}
            onChange={(code) => setForm({ ...form, code })}
            error={errors.code}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
          />
          <div className="field field--checkbox">
            <input
              id="end-other-sessions"
              type="checkbox"
              checked={form.endOtherSessions}
              onChange={(event) => setForm({ ...form, endOtherSessions: event.target.checked })}
            />
            <label htmlFor="end-other-sessions">Sign out my other sessions</label>
          </div>
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
      {can('calendar.feed') ? <CalendarFeedSection /> : null}
    </>
  );
}
